#include "window/MainActions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

namespace headway {

namespace {

// The desktop theme's icon when there is one, else Headway's own.
QIcon themed(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
}

QIcon themed(const QString &name, const QStyle *style, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}

} // namespace

MainActions::MainActions(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    const QStyle *style = window->style();
    open = make(tr("&Open…"), tr("Open a project, an alembic.ini or a migrations directory"),
                {QKeySequence::Open});
    open->setIcon(themed(QStringLiteral("document-open"), style, QStyle::SP_DialogOpenButton));
    openDemo = make(tr("Open &Demo"), tr("Open the bundled demo: a fork whose merge left two heads"));
    reload = make(tr("&Reload"), tr("Read the migrations again from disk"), {QKeySequence(Qt::Key_F5)});
    reload->setIcon(themed(QStringLiteral("view-refresh"), style, QStyle::SP_BrowserReload));
    closeRepository = make(tr("&Close Repository"), tr("Close the repository and go back to the start page"),
                           {QKeySequence(Qt::CTRL | Qt::Key_W)});
    closeRepository->setIcon(themed(QStringLiteral("document-close"), style, QStyle::SP_DialogCloseButton));
    exportSvg = make(tr("Export as &SVG…"), tr("Save the graph as a scalable SVG image"));
    exportSvg->setIcon(themed(QStringLiteral("document-export")));
    exportPng = make(tr("Export as &PNG…"), tr("Save the graph as a PNG image"));
    exportDot = make(tr("Export as &DOT…"), tr("Save the graph in Graphviz's DOT language"));
    quit = make(tr("&Quit"), tr("Quit Headway"), {QKeySequence(Qt::CTRL | Qt::Key_Q)});
    quit->setMenuRole(QAction::QuitRole);

    zoomIn = make(tr("Zoom &In"), tr("Make the graph larger"),
                  {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    zoomIn->setIcon(themed(QStringLiteral("zoom-in")));
    zoomOut = make(tr("Zoom &Out"), tr("Make the graph smaller"),
                   {QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    zoomOut->setIcon(themed(QStringLiteral("zoom-out")));
    fitToWindow = make(tr("&Fit to Window"),
                       tr("Show the whole graph, or, when it would be too small to read, every branch at the newest "
                          "revisions"),
                       {QKeySequence(Qt::CTRL | Qt::Key_0)});
    fitToWindow->setIcon(themed(QStringLiteral("zoom-fit-best")));
    actualSize = make(tr("&Actual Size"), tr("Show the graph at 100 %"), {QKeySequence(Qt::CTRL | Qt::Key_1)});
    actualSize->setIcon(themed(QStringLiteral("zoom-original")));
    find = make(tr("&Find…"), tr("Find revisions by id or message"), {QKeySequence::Find});
    find->setIcon(themed(QStringLiteral("edit-find")));
    findNext = make(tr("Find &Next"), tr("Select the next revision that matches"),
                    {QKeySequence(Qt::Key_F3)});
    findPrevious = make(tr("Find Pre&vious"), tr("Select the previous revision that matches"),
                        {QKeySequence(Qt::SHIFT | Qt::Key_F3)});

    // Newest revisions are at the top: a parent lies below its children (setArrowsAcross turns them).
    goParent = make(tr("&Parent"), tr("Select the selected revision's parent (its down_revision)"),
                    {QKeySequence(Qt::ALT | Qt::Key_Down)});
    goParent->setIcon(themed(QStringLiteral("go-down"), style, QStyle::SP_ArrowDown));
    goChild = make(tr("&Child"), tr("Select a revision that follows the selected one"),
                   {QKeySequence(Qt::ALT | Qt::Key_Up)});
    goChild->setIcon(themed(QStringLiteral("go-up"), style, QStyle::SP_ArrowUp));
    goNextSibling = make(tr("&Next Sibling"), tr("Select the next revision with the same parent"),
                         {QKeySequence(Qt::ALT | Qt::Key_Right)});
    goNextSibling->setIcon(themed(QStringLiteral("go-next"), style, QStyle::SP_ArrowRight));
    goPreviousSibling = make(tr("P&revious Sibling"), tr("Select the previous revision with the same parent"),
                             {QKeySequence(Qt::ALT | Qt::Key_Left)});
    goPreviousSibling->setIcon(themed(QStringLiteral("go-previous"), style, QStyle::SP_ArrowLeft));

    // The platform's key for preferences, and Ctrl+, wherever the platform names none.
    QList<QKeySequence> preferencesKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferencesKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        preferencesKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences = make(tr("&Preferences…"),
                       tr("The editor for migration files, defaults for new repositories and how the graph is drawn"),
                       preferencesKeys);
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setIcon(themed(QStringLiteral("preferences-system"), style, QStyle::SP_FileDialogDetailedView));
    keyboardShortcuts = make(tr("&Keyboard Shortcuts"), tr("List every command that has a keyboard shortcut"),
                             {QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    keyboardShortcuts->setIcon(QIcon::fromTheme(QStringLiteral("preferences-desktop-keyboard-shortcuts")));
    about = make(tr("&About Headway"), tr("Show Headway's version and what it does"));
    about->setMenuRole(QAction::AboutRole);
    about->setIcon(themed(QStringLiteral("help-about"), style, QStyle::SP_MessageBoxInformation));

    recentMenu = new QMenu(tr("Open &Recent"), window);
    recentMenu->menuAction()->setStatusTip(tr("Open a repository you opened before"));
    recentMenu->menuAction()->setToolTip(recentMenu->menuAction()->statusTip());
    settingsMenu = new QMenu(tr("&Settings"), window);
    settingsMenu->addAction(preferences);
    toolBar = new QToolBar(tr("Main Toolbar"), window);
    toolBar->setObjectName(QStringLiteral("mainToolBar")); // saveState() needs it
    setRepositoryActionsEnabled(false);
}

void MainActions::populate(const QList<QAction *> &panels)
{
    QMenuBar *bar = m_window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addActions({open, openDemo});
    file->addMenu(recentMenu);
    file->addActions({reload, closeRepository});
    file->addSeparator();
    file->addActions({exportSvg, exportPng, exportDot});
    file->addSeparator();
    file->addAction(quit);

    QMenu *view = viewMenu = bar->addMenu(tr("&View"));
    view->addActions({zoomIn, zoomOut, fitToWindow, actualSize});
    view->addSeparator();
    view->addActions({find, findNext, findPrevious});
    view->addSeparator();
    view->addActions(panels);
    toolBar->toggleViewAction()->setStatusTip(tr("Show or hide the toolbar"));
    toolBar->toggleViewAction()->setToolTip(toolBar->toggleViewAction()->statusTip());
    view->addAction(toolBar->toggleViewAction());

    QMenu *go = bar->addMenu(tr("&Go"));
    go->addActions({goParent, goChild, goNextSibling, goPreviousSibling});

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addActions({openDemo, keyboardShortcuts, about});

    toolBar->addActions({open, reload});
    toolBar->addSeparator();
    toolBar->addActions({zoomIn, zoomOut, fitToWindow, actualSize});
    toolBar->addSeparator();
    toolBar->addActions({find, goParent, goChild});
    toolBar->addSeparator();
    toolBar->addAction(exportSvg);
    m_window->addToolBar(toolBar);
}

void MainActions::placeSettingsMenu()
{
    QMenuBar *bar = m_window->menuBar();
    const QList<QAction *> menus = bar->actions();
    bar->insertMenu(menus.isEmpty() ? nullptr : menus.last(), settingsMenu); // before Help
}

void MainActions::setArrowsAcross(bool leftToRight)
{
    goChild->setShortcut(QKeySequence(Qt::ALT | (leftToRight ? Qt::Key_Right : Qt::Key_Up)));
    goParent->setShortcut(QKeySequence(Qt::ALT | (leftToRight ? Qt::Key_Left : Qt::Key_Down)));
    goNextSibling->setShortcut(QKeySequence(Qt::ALT | (leftToRight ? Qt::Key_Down : Qt::Key_Right)));
    goPreviousSibling->setShortcut(QKeySequence(Qt::ALT | (leftToRight ? Qt::Key_Up : Qt::Key_Left)));
}

void MainActions::setRepositoryActionsEnabled(bool enabled)
{
    for (QAction *action : {reload, closeRepository, exportSvg, exportPng, exportDot, zoomIn, zoomOut,
                            fitToWindow, actualSize, find, findNext, findPrevious, goParent, goChild,
                            goNextSibling, goPreviousSibling})
        action->setEnabled(enabled);
}

QAction *MainActions::make(const QString &text, const QString &tip, const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(text, m_window);
    action->setShortcuts(shortcuts);
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys));
    action->setStatusTip(tip);
    m_window->addAction(action); // shortcuts work even with the menu bar hidden
    return action;
}

} // namespace headway
