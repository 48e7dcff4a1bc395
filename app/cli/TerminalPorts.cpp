#include "TerminalPorts.h"

#include "repository/RepositoryLoader.h"
#include "workflow/CommandConfirmation.h"

#include <unistd.h>

namespace headway::cli {

TerminalPorts::TerminalPorts(Context &context, Echo echo)
    : m_c(context)
    , m_echo(echo)
    , m_loud((echo != Echo::Quiet && echo != Echo::Silent) || context.isGiven(QStringLiteral("verbose")))
{
}

void TerminalPorts::confirm(const CommandConfirmation &confirmation, std::function<void(bool)> answer)
{
    // The plan is a result when it is printed as text; with --json it is commentary.
    QTextStream &planOut = jsonOutput(m_c) ? m_c.err : m_c.out;
    planOut << confirmation.question << '\n';
    for (const QString &effect : confirmation.effects)
        planOut << "  " << effect << '\n';
    if (!confirmation.warning.isEmpty())
        m_c.err << "headway-cli: " << confirmation.warning << '\n';
    planOut.flush();
    m_c.err.flush();
    if (!confirmation.destructive || confirmation.changesNothing) {
        answer(true); // scripts upgrade without being asked; the plan above says what ran
        return;
    }
    answer(askTerminal(confirmation.title));
}

bool TerminalPorts::askTerminal(const QString &question)
{
    if (m_c.isGiven(QStringLiteral("yes")))
        return true;
    if (!isatty(STDIN_FILENO)) {
        m_c.err << "headway-cli: " << question << " Nobody can answer here: pass --yes to go ahead.\n";
        return false;
    }
    m_c.err << question << " [y/N] ";
    m_c.err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

void TerminalPorts::stepStarted(int, const CommandStep &step)
{
    // Helpers (reading `current`, locating the database) are optional steps: quiet.
    const bool helper = step.optional && m_echo != Echo::StepsAndCommand;
    m_quietStep = helper && !m_c.isGiven(QStringLiteral("verbose"));
    if (m_echo == Echo::StepsAndCommand)
        m_c.err << "==> " << step.title << '\n';
    if (m_loud && !m_quietStep)
        m_c.err << "$ " << step.line.shellText() << '\n';
    m_c.err.flush();
}

void TerminalPorts::stepFinished(int, const StepResult &result)
{
    // Silent: the command reports failures itself (a rehearsal's failing paths are its answer).
    if (!m_loud && m_echo != Echo::Silent && !result.result.succeeded() && !result.step.optional && !result.skipped)
        m_c.err << "$ " << result.step.line.shellText() << '\n' << result.result.output;
    m_c.err.flush();
}

void TerminalPorts::outputLine(const QString &line)
{
    if (!m_loud || m_quietStep)
        return;
    m_c.err << line << '\n';
    m_c.err.flush();
}

void TerminalPorts::note(const QString &text)
{
    m_c.err << text << '\n';
    m_c.err.flush();
}

void TerminalPorts::reload(std::function<void(std::shared_ptr<const Repository>)> done)
{
    auto repository = std::make_shared<const Repository>(RepositoryLoader::load(m_argument, loadOptions()));
    done(repository->found() ? repository : nullptr);
}

} // namespace headway::cli
