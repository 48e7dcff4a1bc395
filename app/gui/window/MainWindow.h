// The main window: the start page while no repository is open; then the
// health banner, the graph and the find bar in the middle, details and history
// in docks, menus and a toolbar around them. It turns the user's commands into
// calls on the RepositorySession and the graph view, and what they report into
// pixels; it reads no files and runs nothing.
#pragma once

#include "window/GraphExport.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;

namespace headway {

class CentralPages;
struct Diagnostic;
struct LoadedRepository;
struct Repository;
class CommandConsole;
class DatabaseActions;
class DatabaseCommands;
class DatabaseStatus;
class DetailsPanel;
class FileOpener;
class FindBar;
class ForkActions;
class GraphOverview;
class GraphPresentation;
class GraphView;
class HealthBanner;
class HistoryList;
class LoadProgressIndicator;
class MainActions;
class MainDocks;
struct MergeVerification;
class MigrationController;
class Preferences;
class RecentRepositories;
class RepositorySession;
class StartPage;
class StatusBarPanel;
class TestUpgradePanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Shows an error the user can act on. The default opens a non-modal message box;
    // tests and the screenshot mode install their own.
    using ErrorDisplay = std::function<void(const QString &title, const QString &message, const QString &hint)>;
    using ExportFormat = GraphExport::Format;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openRepository(const QString &path);
    void openDemo();
    // Back to the start page. A command that changes the database is not interrupted
    // (the status bar says so); one that only reads is stopped first.
    void closeRepository();
    // Selects what a user would type for a revision (id, prefix, label, head, ...).
    bool selectRevision(const QString &identifier);
    // Restores geometry, docks and the recent list, and saves them from then on.
    void restoreSettings();
    void setErrorDisplay(ErrorDisplay display) { m_showError = std::move(display); }
    // Asked before closing while a command changes the database; true: stop it and close.
    using CloseQuestion = std::function<bool(const QString &question)>;
    void setCloseQuestion(CloseQuestion question) { m_askBeforeClosing = std::move(question); }
    // Writes the shown graph to `path`; reports failures through the error display.
    void exportTo(const QString &path, ExportFormat format) { m_export->exportTo(path, format); }

    RepositorySession *session() const { return m_session; }
    MainActions *actions() const { return m_actions; }
    GraphView *graphView() const { return m_graph; }
    HealthBanner *healthBanner() const { return m_banner; }
    StartPage *startPage() const { return m_start; }
    DetailsPanel *detailsPanel() const { return m_details; }
    HistoryList *historyList() const { return m_history; }
    FindBar *findBar() const { return m_findBar; }
    RecentRepositories *recentRepositories() const { return m_recent; }
    MigrationController *migrationController() const { return m_migrations; }
    DatabaseActions *databaseActions() const { return m_databaseActions; }
    DatabaseCommands *databaseCommands() const { return m_databaseCommands; }
    DatabaseStatus *databaseStatus() const { return m_databaseStatus; }
    CommandConsole *commandConsole() const { return m_console; }
    TestUpgradePanel *testUpgradePanel() const { return m_testUpgrade; }
    ForkActions *forkActions() const { return m_fork; }
    GraphPresentation *graphPresentation() const { return m_presentation; }
    GraphOverview *graphOverview() const { return m_overview; }
    Preferences *preferences() const { return m_preferences; } // layout direction, collapse threshold, ...
    StatusBarPanel *statusBarPanel() const { return m_statusPanel; }

Q_SIGNALS:
    void graphShown();                      // a load and its layout are on screen
    void loadFailed(const QString &message); // shown to the user as an error
    void exportFinished(const QString &path, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void connectActions();
    void connectSession();
    void connectMigrations();
    void showMergeResult(const MergeVerification &verification);
    static void showDock(QWidget *content);
    void showRepository(const std::shared_ptr<const LoadedRepository> &loaded);
    void forgetRepository();
    void showLoadFailure(const QString &path, const Diagnostic &reason);
    void syncSelection(const QList<int> &revisions);
    void selectRevisions(const QList<int> &revisions);
    void activateProblem(const QList<int> &revisions, const QString &path, int line);
    void chooseRepository();
    void finishExport(const QString &path, const QString &error);
    void showDefaultError(const QString &title, const QString &message, const QString &hint);

    RepositorySession *m_session;
    StartPage *m_start;
    GraphView *m_graph;
    HealthBanner *m_banner;
    FindBar *m_findBar;
    DetailsPanel *m_details;
    HistoryList *m_history;
    MainDocks *m_docks = nullptr;
    CentralPages *m_pages = nullptr;
    MainActions *m_actions;
    RecentRepositories *m_recent;
    LoadProgressIndicator *m_progress;
    Preferences *m_preferences;
    FileOpener *m_opener;
    // Running the project's own commands; made after the session's window connections,
    // so a reload reaches the window before the controller checks a merge against it.
    MigrationController *m_migrations = nullptr;
    DatabaseActions *m_databaseActions = nullptr;
    DatabaseCommands *m_databaseCommands = nullptr;
    ForkActions *m_fork = nullptr;
    GraphPresentation *m_presentation = nullptr;
    GraphOverview *m_overview = nullptr;
    DatabaseStatus *m_databaseStatus = nullptr;
    CommandConsole *m_console = nullptr;
    TestUpgradePanel *m_testUpgrade = nullptr;
    StatusBarPanel *m_statusPanel = nullptr;
    QLabel *m_zoom;
    ErrorDisplay m_showError;
    CloseQuestion m_askBeforeClosing;
    bool m_closeWhenIdle = false; // closing waits for the running command to stop
    bool m_closeRepositoryWhenIdle = false; // Close Repository waits for a read-only command to stop
    QList<int> m_selection;
    GraphExport *m_export;
    bool m_loadIsReload = false;
    bool m_persistent = false;
};

} // namespace headway
