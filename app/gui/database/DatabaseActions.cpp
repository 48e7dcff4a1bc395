#include "database/DatabaseActions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace headway {

DatabaseActions::DatabaseActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    refresh = make(tr("&Refresh Database State"), tr("Ask the database which revisions it is at (flask db current)"),
                   QKeySequence(Qt::CTRL | Qt::Key_F5));
    upgradeHeads = make(tr("&Upgrade to All Heads"), tr("Apply every migration the database lacks (upgrade heads)"));
    upgradeSelected = make(tr("Upgrade to &Selected Revision"), tr("Upgrade the database to the selected revision"));
    downgradeSelected = make(tr("&Downgrade to Selected Revision…"),
                             tr("Undo the migrations after the selected revision, after confirmation"));
    stepBack = make(tr("Step &Back One Migration…"), tr("Undo the newest migration the database has applied"));
    stampSelected = make(tr("S&tamp Selected Revision…"),
                         tr("Record the selected revision as the database's without running migrations"));
    mergeHeads = make(tr("&Merge Heads…"), tr("Create a merge migration that joins the heads"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    rehearseMerge = make(tr("Re&hearse Merge…"),
                         tr("Before merging, upgrade scratch databases along every path a deployed database can take "
                            "to the merged heads, and show each path that fails (yours is not touched)"));
    testUpgrade = make(tr("&Test Upgrade"),
                       tr("Run every migration up, down and up again on a scratch database (yours is not touched)"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    previewUpgradeSql = make(tr("Preview &Upgrade SQL"),
                             tr("Show the SQL an upgrade to the selection (or to all heads) would run, without running it"));
    previewDowngradeSql = make(tr("Preview D&owngrade SQL"),
                               tr("Show the SQL a downgrade to the selected revision would run, without running it"));
    restoreBackup = make(tr("Restore &Last Backup…"), tr("Put back the copy of the SQLite database taken before the last command"));
    runSettings = make(tr("Run Se&ttings…"), tr("The Flask app, interpreter, environment and test command used to run commands"));
    resolveValues = make(tr("Resolve Values with &Python"),
                         tr("Read revision identifiers that are not literals by importing just those files with the "
                            "project's interpreter"));
    cancel = make(tr("&Cancel Command"), tr("Stop the running command"));
    menu = new QMenu(tr("&Database"), window);
    update({});
}

void DatabaseActions::populate(QToolBar *toolBar, QWidget *graph)
{
    menu->addAction(refresh);
    menu->addSeparator();
    menu->addActions({upgradeHeads, upgradeSelected, downgradeSelected, stepBack, stampSelected});
    menu->addSeparator();
    menu->addActions({mergeHeads, rehearseMerge, testUpgrade});
    menu->addSeparator();
    menu->addActions({previewUpgradeSql, previewDowngradeSql});
    menu->addSeparator();
    menu->addActions({restoreBackup, cancel});
    menu->addSeparator();
    menu->addActions({resolveValues, runSettings});

    QMenuBar *bar = m_window->menuBar();
    const QList<QAction *> menus = bar->actions();
    bar->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu); // before Help

    toolBar->addSeparator();
    toolBar->addActions({refresh, upgradeHeads, mergeHeads, rehearseMerge, testUpgrade});

    graph->setContextMenuPolicy(Qt::ActionsContextMenu);
    graph->addActions({upgradeSelected, downgradeSelected, stampSelected, previewUpgradeSql, mergeHeads, rehearseMerge});
}

void DatabaseActions::update(const State &state)
{
    const bool canRun = state.repository && state.ready && !state.busy;
    refresh->setEnabled(canRun);
    upgradeHeads->setEnabled(canRun);
    stepBack->setEnabled(canRun);
    testUpgrade->setEnabled(canRun);
    for (QAction *action : {upgradeSelected, downgradeSelected, stampSelected, previewDowngradeSql})
        action->setEnabled(canRun && state.selected == 1);
    previewUpgradeSql->setEnabled(canRun && state.selected <= 1);
    mergeHeads->setEnabled(canRun && state.heads > 1);
    rehearseMerge->setEnabled(canRun && state.heads > 1);
    restoreBackup->setEnabled(state.backup && !state.busy);
    runSettings->setEnabled(state.repository && !state.busy);
    resolveValues->setEnabled(canRun && state.unresolved > 0);
    cancel->setEnabled(state.busy);
}

QAction *DatabaseActions::make(const QString &text, const QString &tip, const QKeySequence &shortcut)
{
    auto *action = new QAction(text, m_window);
    action->setShortcut(shortcut);
    const QString keys = shortcut.toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys));
    action->setStatusTip(tip);
    m_window->addAction(action);
    return action;
}

} // namespace headway
