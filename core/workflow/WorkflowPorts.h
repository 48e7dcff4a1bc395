// What the workflow asks of a front end, as small interfaces each front end
// implements: the GUI with dialogs and its console, headway-cli with the
// terminal (a prompt, --yes, refusal without a terminal) and stderr.
#pragma once

#include "runner/CommandSequence.h"

#include <functional>
#include <memory>

namespace headway {

struct CommandConfirmation;
struct Repository;

// Asks before a command runs. `answer` is called exactly once, now or later
// (a dialog), with true to go ahead.
class Confirmer
{
public:
    virtual ~Confirmer() = default;
    virtual void confirm(const CommandConfirmation &confirmation, std::function<void(bool accepted)> answer) = 0;
};

// Where an operation's steps are shown as they run.
class ProgressListener
{
public:
    virtual ~ProgressListener() = default;
    virtual void stepsPlanned(const QList<CommandStep> &steps) { Q_UNUSED(steps); }
    // Where a test upgrade runs ("PostgreSQL 15, throwaway server …"), once known and when it changes.
    virtual void runsOn(const QString &where) { Q_UNUSED(where); }
    virtual void stepStarted(int index, const CommandStep &step) = 0;
    virtual void stepFinished(int index, const StepResult &result) = 0;
};

// The tool's output as it streams, and Headway's own notes ("Backed up ...").
class OperationLog
{
public:
    virtual ~OperationLog() = default;
    virtual void outputLine(const QString &line) = 0;
    virtual void note(const QString &text) = 0;
};

// Reads the migrations again after a command wrote one (merge) or changed how they
// are read (values resolved through Python). `done` gets null when nothing could be read.
class RepositorySource
{
public:
    virtual ~RepositorySource() = default;
    virtual void reload(std::function<void(std::shared_ptr<const Repository> repository)> done) = 0;
};

// The ports one operation talks to; any may be null (nobody listens, nobody to ask:
// a null confirmer refuses every confirmation).
struct WorkflowPorts {
    Confirmer *confirmer = nullptr;
    ProgressListener *progress = nullptr;
    OperationLog *log = nullptr;
    RepositorySource *source = nullptr;
};

} // namespace headway
