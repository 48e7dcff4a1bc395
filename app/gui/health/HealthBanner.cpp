#include "health/HealthBanner.h"

#include <QLabel>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <algorithm>

namespace headway {

namespace {

QColor levelColor(HealthProblem::Level level)
{
    switch (level) {
    case HealthProblem::Level::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case HealthProblem::Level::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case HealthProblem::Level::Error:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QString symbolFor(HealthProblem::Level level)
{
    switch (level) {
    case HealthProblem::Level::Ok:
        return QStringLiteral("\u2714"); // check mark
    case HealthProblem::Level::Warning:
        return QStringLiteral("\u26a0"); // warning sign
    case HealthProblem::Level::Error:
        return QStringLiteral("\u2716"); // heavy cross
    }
    return {};
}

} // namespace

HealthBanner::HealthBanner(QWidget *parent)
    : QFrame(parent)
    , m_lines(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("healthBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_lines->setContentsMargins(8, 4, 8, 4);
    m_lines->setSpacing(2);
    setAccessibleName(tr("Repository health"));
}

void HealthBanner::showProblems(const QList<HealthProblem> &problems)
{
    // A reload with the same problems keeps what the user opened.
    const bool same = problems.size() == m_problems.size()
        && std::equal(problems.cbegin(), problems.cend(), m_problems.cbegin(),
                      [](const HealthProblem &a, const HealthProblem &b) { return a.text == b.text; });
    m_problems = problems;
    if (!same) {
        m_expanded = false;
        m_detailsOpen = QList<bool>(problems.size(), false);
    }
    rebuild();
}

void HealthBanner::setDetailsShown(bool shown)
{
    m_detailsOpen = QList<bool>(m_problems.size(), shown);
    rebuild();
}

void HealthBanner::setForkFlow(const QString &html)
{
    if (html == m_forkFlow)
        return;
    m_forkFlow = html;
    if (!m_problems.isEmpty())
        rebuild();
}

QString HealthBanner::text() const
{
    QStringList lines;
    for (const QLabel *label : m_labels)
        lines.append(QTextDocumentFragment::fromHtml(label->text()).toPlainText());
    return lines.join(QLatin1Char('\n'));
}

void HealthBanner::rebuild()
{
    // Later, not now: a click on one of these labels may be what brought us here.
    for (QLabel *label : std::as_const(m_labels)) {
        label->hide();
        label->deleteLater();
    }
    m_labels.clear();
    HealthProblem::Level worst = HealthProblem::Level::Ok;
    for (const HealthProblem &problem : std::as_const(m_problems))
        worst = std::max(worst, problem.level);

    const int shown = m_expanded ? int(m_problems.size()) : std::min(int(m_problems.size()), foldedLines);
    for (int i = 0; i < shown; ++i) {
        const HealthProblem &problem = m_problems.at(i);
        const bool clickable = !problem.revisions.isEmpty() || !problem.path.isEmpty();
        const QString what = problem.text.toHtmlEscaped();
        QString html = clickable ? QStringLiteral("<a href=\"problem:%1\">%2</a>").arg(i).arg(what) : what;
        if (!problem.action.isEmpty())
            html += QStringLiteral(" &mdash; <a href=\"action:%1\">%2</a>").arg(problem.action, problem.actionText.toHtmlEscaped());
        const bool open = m_detailsOpen.value(i);
        if (!problem.fix.isEmpty())
            html += QStringLiteral(" &nbsp;<a href=\"details:%1\">%2</a>").arg(i).arg(open ? tr("Hide details") : tr("Details…"));
        QLabel *line = addLine(html, problem.level);
        line->setAccessibleDescription(problem.fix); // read out even while the details are closed
        if (open && !problem.fix.isEmpty()) {
            QLabel *fix = addLine(QStringLiteral("<b>%1</b> %2").arg(tr("Fix:"), problem.fix.toHtmlEscaped()), problem.level);
            fix->setText(QStringLiteral("<b>%1</b> %2").arg(tr("Fix:"), problem.fix.toHtmlEscaped())); // no symbol
            fix->setIndent(20);
        }
    }
    if (m_problems.size() > foldedLines) {
        addLine(m_expanded ? tr("<a href=\"fold\">Show fewer</a>")
                           : tr("<a href=\"unfold\">Show all %1 problems</a>").arg(m_problems.size()),
                worst);
    }

    if (!m_forkFlow.isEmpty() && !m_problems.isEmpty())
        addLine(m_forkFlow, worst == HealthProblem::Level::Ok ? HealthProblem::Level::Ok : HealthProblem::Level::Warning);

    // A tint of the worst level's colour behind the lines.
    QPalette tinted = palette();
    QColor background = levelColor(worst);
    background.setAlpha(40);
    tinted.setColor(QPalette::Window, background);
    setPalette(m_problems.isEmpty() ? QPalette() : tinted);
}

QLabel *HealthBanner::addLine(const QString &html, HealthProblem::Level level)
{
    auto *label = new QLabel(this);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction); // links, and the fix can be copied
    label->setText(QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
                       .arg(levelColor(level).name(), symbolFor(level), html));
    connect(label, &QLabel::linkActivated, this, &HealthBanner::activateLink);
    m_lines->addWidget(label);
    m_labels.append(label);
    return label;
}

void HealthBanner::activateLink(const QString &link)
{
    if (link == QLatin1String("unfold") || link == QLatin1String("fold")) {
        m_expanded = link == QLatin1String("unfold");
        rebuild();
    } else if (link.startsWith(QLatin1String("details:"))) {
        const int index = link.mid(8).toInt();
        if (index >= 0 && index < m_detailsOpen.size()) {
            m_detailsOpen[index] = !m_detailsOpen.at(index);
            rebuild();
        }
    } else if (link.startsWith(QLatin1String("action:"))) {
        Q_EMIT actionRequested(link.mid(7));
    } else if (link.startsWith(QLatin1String("problem:"))) {
        const int index = link.mid(8).toInt();
        if (index >= 0 && index < m_problems.size()) {
            const HealthProblem &problem = m_problems.at(index);
            Q_EMIT problemActivated(problem.revisions, problem.path, problem.line);
        }
    }
}

} // namespace headway
