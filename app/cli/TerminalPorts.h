// The terminal's side of the workflow: confirmations as a [y/N] prompt on the
// terminal, --yes, or a refusal where nobody can answer; steps and the tool's
// output on stderr (stdout is for results); the migrations read again from disk.
#pragma once

#include "CliContext.h"
#include "ToolRunning.h"

#include "workflow/WorkflowPorts.h"

namespace headway::cli {

class TerminalPorts : public Confirmer, public ProgressListener, public OperationLog, public RepositorySource
{
public:
    TerminalPorts(Context &context, Echo echo);

    WorkflowPorts ports() { return {this, this, this, this}; }

    void confirm(const CommandConfirmation &confirmation, std::function<void(bool)> answer) override;
    void stepStarted(int index, const CommandStep &step) override;
    void stepFinished(int index, const StepResult &result) override;
    void outputLine(const QString &line) override;
    void note(const QString &text) override;
    void reload(std::function<void(std::shared_ptr<const Repository>)> done) override;

    void setRepositoryArgument(const QString &argument) { m_argument = argument; }

private:
    bool askTerminal(const QString &question);

    Context &m_c;
    Echo m_echo;
    bool m_loud;
    bool m_quietStep = false; // a helper step (reading `current`): its output is not news
    QString m_argument;
};

} // namespace headway::cli
