// The Database menu's commands as QActions with text, tips and shortcuts, laid
// out into the menu, the toolbar and the graph's context menu, enabled by what
// is possible now. No behaviour: DatabaseCommands connects them.
#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QToolBar;
class QWidget;

namespace headway {

class DatabaseActions : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseActions(QMainWindow *window);

    // Adds the Database menu before Help, the main entries to `toolBar`, and the
    // revision commands to `graph`'s context menu.
    void populate(QToolBar *toolBar, QWidget *graph);

    struct State {
        bool repository = false; // a repository is on screen
        bool ready = false;      // its tool is prepared and works
        bool busy = false;       // a command is running
        int selected = 0;        // revisions selected in the graph
        int heads = 0;
        bool backup = false;     // a backup can be restored
        int unresolved = 0;      // files with revision identifiers that are not literals
    };
    void update(const State &state);

    QAction *refresh, *upgradeHeads, *upgradeSelected, *downgradeSelected, *stepBack, *stampSelected;
    QAction *mergeHeads, *rehearseMerge, *testUpgrade, *previewUpgradeSql, *previewDowngradeSql, *restoreBackup, *runSettings;
    QAction *resolveValues;
    QAction *cancel;
    QMenu *menu;

private:
    QAction *make(const QString &text, const QString &tip, const QKeySequence &shortcut = {});

    QMainWindow *m_window;
};

} // namespace headway
