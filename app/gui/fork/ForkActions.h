// The Fork menu and the banner's fork flow: origins on the graph (colours,
// "only the fork's own"), Preview Merge, Rebase onto Upstream's Head, and the
// commit of the migration after an upstream merge. Asks git through the core
// off the GUI thread (ForkStatus, MigrationRebase, MigrationCommit); the
// window only places the menu and forwards banner links.
#pragma once

#include "ForkStatus.h"

#include <QObject>

#include <functional>

class QAction;
class QDialog;
class QMenu;
class QWidget;

namespace headway {

class DetailsPanel;
class GraphView;
class MergePreviewDialog;
class HealthBanner;
class MigrationController;
class RepositorySession;
struct MergeVerification;

class ForkActions : public QObject
{
    Q_OBJECT

public:
    ForkActions(QWidget *window, RepositorySession *session, GraphView *graph, HealthBanner *banner,
                MigrationController *migrations, DetailsPanel *details);

    QMenu *menu() const { return m_menu; }
    ForkStatus *status() const { return m_status; }
    // A banner link: "rebase", "commit-migration", "test-upgrade", "preview-merge"; false when not ours.
    bool handleBannerAction(const QString &action);

    MergePreviewDialog *previewMerge(); // the dialog shown (not modal), or null
    void rebaseOntoUpstream();
    void commitMigration();
    // A missing parent's file from git: found in the background, confirmed ("Restore from <commit>"), written back.
    void restoreMissing();
    void writeCustomMigrations();

    // How dialogs are shown: exec() by default; tests and the screenshot mode answer them.
    using DialogRunner = std::function<bool(QDialog *dialog)>;
    void setDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

    QAction *colourByOrigin, *onlyForkOwn, *previewMergeAction, *rebaseAction, *commitAction, *restoreAction, *customAction;

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    void failed(const QString &title, const QString &text);
    void revisionActivated(const QString &id);
    void rebased(const QString &path);
    void committed(const QString &commit);
    void restored(const QString &path);
    void customMigrationsWritten(const QString &path, bool changed);

private:
    void showState(const std::shared_ptr<const ForkState> &state);
    QString upstreamSetting() const;
    QStringList commitCandidates() const;

    QWidget *m_window;
    RepositorySession *m_session;
    GraphView *m_graph;
    HealthBanner *m_banner;
    DetailsPanel *m_details;
    MigrationController *m_migrations;
    ForkStatus *m_status;
    QMenu *m_menu;
    QString m_lastMigration; // made or changed by Headway since the load: the one to commit
    DialogRunner m_runDialog;
    bool m_busy = false;
};

} // namespace headway
