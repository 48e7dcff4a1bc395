#include "MergePreviewDialog.h"

#include "database/MergeConflictsView.h"
#include "layout/LoadedRepository.h"
#include "workflow/BackgroundWork.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace headway {

MergePreviewDialog::MergePreviewDialog(std::shared_ptr<const Repository> repository, const QString &ref, QWidget *parent)
    : QDialog(parent)
    , m_repository(std::move(repository))
    , m_ref(new QLineEdit(ref, this))
    , m_previewButton(new QPushButton(tr("&Preview"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_summary(new QLabel(this))
    , m_conflictsArea(new QVBoxLayout)
{
    setWindowTitle(tr("Preview Merge"));
    resize(720, 560);
    m_ref->setToolTip(tr("Any git revision: upstream/main, origin/main, a tag, a commit. Nothing is checked out."));
    m_ref->setAccessibleName(tr("Ref to merge"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_cancelButton->setEnabled(false);
    auto *refRow = new QHBoxLayout;
    refRow->addWidget(new QLabel(tr("Merge &ref:"), this));
    refRow->addWidget(m_ref, 1);
    refRow->addWidget(m_previewButton);
    refRow->addWidget(m_cancelButton);
    qobject_cast<QLabel *>(refRow->itemAt(0)->widget())->setBuddy(m_ref);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(refRow);
    layout->addWidget(m_summary);
    layout->addLayout(m_conflictsArea, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_previewButton, &QPushButton::clicked, this, &MergePreviewDialog::preview);
    connect(m_ref, &QLineEdit::returnPressed, this, &MergePreviewDialog::preview);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_cancel)
            m_cancel->store(true);
    });
    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("revision:")))
            Q_EMIT revisionActivated(link.mid(9));
    });
}

MergePreviewDialog::~MergePreviewDialog()
{
    if (m_cancel)
        m_cancel->store(true); // git stops; the result is dropped with this dialog
}

void MergePreviewDialog::preview()
{
    const QString ref = m_ref->text().trimmed();
    if (ref.isEmpty() || !m_repository)
        return;
    if (m_cancel)
        m_cancel->store(true);
    const int job = ++m_job;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_previewing = true;
    m_cancelButton->setEnabled(true);
    m_summary->setText(tr("Reading %1 and the work tree from git…").arg(ref.toHtmlEscaped()));
    const std::shared_ptr<const Repository> repository = m_repository;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    runInBackground(
        this,
        [repository, ref, cancel] {
            LoadOptions options;
            options.cancel = cancel.get();
            return std::make_shared<const MergePreviewResult>(MergePreview::preview(*repository, ref, options));
        },
        [this, job, cancel](const std::shared_ptr<const MergePreviewResult> &result) {
            if (job != m_job)
                return;
            m_previewing = false;
            m_cancelButton->setEnabled(false);
            if (cancel->load()) {
                m_summary->setText(tr("Preview cancelled."));
                Q_EMIT previewShown();
                return;
            }
            showResult(result);
        });
}

void MergePreviewDialog::showResult(std::shared_ptr<const MergePreviewResult> result)
{
    m_result = std::move(result);
    m_summary->setText(summaryHtml(*m_result));
    delete m_conflicts;
    m_conflicts = nullptr;
    if (m_result->ok() && m_result->merged.graph.heads().size() > 1) {
        auto merged = std::make_shared<const Repository>(m_result->merged);
        m_conflicts = new MergeConflictsView(LoadedRepository::make(merged, {}, {}, m_result->operations), this);
        m_conflictsArea->addWidget(m_conflicts);
        connect(m_conflicts, &MergeConflictsView::revisionActivated, this, &MergePreviewDialog::revisionActivated);
        connect(m_conflicts, &MergeConflictsView::reportShown, this, &MergePreviewDialog::previewShown);
        m_conflicts->showBetween(m_result->merged.graph.heads());
        return;
    }
    Q_EMIT previewShown();
}

QString MergePreviewDialog::summaryHtml(const MergePreviewResult &result) const
{
    if (!result.ok())
        return QStringLiteral("<span style=\"color:#c62828\">\u2716</span> ") + result.error.toHtmlEscaped();
    const RevisionGraph &graph = result.merged.graph;
    QStringList heads;
    for (int head : graph.heads())
        heads += QStringLiteral("<a href=\"revision:%1\">%2</a>").arg(graph.node(head).id.toHtmlEscaped(), graph.node(head).id.left(12).toHtmlEscaped());
    QString html = tr("<p>Merging <b>%1</b> (%2) into %3, with the work tree's changes. Nothing is checked out or staged.</p>")
                       .arg(result.ref.toHtmlEscaped(), result.refCommit.left(10),
                            result.head.isEmpty() ? tr("an empty HEAD") : tr("HEAD (%1)").arg(result.head.left(10)));
    html += result.alreadyMerged ? tr("<p>%1 is already merged: nothing comes in.</p>").arg(result.ref.toHtmlEscaped())
                                 : result.incoming.size() == 1 ? tr("<p>Brings in 1 revision.</p>")
                                                               : tr("<p>Brings in %1 revisions.</p>").arg(result.incoming.size());
    const bool several = result.verdict.status == HealthVerdict::Status::MultipleHeads;
    const QString mark = result.exitCode() == 0 ? QStringLiteral("<span style=\"color:#2e7d32\">\u2714</span>")
                                                : QStringLiteral("<span style=\"color:#c62828\">\u2716</span>");
    html += QStringLiteral("<p>%1 <b>%2</b> %3</p>").arg(mark, tr("Heads after the merge:"), heads.join(QStringLiteral(", ")));
    if (several)
        html += tr("<p>A merge migration will be needed after <code>git merge %1</code> (Merge Heads).</p>").arg(result.ref.toHtmlEscaped());
    if (result.rebase.offered)
        html += tr("<p><b>Or rebase:</b> %1 After the merge, use <i>Rebase onto Upstream's Head</i> "
                   "(headway-cli rebase %2 --onto %3).</p>")
                    .arg(result.rebase.reason.toHtmlEscaped(), result.rebase.revision.toHtmlEscaped(), result.rebase.onto.toHtmlEscaped());
    else if (several && !result.rebase.reason.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(result.rebase.reason.toHtmlEscaped());
    for (const GitFileConflict &conflict : result.gitConflicts)
        html += tr("<p><span style=\"color:#c62828\">\u2716</span> git will stop on <code>%1</code>: %2</p>")
                    .arg(conflict.path.toHtmlEscaped(), conflict.reason.toHtmlEscaped());
    for (const Diagnostic &d : result.merged.diagnostics)
        if (d.severity == Severity::Error && d.code != QLatin1String("git-merge-conflict"))
            html += QStringLiteral("<p><span style=\"color:#c62828\">\u2716</span> %1</p>").arg(d.message.toHtmlEscaped());
    return html;
}

QString MergePreviewDialog::summaryText() const
{
    return QTextDocumentFragment::fromHtml(m_summary->text()).toPlainText();
}

} // namespace headway
