// What runs a list of steps and reports each: CommandSequence (a process per
// step) and DriverSequence (a whole test upgrade in one driver process) look
// the same to the workflow, the panel and the terminal.
#pragma once

#include "FailureExplainer.h"
#include "MigrationCommand.h"

#include <QObject>

namespace headway {

struct CommandStep {
    QString title;            // "Upgrade to heads", "Undo b3a83eea3022 (add user preferences)"
    CommandLine line;         // what runs, or (a driven step) the equivalent command to copy
    bool optional = false;    // a failure is reported but the sequence goes on
};

struct StepResult {
    CommandStep step;
    CommandResult result;
    FailureExplanation explanation; // for failed steps
    bool skipped = false;           // not run: an earlier step failed or the run was cancelled
    QString error;                  // a driven step: the exception that failed it, "Type: message"
    QStringList errorFrames;        // and its traceback, outermost first, as "file:line"
    QStringList data;               // a driven step's report (a rehearsal's schema lines)

    static StepResult skippedOf(const CommandStep &step)
    {
        StepResult skipped;
        skipped.step = step;
        skipped.skipped = true;
        skipped.result.outcome = CommandResult::Outcome::Cancelled;
        return skipped;
    }
};

class StepRunner : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void setTimeout(int milliseconds) = 0; // for each step
    virtual void start() = 0;                      // on the next event-loop turn
    virtual void cancel() = 0;
    virtual const QList<StepResult> &results() const = 0;

Q_SIGNALS:
    void stepStarted(int index, const headway::CommandStep &step);
    void outputLine(const QString &line);
    void stepFinished(int index, const headway::StepResult &result);
    void finished(bool succeeded);
};

} // namespace headway

Q_DECLARE_METATYPE(headway::CommandStep)
Q_DECLARE_METATYPE(headway::StepResult)
