#include "database/CommandConsole.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace headway {

namespace {

constexpr int maximumOutputLines = 20000;

QString outcomeText(const StepResult &result)
{
    if (result.skipped)
        return CommandConsole::tr("Skipped");
    switch (result.result.outcome) {
    case CommandResult::Outcome::Succeeded:
        return CommandConsole::tr("Succeeded (exit code 0)");
    case CommandResult::Outcome::Failed:
        return CommandConsole::tr("Failed (exit code %1)").arg(result.result.exitCode);
    case CommandResult::Outcome::Cancelled:
        return CommandConsole::tr("Cancelled");
    case CommandResult::Outcome::TimedOut:
        return CommandConsole::tr("Timed out");
    case CommandResult::Outcome::FailedToStart:
        return CommandConsole::tr("Could not start");
    }
    return {};
}

QString elapsedText(qint64 milliseconds)
{
    return CommandConsole::tr("%1 s").arg(double(milliseconds) / 1000.0, 0, 'f', 1);
}

} // namespace

CommandConsole::CommandConsole(MigrationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_title(new QLabel(tr("No command has run yet."), this))
    , m_command(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_status(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy as Shell Command"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_output(new QPlainTextEdit(this))
    , m_explanation(new QLabel(this))
    , m_fix(new QPushButton(this))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_command->setFont(fixed);
    m_command->setWordWrap(true);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setToolTip(tr("The command exactly as Headway runs it, with the environment it sets"));
    m_output->setReadOnly(true);
    m_output->setAccessibleName(tr("Command output"));
    m_output->setFont(fixed);
    m_output->setMaximumBlockCount(maximumOutputLines);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setToolTip(tr("Copy the command so you can run it in a terminal yourself"));
    m_copy->setEnabled(false);
    m_cancel->setEnabled(false);
    m_fix->hide();
    m_explanation->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_status);
    header->addWidget(m_elapsed);
    header->addWidget(m_copy);
    header->addWidget(m_cancel);
    auto *fixRow = new QHBoxLayout;
    fixRow->addWidget(m_explanation, 1);
    fixRow->addWidget(m_fix, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_command);
    layout->addLayout(fixRow);
    layout->addWidget(m_output, 1);

    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, &CommandConsole::updateElapsed);
    connect(m_cancel, &QPushButton::clicked, m_controller, &MigrationController::cancel);
    connect(m_copy, &QPushButton::clicked, this, &CommandConsole::copyShellCommand);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (m_fixCode == QLatin1String("multiple-heads"))
            Q_EMIT mergeRequested();
        else if (m_fixCode == QLatin1String("not-up-to-date"))
            Q_EMIT upgradeRequested();
        else if (m_fixCode == QLatin1String("already-exists"))
            Q_EMIT testUpgradeRequested();
        else if (m_fixCode == QLatin1String("no-db-command") || m_fixCode == QLatin1String("app-import-failed"))
            Q_EMIT settingsRequested();
    });
    connect(controller, &MigrationController::operationStarted, this,
            [this](MigrationController::Operation, const QString &title) { startOperation(title); });
    connect(controller, &MigrationController::stepStarted, this,
            [this](MigrationController::Operation, int, const CommandStep &step) { startStep(step); });
    connect(controller, &MigrationController::outputLine, this, &CommandConsole::append);
    connect(controller, &MigrationController::stepFinished, this,
            [this](MigrationController::Operation, int, const StepResult &result) { finishStep(result); });
    connect(controller, &MigrationController::operationFinished, this,
            [this](MigrationController::Operation, bool succeeded, const QString &message) {
                finishOperation(succeeded, message);
            });
}

QString CommandConsole::commandText() const
{
    return m_command->text();
}

QString CommandConsole::outputText() const
{
    return m_output->toPlainText();
}

QString CommandConsole::statusText() const
{
    return m_status->text();
}

QString CommandConsole::explanationText() const
{
    return m_explanation->isHidden() ? QString() : m_explanation->text();
}

void CommandConsole::copyShellCommand() const
{
    if (!m_line.program.isEmpty())
        QGuiApplication::clipboard()->setText(m_line.shellText());
}

void CommandConsole::startOperation(const QString &title)
{
    m_title->setText(title);
    m_status->setText(tr("Running…"));
    m_stoppedBy.reset();
    m_cancel->setEnabled(true);
    showExplanation({});
    append(QStringLiteral("\n=== %1 ===").arg(title));
    m_clock.start();
    m_ticker.start();
    updateElapsed();
}

void CommandConsole::startStep(const CommandStep &step)
{
    m_line = step.line;
    m_copy->setEnabled(true);
    m_command->setText(QStringLiteral("$ ") + step.line.shellText());
    append(QStringLiteral("\u25b6 %1\n$ %2").arg(step.title, step.line.shellText()));
}

void CommandConsole::finishStep(const StepResult &result)
{
    append(QStringLiteral("\u25a0 %1 (%2)").arg(outcomeText(result), elapsedText(result.result.elapsedMs)));
    if (!result.skipped && (result.result.outcome == CommandResult::Outcome::Cancelled
                            || result.result.outcome == CommandResult::Outcome::TimedOut))
        m_stoppedBy = result.result.outcome;
    if (!result.skipped && !result.result.succeeded() && result.explanation.recognised())
        showExplanation(result.explanation);
}

void CommandConsole::finishOperation(bool succeeded, const QString &message)
{
    m_ticker.stop();
    updateElapsed();
    m_cancel->setEnabled(false);
    if (succeeded)
        m_status->setText(tr("Done"));
    else if (m_stoppedBy == CommandResult::Outcome::Cancelled)
        m_status->setText(tr("Cancelled"));
    else if (m_stoppedBy == CommandResult::Outcome::TimedOut)
        m_status->setText(tr("Timed out"));
    else
        m_status->setText(tr("Failed"));
    if (!message.isEmpty())
        append(message);
}

void CommandConsole::showExplanation(const FailureExplanation &explanation)
{
    m_fixCode = explanation.code;
    if (!explanation.recognised()) {
        m_explanation->hide();
        m_fix->hide();
        return;
    }
    m_explanation->setText(tr("%1\nFix: %2").arg(explanation.summary, explanation.fix));
    m_explanation->show();
    // The failures with a fix Headway can start: one button for it.
    static const QHash<QString, const char *> fixes{
        {QStringLiteral("multiple-heads"), QT_TR_NOOP("Merge Heads…")},
        {QStringLiteral("not-up-to-date"), QT_TR_NOOP("Upgrade")},
        {QStringLiteral("already-exists"), QT_TR_NOOP("Test Upgrade (names both migrations)")},
        {QStringLiteral("no-db-command"), QT_TR_NOOP("Run Settings…")},
        {QStringLiteral("app-import-failed"), QT_TR_NOOP("Run Settings…")},
    };
    const char *fix = fixes.value(explanation.code);
    if (fix)
        m_fix->setText(tr(fix));
    m_fix->setVisible(fix != nullptr);
}

void CommandConsole::updateElapsed()
{
    m_elapsed->setText(m_clock.isValid() ? elapsedText(m_clock.elapsed()) : QString());
}

void CommandConsole::append(const QString &text)
{
    m_output->appendPlainText(text);
}

} // namespace headway
