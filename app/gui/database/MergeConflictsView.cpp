#include "database/MergeConflictsView.h"

#include "conflicts/ConflictFinder.h"
#include "conflicts/FindingCodes.h"
#include "layout/LoadedRepository.h"
#include "workflow/BackgroundWork.h"

#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace headway {

namespace {

const QString kErrorColour = QStringLiteral("#c62828");
const QString kWarningColour = QStringLiteral("#8a5a00");

QString counted(qsizetype count, const QString &one, const QString &many)
{
    return count == 1 ? one : many.arg(count);
}

} // namespace

MergeConflictsView::MergeConflictsView(std::shared_ptr<const LoadedRepository> loaded, QWidget *parent)
    : QWidget(parent)
    , m_loaded(std::move(loaded))
    , m_label(new QLabel(this))
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->setContentsMargins(4, 4, 4, 4);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_label);
    scroll->setWidgetResizable(true); // the label wraps to the dialog's width
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setMinimumHeight(90);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    connect(m_label, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("revision:")))
            Q_EMIT revisionActivated(link.mid(9));
    });
}

void MergeConflictsView::setOperations(std::shared_ptr<const LoadedRepository> loaded)
{
    if (!loaded)
        return;
    if (loaded->repository != m_loaded->repository) {
        // Read again from disk meanwhile: these are another repository's operations.
        if (m_loaded->operationsPending && m_finding) {
            m_finding = false;
            setHtml(tr("The migrations changed on disk while their operations were read: open Merge Heads… again "
                       "to check for collisions.").toHtmlEscaped());
            Q_EMIT reportShown();
        }
        return;
    }
    m_loaded = std::move(loaded);
    showBetween(m_heads);
}

void MergeConflictsView::showBetween(const QList<int> &heads)
{
    const int job = ++m_job;
    m_heads = heads;
    m_report = {};
    if (heads.size() < 2) {
        m_finding = false;
        setHtml(tr("Tick at least two heads to see what collides when their branches meet.").toHtmlEscaped());
        Q_EMIT reportShown();
        return;
    }
    if (m_loaded->operationsPending) {
        m_finding = true; // setOperations finds once they are in
        setHtml(tr("Reading the migrations' operations…").toHtmlEscaped());
        return;
    }
    if (m_loaded->operations.isEmpty()) {
        // An empty report would read as "no collisions": say why there is none.
        m_finding = false;
        setHtml(tr("The migrations' operations were not read, so collisions cannot be checked.").toHtmlEscaped());
        Q_EMIT reportShown();
        return;
    }
    m_finding = true;
    setHtml(tr("Looking for collisions…").toHtmlEscaped());
    // Quick for a handful of branches, but a long-lived fork can hold thousands of operations.
    const std::shared_ptr<const LoadedRepository> loaded = m_loaded;
    runInBackground(
        this, [loaded, heads] { return ConflictFinder(*loaded->repository, loaded->operations).between(heads); },
        [this, job](const ConflictReport &report) {
            if (job != m_job)
                return; // the ticked heads changed meanwhile
            m_finding = false;
            showReport(report);
            Q_EMIT reportShown();
        },
        QThreadPool::globalInstance());
}

QString MergeConflictsView::text() const
{
    return QTextDocumentFragment::fromHtml(m_label->text()).toPlainText();
}

QStringList MergeConflictsView::links() const
{
    QStringList found;
    static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
    for (auto it = href.globalMatch(m_label->text()); it.hasNext();)
        found += it.next().captured(1);
    return found;
}

void MergeConflictsView::showReport(const ConflictReport &report)
{
    m_report = report;
    QList<const ConflictFinding *> collisions, warnings;
    for (const ConflictFinding &finding : report.findings)
        (finding.collision ? collisions : warnings).append(&finding);
    QString html;
    if (collisions.isEmpty())
        html += QStringLiteral("<p><span style=\"color:#2e7d32\">\u2714</span> %1</p>")
                    .arg(tr("No collisions between these branches.").toHtmlEscaped());
    else
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(counted(collisions.size(), tr("1 collision between these branches:"),
                                 tr("%1 collisions between these branches:"))
                             .toHtmlEscaped());
    for (const ConflictFinding *finding : std::as_const(collisions))
        html += findingHtml(*finding);
    if (!warnings.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(counted(warnings.size(), tr("1 warning in the branches' migrations:"),
                                 tr("%1 warnings in the branches' migrations:"))
                             .toHtmlEscaped());
        for (const ConflictFinding *finding : std::as_const(warnings))
            html += findingHtml(*finding);
    }
    QStringList notes;
    if (!report.silenced.isEmpty())
        notes += counted(report.silenced.size(), tr("1 finding silenced by # headway: ignore"),
                         tr("%1 findings silenced by # headway: ignore"));
    if (!report.notAnalysed.isEmpty())
        notes += counted(report.notAnalysed.size(), tr("1 statement not analysed (raw SQL): rehearse to be sure"),
                         tr("%1 statements not analysed (raw SQL): rehearse to be sure"));
    if (!notes.isEmpty())
        html += QStringLiteral("<p style=\"color:gray\">%1</p>").arg(notes.join(QStringLiteral(" · ")).toHtmlEscaped());
    setHtml(html);
}

QString MergeConflictsView::findingHtml(const ConflictFinding &finding) const
{
    const bool error = finding.severity == ConflictFinding::Severity::Error;
    const FindingCode *code = findingCode(finding.code);
    QString html = QStringLiteral("<p><span style=\"color:%1\">%2 %3</span> <b>%4</b>: %5")
                       .arg(error ? kErrorColour : kWarningColour, error ? QStringLiteral("\u2716") : QStringLiteral("\u26a0"),
                            finding.severityName(), (code ? code->title : finding.code).toHtmlEscaped(),
                            finding.message.toHtmlEscaped());
    for (const FindingLocation &location : finding.locations)
        html += QStringLiteral("<br>&nbsp;&nbsp;&nbsp;<a href=\"revision:%1\">%1</a> %2:%3 <tt>%4</tt>")
                    .arg(location.revision.toHtmlEscaped(), location.path.toHtmlEscaped(),
                         QString::number(location.line), location.operation.toHtmlEscaped());
    if (!finding.fix.isEmpty())
        html += QStringLiteral("<br>&nbsp;&nbsp;&nbsp;<i>%1</i> %2").arg(tr("Fix:").toHtmlEscaped(), finding.fix.toHtmlEscaped());
    return html + QStringLiteral("</p>");
}

void MergeConflictsView::setHtml(const QString &html)
{
    m_label->setText(html);
}

} // namespace headway
