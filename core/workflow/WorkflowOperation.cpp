#include "workflow/WorkflowOperation.h"

#include "workflow/BackgroundWork.h"
#include "workflow/CommandConfirmation.h"
#include "runner/CommandSequence.h"

#include <QEventLoop>
#include <QTimer>

namespace headway {

namespace {

QString lastLine(const QString &output)
{
    return output.trimmed().section(QLatin1Char('\n'), -1).trimmed();
}

} // namespace

WorkflowOperation::WorkflowOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_request(std::move(request))
    , m_ports(ports)
{
    qRegisterMetaType<CommandStep>();
    qRegisterMetaType<StepResult>();
    qRegisterMetaType<OperationResult>();
    m_result.kind = m_request.kind;
    m_result.plan = m_request.plan;
    m_result.before = m_context.database;
    m_result.after = m_context.database;
}

WorkflowOperation::~WorkflowOperation() = default;

void WorkflowOperation::start()
{
    if (m_running || m_finished)
        return;
    m_running = true;
    QTimer::singleShot(0, this, [this] {
        Q_EMIT started(m_result.title);
        if (!finishIfCancelRequested())
            run();
    });
}

void WorkflowOperation::cancel()
{
    if (!m_running || m_cancelRequested)
        return;
    m_cancelRequested = true;
    addNote(tr("Cancelling…"));
    if (m_sequence)
        m_sequence->cancel();
    else
        cancelWithoutSteps();
}

OperationResult WorkflowOperation::runToEnd()
{
    QEventLoop loop;
    connect(this, &WorkflowOperation::finished, &loop, &QEventLoop::quit);
    start();
    if (m_running)
        loop.exec();
    return m_result;
}

void WorkflowOperation::runSteps(const QList<CommandStep> &steps, StepsDone done)
{
    runWith(new CommandSequence(steps), std::move(done));
}

void WorkflowOperation::runWith(StepRunner *sequence, StepsDone done)
{
    const int offset = int(m_result.steps.size());
    sequence->setParent(this);
    sequence->setTimeout(m_context.tool.settings().timeoutSeconds * 1000);
    m_sequence = sequence;
    connect(sequence, &StepRunner::stepStarted, this, [this, offset](int index, const CommandStep &step) {
        if (m_ports.progress)
            m_ports.progress->stepStarted(offset + index, step);
        Q_EMIT stepStarted(offset + index, step);
    });
    connect(sequence, &StepRunner::outputLine, this, [this](const QString &line) {
        if (m_ports.log)
            m_ports.log->outputLine(line);
        Q_EMIT outputLine(line);
    });
    connect(sequence, &StepRunner::stepFinished, this, [this, offset](int index, const StepResult &result) {
        if (m_ports.progress)
            m_ports.progress->stepFinished(offset + index, result);
        Q_EMIT stepFinished(offset + index, result);
    });
    connect(sequence, &StepRunner::finished, this, [this, sequence, done = std::move(done)](bool succeeded) {
        m_sequence = nullptr;
        const QList<StepResult> results = sequence->results();
        m_result.steps += results;
        sequence->deleteLater(); // it emitted this signal
        done(results, succeeded);
    });
    sequence->start();
}

void WorkflowOperation::confirmThen(const CommandConfirmation &confirmation, std::function<void()> next)
{
    if (m_request.confirmed) {
        next();
        return;
    }
    if (!m_ports.confirmer) {
        finish(OperationResult::Outcome::NotConfirmed, tr("Nobody can confirm “%1”.").arg(m_result.title));
        return;
    }
    m_ports.confirmer->confirm(confirmation, [this, next = std::move(next)](bool accepted) {
        if (m_finished || finishIfCancelRequested())
            return;
        if (!accepted) {
            finish(OperationResult::Outcome::NotConfirmed, tr("%1: not confirmed, nothing ran").arg(m_result.title));
            return;
        }
        next();
    });
}

bool WorkflowOperation::finishIfCancelRequested()
{
    if (!m_cancelRequested)
        return false;
    finish(OperationResult::Outcome::Cancelled, tr("%1: cancelled").arg(m_result.title));
    return true;
}

void WorkflowOperation::finishFromSteps(bool succeeded, const QString &successMessage)
{
    if (succeeded) {
        finish(OperationResult::Outcome::Succeeded, successMessage);
        return;
    }
    const StepResult *failed = m_result.failedStep();
    if (!failed) {
        finish(m_cancelRequested ? OperationResult::Outcome::Cancelled : OperationResult::Outcome::Failed,
               tr("%1: cancelled").arg(m_result.title));
        return;
    }
    m_result.explanation = failed->explanation;
    switch (failed->result.outcome) {
    case CommandResult::Outcome::Cancelled:
        finish(OperationResult::Outcome::Cancelled, tr("%1: cancelled").arg(m_result.title));
        return;
    case CommandResult::Outcome::TimedOut:
        finish(OperationResult::Outcome::TimedOut,
               tr("%1: timed out after %2 s").arg(m_result.title).arg(m_context.tool.settings().timeoutSeconds));
        return;
    default:
        break;
    }
    // A driven step knows the exception that failed it: that, never an unrelated line before it.
    const QString own = failed->error.isEmpty() ? lastLine(failed->result.output) : failed->error;
    const QString why = failed->explanation.recognised() ? failed->explanation.summary : own;
    locateFailureThenFinish(OperationResult::Outcome::Failed, tr("%1 failed: %2").arg(m_result.title, why), own);
}

void WorkflowOperation::locateFailureThenFinish(OperationResult::Outcome outcome, const QString &message,
                                                const QString &why)
{
    const StepResult *failed = m_result.failedStep();
    if (!failed || !m_context.repository) {
        finish(outcome, message);
        return;
    }
    const std::shared_ptr<const Repository> repository = m_context.repository;
    const QString output = failed->result.output;
    const QStringList frames = failed->errorFrames;
    runInBackground(
        this, [repository, output, frames] { return FailureSite::locate(*repository, output, frames); },
        [this, outcome, message, why](const FailureSite &site) {
            m_result.site = site;
            // "dd710196dcb0 (add post slug) fails: index ix_user_email is also created by ..." says more.
            if (site.summary.isEmpty())
                finish(outcome, message);
            else if (site.objectName.isEmpty() && !why.isEmpty())
                finish(outcome, site.summary + QStringLiteral(": ") + why);
            else
                finish(outcome, site.summary);
        },
        QThreadPool::globalInstance());
}

void WorkflowOperation::readCurrentThen(std::function<void()> next)
{
    runSteps({CommandStep{tr("Read the database's revisions"), m_context.tool.current(), true}},
             [this, next = std::move(next)](const QList<StepResult> &results, bool) {
                 m_result.after = DatabaseState::fromCurrent(results.value(0), m_context.repository->graph);
                 next();
             });
}

void WorkflowOperation::addNote(const QString &text)
{
    if (m_ports.log)
        m_ports.log->note(text);
    Q_EMIT note(text);
}

void WorkflowOperation::finish(OperationResult::Outcome outcome, const QString &message)
{
    if (m_finished || m_finishing)
        return;
    m_finishing = true;
    // Every way out goes through the teardown: success, failure, timeout and cancel alike.
    teardownThen([this, outcome, message] {
        m_finished = true;
        m_running = false;
        m_result.outcome = outcome;
        m_result.message = message;
        Q_EMIT finished(m_result);
    });
}

} // namespace headway
