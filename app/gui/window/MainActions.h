// Every command of the main window as a QAction with its text, shortcut, icon,
// tooltip and status tip, laid out into menus and the toolbar. No behaviour:
// the window connects each action to what it does.
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;

namespace headway {

class MainActions : public QObject
{
    Q_OBJECT

public:
    explicit MainActions(QMainWindow *window);

    // Builds the menu bar and the toolbar; `panels` are the docks' toggle actions.
    void populate(const QList<QAction *> &panels);
    // Puts the Settings menu just before Help, once every other menu is in the bar.
    void placeSettingsMenu();
    // Commands that need a repository on screen.
    void setRepositoryActionsEnabled(bool enabled);
    // Alt+arrows follow the graph: Alt+Up is the child when newer revisions are
    // drawn above, Alt+Right when they are drawn to the right.
    void setArrowsAcross(bool leftToRight);

    QAction *open, *openDemo, *reload, *closeRepository, *exportSvg, *exportPng, *exportDot, *quit;
    QAction *zoomIn, *zoomOut, *fitToWindow, *actualSize, *find, *findNext, *findPrevious;
    QAction *goParent, *goChild, *goNextSibling, *goPreviousSibling;
    QAction *preferences, *keyboardShortcuts, *about;
    QMenu *recentMenu;
    QMenu *viewMenu = nullptr; // made by populate()
    QMenu *settingsMenu;
    QToolBar *toolBar;

private:
    QAction *make(const QString &text, const QString &tip, const QList<QKeySequence> &shortcuts = {});

    QMainWindow *m_window;
};

} // namespace headway
