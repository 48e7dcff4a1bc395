#include "window/GraphPresentation.h"

#include "config/Preferences.h"
#include "graph/GraphView.h"
#include "session/RepositorySession.h"

#include <QAction>
#include <QMenu>

namespace headway {

namespace {

QAction *makeAction(QObject *parent, const QString &text, const QString &tip, const QKeySequence &keys = {})
{
    auto *action = new QAction(text, parent);
    action->setShortcut(keys);
    const QString shown = keys.toString(QKeySequence::NativeText);
    action->setStatusTip(tip);
    action->setToolTip(shown.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, shown));
    return action;
}

LayoutDirection directionOf(Preferences::LayoutDirection direction)
{
    return direction == Preferences::LayoutDirection::LeftRight ? LayoutDirection::LeftRight
                                                                : LayoutDirection::TopDown;
}

} // namespace

GraphPresentation::GraphPresentation(RepositorySession *session, GraphView *view, Preferences *preferences,
                                     QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_preferences(preferences)
{
    collapseRuns = makeAction(parent, tr("&Collapse Linear Runs"),
                              tr("Draw the middle of each long run of revisions as one box; on by default "
                                 "for long histories"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    collapseRuns->setCheckable(true);
    expandAllRuns = makeAction(parent, tr("&Expand All Runs"), tr("Draw every revision in a box of its own"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    leftToRight = makeAction(parent, tr("&Left to Right"),
                             tr("Lay the graph out with time running to the right instead of upwards"));
    leftToRight->setCheckable(true);

    connect(collapseRuns, &QAction::triggered, this, [this](bool on) {
        m_session->setCollapseMode(on ? CollapseOptions::Mode::Always : CollapseOptions::Mode::Never);
    });
    connect(expandAllRuns, &QAction::triggered, this,
            [this] { m_session->setCollapseMode(CollapseOptions::Mode::Never); });
    // The menu changes the preference, so the choice outlives the session.
    connect(leftToRight, &QAction::triggered, this, [this](bool on) {
        m_preferences->setLayoutDirection(on ? Preferences::LayoutDirection::LeftRight
                                             : Preferences::LayoutDirection::TopDown);
    });
    m_session->setLayoutDirection(directionOf(preferences->layoutDirection()));
    m_session->setCollapseThreshold(preferences->collapseThreshold());
    connect(preferences, &Preferences::layoutDirectionChanged, this, [this](Preferences::LayoutDirection direction) {
        m_session->setLayoutDirection(directionOf(direction));
        leftToRight->setChecked(direction == Preferences::LayoutDirection::LeftRight);
    });
    connect(preferences, &Preferences::collapseThresholdChanged, m_session, &RepositorySession::setCollapseThreshold);
    connect(view, &GraphView::runExpansionRequested, m_session, &RepositorySession::expandRuns);
    connect(m_session, &RepositorySession::repositoryReady, this, &GraphPresentation::syncWithSession);
    connect(m_session, &RepositorySession::closed, this, [this] { setEnabled(false); });
    setEnabled(false);
}

void GraphPresentation::addTo(QMenu *menu)
{
    menu->addSeparator();
    menu->addActions({collapseRuns, expandAllRuns, leftToRight});
}

void GraphPresentation::setEnabled(bool enabled)
{
    for (QAction *action : {collapseRuns, expandAllRuns, leftToRight})
        action->setEnabled(enabled);
}

void GraphPresentation::syncWithSession()
{
    setEnabled(true);
    collapseRuns->setChecked(m_session->showsCollapsedRuns());
    expandAllRuns->setEnabled(m_session->showsCollapsedRuns());
    leftToRight->setChecked(m_session->layoutDirection() == LayoutDirection::LeftRight);
}

} // namespace headway
