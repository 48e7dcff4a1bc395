#include "window/MainWindow.h"

#include "database/CommandConsole.h"
#include "database/DatabaseActions.h"
#include "database/DatabaseCommands.h"
#include "database/DatabaseStatus.h"
#include "details/DetailsPanel.h"
#include "window/CentralPages.h"
#include "window/DroppedPath.h"
#include "FindBar.h"
#include "fork/ForkActions.h"
#include "health/HealthBanner.h"
#include "details/HistoryList.h"
#include "window/LoadProgressIndicator.h"
#include "window/MainActions.h"
#include "window/OpenTimings.h"
#include "window/MainDocks.h"
#include "window/StatusBarPanel.h"
#include "config/Preferences.h"
#include "help/AboutDialog.h"
#include "help/ShortcutsDialog.h"
#include "preferences/FileOpener.h"
#include "preferences/PreferencesDialog.h"
#include "database/MergeDialog.h"
#include "database/MigrationController.h"
#include "window/RecentRepositories.h"
#include "session/RepositorySession.h"
#include "start/StartPage.h"
#include "database/TestUpgradePanel.h"
#include "graph/GraphOverview.h"
#include "graph/GraphView.h"
#include "window/GraphPresentation.h"
#include "graph/RevisionResolver.h"
#include "layout/RunCollapse.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>

namespace headway {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new RepositorySession(this))
    , m_start(new StartPage(this))
    , m_graph(new GraphView(this))
    , m_banner(new HealthBanner(this))
    , m_findBar(new FindBar(m_graph, this))
    , m_details(new DetailsPanel(this))
    , m_history(new HistoryList(this))
    , m_actions(new MainActions(this))
    , m_recent(new RecentRepositories(m_actions->recentMenu, this))
    , m_progress(new LoadProgressIndicator(this))
    , m_preferences(new Preferences(this))
    , m_opener(new FileOpener(m_preferences, this))
    , m_zoom(new QLabel(this))
    , m_export(new GraphExport(m_session, m_graph, this))
{
    setWindowTitle(tr("Headway"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/io.headway.Headway.svg")));
    setAcceptDrops(true);
    m_session->setLayoutInputBuilder(&GraphView::layoutInputFor); // the boxes the view draws
    m_showError = [this](const QString &title, const QString &message, const QString &hint) {
        showDefaultError(title, message, hint);
    };
    connectSession(); // before the controller connects: a reload reaches the window first
    new OpenTimings(m_session, m_graph->viewport(), this); // after: it waits for the paint showRepository causes
    m_presentation = new GraphPresentation(m_session, m_graph, m_preferences, this);
    m_overview = new GraphOverview(m_graph, this);
    m_migrations = new MigrationController(m_session, this);
    m_databaseActions = new DatabaseActions(this);
    m_databaseCommands = new DatabaseCommands(this, m_migrations, m_databaseActions);
    m_databaseStatus = new DatabaseStatus(m_migrations, this);
    m_console = new CommandConsole(m_migrations, this);
    m_testUpgrade = new TestUpgradePanel(m_migrations, this);
    m_fork = new ForkActions(this, m_session, m_graph, m_banner, m_migrations, m_details);
    m_statusPanel = new StatusBarPanel(m_session, m_migrations, this);

    createDocks();
    m_pages = new CentralPages(m_start, {m_banner, m_databaseStatus, m_graph, m_findBar}, m_graph, m_docks, this);
    setCentralWidget(m_pages);
    m_findBar->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_statusPanel);
    statusBar()->addPermanentWidget(m_zoom);
    connectActions();
    connectMigrations();

    connect(m_graph, &GraphView::selectionChanged, this, &MainWindow::syncSelection);
    connect(m_graph, &GraphView::revisionActivated, this, [this](int) { showDock(m_details); });
    connect(m_graph, &GraphView::zoomChanged, this,
            [this](qreal factor) { m_zoom->setText(tr("%1 %").arg(qRound(factor * 100))); });
    connect(m_history, &HistoryList::revisionsSelected, this, &MainWindow::selectRevisions);
    connect(m_history, &HistoryList::revisionActivated, this, [this](int revision) { selectRevisions({revision}); });
    connect(m_details, &DetailsPanel::revisionLinkActivated, this, [this](int revision) { selectRevisions({revision}); });
    connect(m_details, &DetailsPanel::openFileRequested, m_opener, &FileOpener::open);
    connect(m_opener, &FileOpener::failed, this,
            [this](const QString &message, const QString &hint) { m_showError(tr("Cannot start the editor"), message, hint); });
    connect(m_preferences, &Preferences::runDefaultsChanged, m_migrations, &MigrationController::reloadSettings);
    connect(m_banner, &HealthBanner::problemActivated, this, &MainWindow::activateProblem);
    connect(m_recent, &RecentRepositories::openRequested, this, &MainWindow::openRepository);
    connect(m_recent, &RecentRepositories::changed, this, [this] { m_start->setRecentPaths(m_recent->paths()); });
    connect(m_start, &StartPage::openRequested, this, &MainWindow::chooseRepository);
    connect(m_start, &StartPage::demoRequested, this, &MainWindow::openDemo);
    connect(m_start, &StartPage::repositoryRequested, this, &MainWindow::openRepository);
    connect(m_start, &StartPage::removeRequested, m_recent, &RecentRepositories::remove);
    connect(m_findBar, &FindBar::closed, m_graph, qOverload<>(&QWidget::setFocus));
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_docks = new MainDocks(this, m_overview, m_details, m_history, m_console, m_testUpgrade);
    m_actions->populate(m_docks->toggleActions());
    m_presentation->addTo(m_actions->viewMenu);
    m_databaseActions->populate(m_actions->toolBar, m_graph);
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), m_fork->menu()); // before Help
    m_actions->placeSettingsMenu();
}

void MainWindow::connectActions()
{
    MainActions *a = m_actions;
    connect(a->open, &QAction::triggered, this, &MainWindow::chooseRepository);
    connect(a->openDemo, &QAction::triggered, this, &MainWindow::openDemo);
    connect(a->reload, &QAction::triggered, m_session, &RepositorySession::reload);
    connect(a->closeRepository, &QAction::triggered, this, &MainWindow::closeRepository);
    // Named after the repository on screen.
    const auto exportAs = [this](ExportFormat format) { m_export->choose(format, QFileInfo(windowFilePath()).fileName()); };
    connect(a->exportSvg, &QAction::triggered, this, [exportAs] { exportAs(ExportFormat::Svg); });
    connect(a->exportPng, &QAction::triggered, this, [exportAs] { exportAs(ExportFormat::Png); });
    connect(a->exportDot, &QAction::triggered, this, [exportAs] { exportAs(ExportFormat::Dot); });
    connect(m_export, &GraphExport::finished, this, &MainWindow::finishExport);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->zoomIn, &QAction::triggered, m_graph, &GraphView::zoomIn);
    connect(a->zoomOut, &QAction::triggered, m_graph, &GraphView::zoomOut);
    connect(a->fitToWindow, &QAction::triggered, this, [this] {
        if (!m_graph->fitToWindow())
            statusBar()->showMessage(tr("The whole graph would be too small to read: Fit shows every branch at the newest "
                                        "revisions; the Overview shows all of it"),
                                     10000);
    });
    connect(a->actualSize, &QAction::triggered, m_graph, &GraphView::resetZoom);
    connect(a->find, &QAction::triggered, m_findBar, &FindBar::activate);
    connect(a->findNext, &QAction::triggered, m_findBar, &FindBar::findNext);
    connect(a->findPrevious, &QAction::triggered, m_findBar, &FindBar::findPrevious);
    connect(a->goParent, &QAction::triggered, m_graph, &GraphView::selectParent);
    connect(a->goChild, &QAction::triggered, m_graph, &GraphView::selectChild);
    connect(a->goNextSibling, &QAction::triggered, m_graph, &GraphView::selectNextSibling);
    connect(a->goPreviousSibling, &QAction::triggered, m_graph, &GraphView::selectPreviousSibling);
    connect(a->preferences, &QAction::triggered, this, [this] { PreferencesDialog::showFor(m_preferences, this); });
    connect(a->keyboardShortcuts, &QAction::triggered, this, [this] { ShortcutsDialog::showFor(this); });
    connect(a->about, &QAction::triggered, this, [this] { AboutDialog::showFor(this); });
}

void MainWindow::connectSession()
{
    connect(m_session, &RepositorySession::loadStarted, this, [this](const QString &path, bool reload) {
        m_loadIsReload = reload;
        m_closeRepositoryWhenIdle = m_closeRepositoryWhenIdle && reload; // opening another one wins
        m_progress->start(reload ? tr("Reloading…") : tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_session, &RepositorySession::relayoutStarted, this, [this] {
        m_loadIsReload = true; // the same repository, drawn another way
        m_progress->start(tr("Laying out…"));
    });
    connect(m_session, &RepositorySession::loadProgress, m_progress, &LoadProgressIndicator::setProgress);
    connect(m_session, &RepositorySession::layoutStarted, this, [this] { m_progress->setPhase(tr("Laying out…")); });
    connect(m_session, &RepositorySession::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_progress->finish();
    });
    connect(m_session, &RepositorySession::loadCancelled, this,
            [this] { statusBar()->showMessage(tr("Loading cancelled"), 5000); });
    connect(m_session, &RepositorySession::repositoryReady, this, &MainWindow::showRepository);
    connect(m_session, &RepositorySession::operationsRead, this, [this](const std::shared_ptr<const LoadedRepository> &loaded) {
        m_graph->showOperations(loaded);
        m_details->setOperations(loaded);
    });
    connect(m_session, &RepositorySession::loadFailed, this, &MainWindow::showLoadFailure);
    connect(m_session, &RepositorySession::closed, this, &MainWindow::forgetRepository);
    connect(m_progress, &LoadProgressIndicator::cancelRequested, m_session, &RepositorySession::cancel);
}

void MainWindow::connectMigrations()
{
    connect(m_migrations, &MigrationController::databaseRevisionsChanged, m_graph, &GraphView::setDatabaseRevisions);
    connect(m_migrations, &MigrationController::status, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_migrations, &MigrationController::refused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 10000); });
    connect(m_migrations, &MigrationController::operationStarted, this,
            [this](MigrationController::Operation operation) {
                if (operation != MigrationController::Operation::Current)
                    showDock(m_console);
            });
    connect(m_migrations, &MigrationController::mergeVerified, this, &MainWindow::showMergeResult);
    connect(m_databaseCommands, &DatabaseCommands::message, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_databaseCommands, &DatabaseCommands::revisionsActivated, this, &MainWindow::selectRevisions);
    connect(m_console, &CommandConsole::mergeRequested, m_databaseCommands, &DatabaseCommands::openMergeDialog);
    connect(m_console, &CommandConsole::upgradeRequested, m_databaseCommands, &DatabaseCommands::upgradeToHeads);
    connect(m_console, &CommandConsole::testUpgradeRequested, m_migrations, &MigrationController::testUpgrade);
    connect(m_console, &CommandConsole::settingsRequested, m_databaseCommands, &DatabaseCommands::openRunSettings);
    connect(m_banner, &HealthBanner::actionRequested, this, [this](const QString &action) {
        if (m_fork->handleBannerAction(action))
            return;
        if (action == QLatin1String("merge-heads"))
            m_databaseCommands->openMergeDialog();
        else if (action == QLatin1String("resolve-with-python"))
            m_migrations->resolveWithPython();
    });
    connect(m_fork, &ForkActions::message, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_fork, &ForkActions::failed, this, [this](const QString &title, const QString &message) { m_showError(title, message, {}); });
    connect(m_fork, &ForkActions::revisionActivated, this, &MainWindow::selectRevision);
    connect(m_testUpgrade, &TestUpgradePanel::started, this, [this] { showDock(m_testUpgrade); });
    connect(m_testUpgrade, &TestUpgradePanel::revisionActivated, this, &MainWindow::selectRevision);
    connect(m_databaseStatus, &DatabaseStatus::revisionActivated, this, &MainWindow::selectRevision);
    connect(m_databaseStatus, &DatabaseStatus::refreshRequested, m_migrations, &MigrationController::refreshDatabaseState);
    connect(m_databaseStatus, &DatabaseStatus::upgradeRequested, m_databaseCommands, &DatabaseCommands::upgradeToHeads);
    connect(m_databaseStatus, &DatabaseStatus::restoreRequested, m_databaseCommands, &DatabaseCommands::restoreBackup);
    connect(m_databaseStatus, &DatabaseStatus::settingsRequested, m_databaseCommands, &DatabaseCommands::openRunSettings);
}

void MainWindow::showMergeResult(const MergeVerification &verification)
{
    if (verification.newRevision >= 0) {
        selectRevisions({verification.newRevision});
        showDock(m_details); // with the new file's source
    }
    if (!verification.ok())
        m_showError(tr("The merge did not do what was asked"), verification.problem,
                    tr("Look at the new file in the details, and delete it if it is wrong."));
}

void MainWindow::showDock(QWidget *content)
{
    QWidget *dock = content->parentWidget();
    dock->show();
    dock->raise();
}

void MainWindow::openRepository(const QString &path)
{
    m_session->open(path);
}

void MainWindow::openDemo()
{
    m_session->openDemo();
}

void MainWindow::closeRepository()
{
    if (m_migrations->isChanging()) {
        statusBar()->showMessage(tr("“%1” is still running: wait for it to end, or cancel it, before closing the "
                                    "repository.").arg(m_migrations->operationTitle()), 10000);
        return;
    }
    if (m_migrations->isBusy()) {
        if (std::exchange(m_closeRepositoryWhenIdle, true))
            return; // already stopping it
        statusBar()->showMessage(tr("Stopping “%1” before closing…").arg(m_migrations->operationTitle()));
        connect(m_migrations, &MigrationController::busyChanged, this, [this] {
            if (std::exchange(m_closeRepositoryWhenIdle, false))
                closeRepository();
        }, Qt::SingleShotConnection);
        m_migrations->cancel();
        return;
    }
    m_session->close();
}

void MainWindow::forgetRepository()
{
    m_graph->clearGraph();
    m_history->setRepository(nullptr);
    m_details->setRepository(nullptr);
    m_banner->showProblems({});
    m_findBar->invalidate();
    m_findBar->hide();
    m_selection.clear();
    m_databaseCommands->setSelection({});
    m_actions->setRepositoryActionsEnabled(false);
    setWindowTitle(tr("Headway"));
    setWindowFilePath({});
    m_zoom->clear();
    statusBar()->showMessage(tr("Repository closed"), 5000);
    m_pages->showStartPage();
}

void MainWindow::restoreSettings()
{
    m_persistent = true;
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    m_docks->restoreWindowState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_export->setDirectory(settings.value(QStringLiteral("mainWindow/exportDirectory"), m_export->directory()).toString());
    m_recent->loadSettings();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_migrations->isChanging() && !m_closeWhenIdle) {
        const QString question = tr("“%1” is still running. Stopping it now may leave the database half-migrated "
                                    "(a backup was taken before it started). Stop it and close?")
                                     .arg(m_migrations->operationTitle());
        const bool stop = m_askBeforeClosing ? m_askBeforeClosing(question)
                                             : QMessageBox::question(this, tr("Stop the Running Command?"), question,
                                                                     QMessageBox::Yes | QMessageBox::Cancel,
                                                                     QMessageBox::Cancel)
                                                   == QMessageBox::Yes;
        if (!stop) {
            event->ignore();
            return;
        }
    }
    if (m_migrations->isBusy()) {
        // Terminate, give Python and SQLite their grace period to clean up, and close only
        // once the command has ended (MigrationCommand kills it if the grace runs out).
        event->ignore();
        if (!m_closeWhenIdle) {
            m_closeWhenIdle = true;
            statusBar()->showMessage(tr("Stopping “%1” before closing…").arg(m_migrations->operationTitle()));
            connect(m_migrations, &MigrationController::busyChanged, this, [this](bool busy) {
                if (!busy)
                    close();
            });
            m_migrations->cancel();
        }
        return;
    }
    if (m_persistent) {
        QSettings settings;
        settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("mainWindow/state"), m_docks->saveWindowState());
        settings.setValue(QStringLiteral("mainWindow/exportDirectory"), m_export->directory());
    }
    m_session->cancel();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // Whether it holds migrations is the loader's call; a wrong drop gets an error that says so.
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openRepository(path);
}

bool MainWindow::selectRevision(const QString &identifier)
{
    const std::shared_ptr<const Repository> repository = m_session->repository();
    if (!repository)
        return false;
    const Resolution resolution = RevisionResolver(repository->graph).resolve(identifier);
    if (!resolution.ok())
        return false;
    m_graph->selectRevisions(resolution.revisions);
    return true;
}

void MainWindow::showRepository(const std::shared_ptr<const LoadedRepository> &loaded)
{
    m_pages->showGraphPage(); // first: the graph lays out its view at its real size
    const Repository &repository = *loaded->repository;
    m_history->setRepository(loaded->repository);
    m_details->setRepository(loaded);
    m_selection.clear();
    m_graph->showGraph(loaded); // keeps the selection and the view centre
    syncSelection(m_graph->selectedRevisions());
    m_banner->showProblems(healthProblems(repository, loaded->layout.diagnostics));
    m_findBar->invalidate();
    m_actions->setRepositoryActionsEnabled(true);
    m_actions->setArrowsAcross(loaded->input.options.direction == LayoutDirection::LeftRight);

    const QString name = QFileInfo(repository.layout.baseDirectory).fileName();
    setWindowTitle(tr("%1 — Headway").arg(name.isEmpty() ? repository.layout.baseDirectory : name));
    setWindowFilePath(repository.layout.baseDirectory);
    m_zoom->setText(tr("%1 %").arg(qRound(m_graph->zoomFactor() * 100)));
    if (!m_loadIsReload)
        m_recent->add(m_session->path());
    statusBar()->showMessage(m_loadIsReload ? tr("Reloaded") : tr("Loaded %1").arg(QDir::toNativeSeparators(m_session->path())),
                             5000);
    Q_EMIT graphShown();
}

void MainWindow::showLoadFailure(const QString &path, const Diagnostic &reason)
{
    statusBar()->showMessage(tr("Could not open %1").arg(QDir::toNativeSeparators(path)), 5000);
    m_showError(tr("Cannot open repository"), reason.message, reason.hint);
    Q_EMIT loadFailed(reason.message);
}

void MainWindow::showDefaultError(const QString &title, const QString &message, const QString &hint)
{
    // Non-modal: the window stays usable, and nothing waits in a nested event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(hint);
    QPushButton *another = box->addButton(tr("Open Another…"), QMessageBox::ActionRole);
    connect(another, &QPushButton::clicked, this, &MainWindow::chooseRepository);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

void MainWindow::syncSelection(const QList<int> &revisions)
{
    if (revisions == m_selection)
        return;
    m_selection = revisions;
    m_history->selectRevisions(revisions);
    m_details->showRevisions(revisions);
    m_databaseCommands->setSelection(revisions);
}

void MainWindow::selectRevisions(const QList<int> &revisions)
{
    m_graph->selectRevisions(revisions, true);
    syncSelection(revisions);
}

void MainWindow::activateProblem(const QList<int> &revisions, const QString &path, int line)
{
    if (revisions.isEmpty()) {
        if (!path.isEmpty()) // a file no revision stands for: alembic.ini, an unreadable migration
            m_opener->open(path, line);
        return;
    }
    selectRevisions(revisions);
    if (revisions.size() == 1 && line > 0)
        m_details->revealLine(line);
}

void MainWindow::chooseRepository()
{
    const QString start = m_session->path().isEmpty() ? QDir::homePath() : m_session->path();
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Open a project, migrations or versions directory"), start);
    if (!path.isEmpty())
        openRepository(path);
}

void MainWindow::finishExport(const QString &path, const QString &error)
{
    if (error.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        m_showError(tr("Export failed"), error, tr("Choose a folder you can write to, and check there is space left."));
    Q_EMIT exportFinished(path, error.isEmpty());
}

} // namespace headway
