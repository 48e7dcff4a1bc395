// How the graph is presented, as the View menu offers it: collapsed linear runs
// (on by default for long histories) and their expansion, and the layout's
// direction. Turns the view's, the actions' and the preferences' requests into
// the session's options, which lay the repository out again off the GUI thread.
#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace headway {

class GraphView;
class Preferences;
class RepositorySession;

class GraphPresentation : public QObject
{
    Q_OBJECT

public:
    // The layout direction and collapse threshold start as `preferences` say and follow them.
    GraphPresentation(RepositorySession *session, GraphView *view, Preferences *preferences, QObject *parent);

    void addTo(QMenu *menu);
    // The repository-dependent actions follow the window's.
    void setEnabled(bool enabled);

    QAction *collapseRuns;   // checkable: collapsed runs shown
    QAction *expandAllRuns;
    QAction *leftToRight;    // checkable: time runs left to right instead of upwards

private:
    void syncWithSession();

    RepositorySession *m_session;
    Preferences *m_preferences;
};

} // namespace headway
