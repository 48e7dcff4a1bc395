#include "database/MergeDialog.h"

#include "plan/MergeRequest.h"
#include "report/RevisionName.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace headway {

MergeDialog::MergeDialog(std::shared_ptr<const Repository> repository, const QList<int> &checked,
                         std::optional<MigrationTool> tool, QWidget *parent)
    : QDialog(parent)
    , m_repository(std::move(repository))
    , m_tool(std::move(tool))
    , m_heads(new QListWidget(this))
    , m_message(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Merge Heads"));
    setMinimumWidth(640); // room for a descriptive message and the command
    for (int head : m_repository->graph.heads()) {
        auto *item = new QListWidgetItem(revisionName(*m_repository, head), m_heads);
        item->setData(Qt::UserRole, m_repository->graph.node(head).id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(head) ? Qt::Checked : Qt::Unchecked);
    }
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
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    m_defaultMessage = MergeRequest::defaultMessage(*m_repository, [this] {
        QList<int> heads;
        for (const QString &id : selectedHeads())
            heads.append(m_repository->graph.indexOf(id));
        return heads;
    }());
    m_message->setText(m_defaultMessage);
    connect(m_heads, &QListWidget::itemChanged, this, [this] {
        // A message the user did not write follows the ticked heads.
        if (m_message->text() == m_defaultMessage) {
            QList<int> heads;
            for (const QString &id : selectedHeads())
                heads.append(m_repository->graph.indexOf(id));
            m_defaultMessage = MergeRequest::defaultMessage(*m_repository, heads);
            m_message->setText(m_defaultMessage);
        }
        refresh();
    });
    connect(m_message, &QLineEdit::textChanged, this, &MergeDialog::refresh);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
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
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    okButton()->setEnabled(problem.isEmpty());
    QList<int> nodes;
    for (const QString &id : heads)
        nodes.append(m_repository->graph.indexOf(id));
    const QString across = MergeRequest::acrossBranchesWarning(*m_repository, nodes);
    m_warning->setText(across);
    m_warning->setVisible(!across.isEmpty());
    okButton()->setText(across.isEmpty() ? tr("Merge") : tr("Merge Anyway"));
    m_preview->setText(m_tool ? m_tool->merge(heads, message()).shellText()
                              : tr("(looking for the interpreter…)"));
}

} // namespace headway
