#include "database/RehearsalPanel.h"

#include "database/MigrationController.h"
#include "database/RehearsalView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace headway {

namespace {

using Operation = MigrationController::Operation;

QString rehearseTip()
{
    return RehearsalPanel::tr("Upgrade a scratch database along every path a deployed database can take to the merged "
                              "state: from base in each order, from each head already deployed, from the common "
                              "ancestor. Your database is not touched.");
}

} // namespace

RehearsalPanel::RehearsalPanel(MigrationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_rehearse(new QPushButton(tr("&Rehearse"), this))
    , m_cancel(new QPushButton(tr("Cancel Rehearsal"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_view(new RehearsalView(this))
{
    m_rehearse->setToolTip(rehearseTip());
    m_cancel->setToolTip(tr("Stop the rehearsal; its scratch databases are removed"));
    m_cancel->hide();
    m_progress->hide();
    m_progress->setTextVisible(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Rehearse runs the merge for real on scratch databases before you make it, and shows "
                          "every path that fails or ends with a different schema."));
    m_view->setMinimumHeight(150);
    m_view->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rehearse);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_rehearse, &QPushButton::clicked, this, &RehearsalPanel::rehearse);
    connect(m_cancel, &QPushButton::clicked, this, &RehearsalPanel::cancel);
    connect(m_view, &RehearsalView::revisionsActivated, this, &RehearsalPanel::revisionsActivated);
    connect(controller, &MigrationController::stepsPlanned, this, [this](Operation operation, const QList<CommandStep> &steps) {
        if (m_running && operation == Operation::Rehearse)
            stepsPlanned(steps);
    });
    connect(controller, &MigrationController::stepStarted, this, [this](Operation operation, int index, const CommandStep &step) {
        if (m_running && operation == Operation::Rehearse)
            stepStarted(index, step.title);
    });
    connect(controller, &MigrationController::stepFinished, this, [this](Operation operation, int index) {
        if (m_running && operation == Operation::Rehearse && m_progress->maximum() > 0)
            m_progress->setValue(index + 1);
    });
    connect(controller, &MigrationController::operationResult, this, [this](const OperationResult &result) {
        if (m_running && result.kind == OperationKind::Rehearse)
            showResult(result);
    });
    connect(controller, &MigrationController::busyChanged, this, &RehearsalPanel::updateButtons);
    connect(controller, &MigrationController::toolChanged, this, &RehearsalPanel::updateButtons);
    updateButtons();
}

void RehearsalPanel::setHeads(const QStringList &heads)
{
    m_heads = heads;
    updateButtons();
    if (!m_running && !m_verdict.isEmpty())
        setSummary(m_verdict, m_verdictFailed);
}

bool RehearsalPanel::rehearse()
{
    if (m_running)
        return false;
    QString refusal;
    const QMetaObject::Connection refused
        = connect(m_controller, &MigrationController::refused, this, [&refusal](const QString &reason) { refusal = reason; });
    m_ranOn = m_controller->repository(); // what the operation's node indices refer to
    m_rehearsing = m_heads;
    m_running = true; // before run(): its first reports may arrive before it returns
    const bool started = m_controller->rehearse(m_heads);
    disconnect(refused);
    if (!started) {
        m_running = false;
        setSummary(refusal.isEmpty() ? tr("The rehearsal could not start.") : refusal, true);
        updateButtons();
        return false;
    }
    if (!m_running)
        return true; // it has already ended: its result is shown
    m_progress->setRange(0, 0); // busy until the steps are known
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    setSummary(tr("Rehearsing the merge of %1 on scratch databases…").arg(m_heads.join(QStringLiteral(" + "))), false);
    updateButtons();
    Q_EMIT runningChanged(true);
    return true;
}

void RehearsalPanel::cancel()
{
    if (!m_running)
        return;
    m_cancel->setEnabled(false); // once: the teardown takes a moment
    setSummary(tr("Cancelling the rehearsal…"), false);
    m_controller->cancel();
}

QString RehearsalPanel::summaryText() const
{
    return m_summary->text();
}

void RehearsalPanel::stepsPlanned(const QList<CommandStep> &steps)
{
    m_progress->setRange(0, int(steps.size()));
    m_progress->setValue(0);
}

void RehearsalPanel::stepStarted(int index, const QString &title)
{
    if (!m_cancel->isEnabled())
        return; // cancelling: keep saying so
    const int total = m_progress->maximum();
    setSummary(total > 0 ? tr("Rehearsing: step %1 of %2, %3").arg(index + 1).arg(total).arg(title)
                         : tr("Rehearsing: %1").arg(title),
               false);
}

void RehearsalPanel::showResult(const OperationResult &result)
{
    m_running = false;
    m_progress->hide();
    m_cancel->hide();
    const RehearsalReport &report = result.rehearsal;
    if (!report.paths.isEmpty() && m_ranOn) {
        m_view->showReport(*m_ranOn, report);
        m_view->show();
        m_shownHeads = m_rehearsing;
    }
    m_verdict = result.message.isEmpty() ? tr("The rehearsal ended.") : result.message;
    m_verdictFailed = !result.succeeded();
    setSummary(m_verdict, m_verdictFailed);
    updateButtons();
    Q_EMIT runningChanged(false);
    Q_EMIT finished(result.succeeded());
}

void RehearsalPanel::updateButtons()
{
    QString why;
    if (m_running)
        why = tr("The rehearsal is running.");
    else if (m_heads.size() < 2)
        why = tr("Tick at least two heads to rehearse their merge.");
    else if (m_controller->isBusy())
        why = tr("“%1” is still running.").arg(m_controller->operationTitle());
    else if (!m_controller->isToolReady() || m_controller->isPreparing())
        why = m_controller->toolProblem();
    m_rehearse->setEnabled(why.isEmpty());
    m_rehearse->setToolTip(why.isEmpty() ? rehearseTip() : QStringLiteral("%1\n\n%2").arg(rehearseTip(), why));
    m_rehearse->setStatusTip(why);
}

void RehearsalPanel::setSummary(const QString &text, bool failed)
{
    QString shown = text;
    if (!m_running && !m_shownHeads.isEmpty() && text == m_verdict && m_shownHeads != m_heads)
        shown += QLatin1Char('\n') + tr("This is the rehearsal of %1; the ticked heads have changed since: rehearse again.")
                                         .arg(m_shownHeads.join(QStringLiteral(" + ")));
    m_summary->setText(shown);
    m_summary->setStyleSheet(failed ? QStringLiteral("color: #c62828") : QString());
}

} // namespace headway
