#include "database/MergeDialog.h"

#include "database/MergeConflictsView.h"
#include "database/RehearsalPanel.h"
#include "database/RehearsalView.h"
#include "layout/LoadedRepository.h"
#include "plan/MergeRequest.h"
#include "report/RevisionName.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace headway {

MergeDialog::MergeDialog(std::shared_ptr<const LoadedRepository> loaded, const QList<int> &checked,
                         std::optional<MigrationTool> tool, MigrationController *controller, QWidget *parent)
    : QDialog(parent)
    , m_repository(loaded->repository)
    , m_tool(std::move(tool))
    , m_heads(new QListWidget(this))
    , m_message(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_conflicts(new MergeConflictsView(loaded, this))
    , m_rehearsal(new RehearsalPanel(controller, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Merge Heads"));
    setMinimumWidth(640); // room for a descriptive message and the command
    resize(820, 680);     // and for the conflicts and the rehearsal's rows below
    for (int head : m_repository->graph.heads()) {
        auto *item = new QListWidgetItem(revisionName(*m_repository, head), m_heads);
        item->setData(Qt::UserRole, m_repository->graph.node(head).id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(head) ? Qt::Checked : Qt::Unchecked);
    }
    // A few rows: the room below is for what the merge would meet.
    m_heads->setMaximumHeight(m_heads->sizeHintForRow(0) * qBound(2, m_heads->count(), 5) + 2 * m_heads->frameWidth() + 8);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #8a5a00"));
    m_warning->setWordWrap(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Heads to merge:"), m_heads);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(QString(), m_problem);
    form->addRow(QString(), m_warning);
    form->addRow(tr("Command:"), m_preview);
    auto *conflicts = new QGroupBox(tr("Conflicts"), this);
    (new QVBoxLayout(conflicts))->addWidget(m_conflicts);
    auto *rehearsal = new QGroupBox(tr("Rehearsal"), this);
    (new QVBoxLayout(rehearsal))->addWidget(m_rehearsal);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(conflicts, 1);
    layout->addWidget(rehearsal, 0); // until it has rows to show: then it shares the room
    layout->addWidget(m_buttons);

    m_defaultMessage = MergeRequest::defaultMessage(*m_repository, selectedNodes());
    m_message->setText(m_defaultMessage);
    connect(m_heads, &QListWidget::itemChanged, this, &MergeDialog::headsChanged);
    connect(m_message, &QLineEdit::textChanged, this, &MergeDialog::refresh);
    connect(m_conflicts, &MergeConflictsView::revisionActivated, this,
            [this](const QString &id) { Q_EMIT revisionsActivated({id}); });
    connect(m_rehearsal, &RehearsalPanel::revisionsActivated, this, &MergeDialog::revisionsActivated);
    connect(m_rehearsal, &RehearsalPanel::runningChanged, this, &MergeDialog::refresh);
    connect(m_rehearsal, &RehearsalPanel::finished, this,
            [layout, rehearsal, this] { layout->setStretchFactor(rehearsal, m_rehearsal->view()->isHidden() ? 0 : 1); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_conflicts->showBetween(selectedNodes());
    m_rehearsal->setHeads(selectedHeads());
    refresh();
}

void MergeDialog::headsChanged()
{
    // A message the user did not write follows the ticked heads.
    if (m_message->text() == m_defaultMessage) {
        m_defaultMessage = MergeRequest::defaultMessage(*m_repository, selectedNodes());
        m_message->setText(m_defaultMessage);
    }
    m_conflicts->showBetween(selectedNodes());
    m_rehearsal->setHeads(selectedHeads());
    refresh();
}

QList<int> MergeDialog::selectedNodes() const
{
    QList<int> nodes;
    for (const QString &id : selectedHeads())
        nodes.append(m_repository->graph.indexOf(id));
    return nodes;
}

bool MergeDialog::rehearse()
{
    return m_rehearsal->rehearse();
}

void MergeDialog::done(int result)
{
    if (m_rehearsal->isRunning())
        m_rehearsal->cancel();
    QDialog::done(result);
}

QStringList MergeDialog::selectedHeads() const
{
    QStringList ids;
    for (int row = 0; row < m_heads->count(); ++row)
        if (m_heads->item(row)->checkState() == Qt::Checked)
            ids.append(m_heads->item(row)->data(Qt::UserRole).toString());
    return ids;
}

QString MergeDialog::message() const
{
    return m_message->text();
}

void MergeDialog::setMessage(const QString &message)
{
    m_message->setText(message);
}

void MergeDialog::setHeadChecked(const QString &id, bool checked)
{
    for (int row = 0; row < m_heads->count(); ++row)
        if (m_heads->item(row)->data(Qt::UserRole).toString() == id)
            m_heads->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QString MergeDialog::problemText() const
{
    return m_problem->text();
}

QString MergeDialog::warningText() const
{
    return m_warning->text();
}

QString MergeDialog::commandPreview() const
{
    return m_preview->text();
}

QPushButton *MergeDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void MergeDialog::refresh()
{
    const QStringList heads = selectedHeads();
    QString problem = MergeRequest::messageProblem(message());
    if (problem.isEmpty() && heads.size() < 2)
        problem = tr("Tick at least two heads: a merge joins two or more branches.");
    if (problem.isEmpty() && m_tool && !m_tool->ready())
        problem = m_tool->problem();
    if (problem.isEmpty() && m_rehearsal->isRunning())
        problem = tr("Wait for the rehearsal to end, or cancel it: one command runs at a time.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
    const QString across = MergeRequest::acrossBranchesWarning(*m_repository, selectedNodes());
    m_warning->setText(across);
    m_warning->setVisible(!across.isEmpty());
    okButton()->setText(across.isEmpty() ? tr("Merge") : tr("Merge Anyway"));
    m_preview->setText(m_tool ? m_tool->merge(heads, message()).shellText()
                              : tr("(looking for the interpreter…)"));
}

} // namespace headway
