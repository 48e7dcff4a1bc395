#include "ForkActions.h"

#include "CommitMigrationDialog.h"
#include "ForkFlow.h"
#include "MergePreviewDialog.h"
#include "database/ConfirmCommandDialog.h"
#include "database/MigrationController.h"
#include "database/SqliteBackup.h"
#include "fork/CustomMigrationsList.h"
#include "fork/MigrationCommit.h"
#include "fork/MissingRevisionFinder.h"
#include "details/DetailsPanel.h"
#include "graph/GraphView.h"
#include "health/HealthBanner.h"
#include "runner/RunSettings.h"
#include "session/RepositorySession.h"
#include "workflow/BackgroundWork.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>

namespace headway {

ForkActions::ForkActions(QWidget *window, RepositorySession *session, GraphView *graph, HealthBanner *banner,
                         MigrationController *migrations, DetailsPanel *details)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_graph(graph)
    , m_banner(banner)
    , m_details(details)
    , m_migrations(migrations)
    , m_status(new ForkStatus(this))
    , m_menu(new QMenu(tr("F&ork"), window))
    , m_runDialog([](QDialog *dialog) { return dialog->exec() == QDialog::Accepted; })
{
    colourByOrigin = m_menu->addAction(tr("&Colour by Origin"));
    colourByOrigin->setCheckable(true);
    colourByOrigin->setChecked(true);
    colourByOrigin->setToolTip(tr("A stripe on each revision: the fork's own, from upstream, shared, uncommitted or untracked."));
    onlyForkOwn = m_menu->addAction(tr("Only the Fork's &Own"));
    onlyForkOwn->setCheckable(true);
    onlyForkOwn->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    onlyForkOwn->setToolTip(tr("Fade every revision the fork shares with upstream or took from it."));
    m_menu->addSeparator();
    previewMergeAction = m_menu->addAction(tr("&Preview Merge…"));
    previewMergeAction->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    previewMergeAction->setToolTip(tr("The graph `git merge` of upstream would produce, before you merge: heads, conflicts, git conflicts."));
    rebaseAction = m_menu->addAction(tr("&Rebase onto Upstream's Head…"));
    rebaseAction->setToolTip(tr("Point the fork's oldest unpublished migration at upstream's head instead of adding a merge migration."));
    commitAction = m_menu->addAction(tr("Co&mmit the Migration…"));
    commitAction->setToolTip(tr("Stage and commit only the merge (or rebased) migration file; never anything else, never a push."));
    m_menu->addSeparator();
    restoreAction = m_menu->addAction(tr("Re&store Missing Revision from git…"));
    restoreAction->setToolTip(tr("Find the file of a missing parent in git history or on another ref and put it back, byte for byte."));
    customAction = m_menu->addAction(tr("Write CUSTOM_&MIGRATIONS.md"));
    customAction->setToolTip(tr("List the fork's own migrations in CUSTOM_MIGRATIONS.md at the repository root; text outside the list is kept."));
    for (QAction *action : m_menu->actions())
        action->setStatusTip(action->toolTip());

    connect(colourByOrigin, &QAction::toggled, m_graph, &GraphView::setOriginsShown);
    connect(onlyForkOwn, &QAction::toggled, m_graph, &GraphView::setOnlyForkOwn);
    connect(previewMergeAction, &QAction::triggered, this, [this] { previewMerge(); });
    connect(rebaseAction, &QAction::triggered, this, &ForkActions::rebaseOntoUpstream);
    connect(commitAction, &QAction::triggered, this, &ForkActions::commitMigration);
    connect(restoreAction, &QAction::triggered, this, &ForkActions::restoreMissing);
    connect(customAction, &QAction::triggered, this, &ForkActions::writeCustomMigrations);
    connect(m_status, &ForkStatus::stateChanged, this, &ForkActions::showState);
    connect(m_session, &RepositorySession::repositoryReady, this, [this] {
        m_status->refresh(m_session->repository(), upstreamSetting());
    });
    connect(m_session, &RepositorySession::closed, this, [this] { m_status->refresh(nullptr, {}); });
    connect(m_migrations, &MigrationController::mergeVerified, this, [this](const MergeVerification &verification) {
        if (verification.ok())
            m_lastMigration = verification.newFile;
    });
    showState(nullptr);
}

QString ForkActions::upstreamSetting() const
{
    const auto repository = m_session->repository();
    return repository ? RunSettingsStore::load(repository->layout.baseDirectory).upstreamRef : QString();
}

void ForkActions::showState(const std::shared_ptr<const ForkState> &state)
{
    const auto repository = m_session->repository();
    const bool available = state && state->origins->available;
    m_graph->setOrigins(state ? state->origins : nullptr);
    m_details->setOrigins(state ? state->origins : nullptr);
    onlyForkOwn->setEnabled(available);
    previewMergeAction->setEnabled(repository && state && state->origins->checkout.found);
    const QString upstream = !upstreamSetting().isEmpty() ? upstreamSetting()
                             : state && state->origins->upstream.found() ? state->origins->upstream.name : QString();
    previewMergeAction->setText(upstream.isEmpty() ? tr("&Preview Merge…") : tr("&Preview Merge of %1…").arg(upstream));
    rebaseAction->setEnabled(state && state->advice.offered);
    commitAction->setEnabled(state && state->origins->checkout.found);
    customAction->setEnabled(available);
    bool missing = false;
    if (repository)
        for (const RevisionNode &node : repository->graph.nodes())
            missing = missing || !node.missingParents.isEmpty();
    restoreAction->setEnabled(missing && state && state->origins->checkout.found);
    const int heads = repository ? int(repository->graph.heads().size()) : 0;
    m_banner->setForkFlow(state ? ForkFlow::bannerHtml(*state, heads) : QString());
    if (state && !available)
        Q_EMIT message(state->origins->note);
}

bool ForkActions::handleBannerAction(const QString &action)
{
    if (action == QLatin1String("rebase"))
        rebaseOntoUpstream();
    else if (action == QLatin1String("commit-migration"))
        commitMigration();
    else if (action == QLatin1String("test-upgrade"))
        m_migrations->testUpgrade();
    else if (action == QLatin1String("preview-merge"))
        previewMerge();
    else if (action == QLatin1String("restore-missing"))
        restoreMissing();
    else
        return false;
    return true;
}

MergePreviewDialog *ForkActions::previewMerge()
{
    const auto repository = m_session->repository();
    if (!repository)
        return nullptr;
    const auto &state = m_status->state();
    const QString ref = !upstreamSetting().isEmpty() ? upstreamSetting()
                        : state && state->origins->upstream.found() ? state->origins->upstream.name
                                                                    : QStringLiteral("upstream/main");
    auto *dialog = new MergePreviewDialog(repository, ref, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MergePreviewDialog::revisionActivated, this, &ForkActions::revisionActivated);
    dialog->preview();
    dialog->show(); // not modal: the graph stays usable beside it
    return dialog;
}

void ForkActions::rebaseOntoUpstream()
{
    const auto repository = m_session->repository();
    const auto &state = m_status->state();
    if (!repository || !state || m_busy)
        return;
    if (!state->advice.offered) {
        Q_EMIT message(state->advice.reason.isEmpty() ? tr("Nothing to rebase: the repository has one head.") : state->advice.reason);
        return;
    }
    m_busy = true;
    const QString revision = state->advice.revision;
    const QString onto = state->advice.onto;
    Q_EMIT message(tr("Checking that %1 is unpublished…").arg(revision.left(12)));
    runInBackground(
        this, [repository, revision, onto] { return MigrationRebase::check(*repository, revision, onto); },
        [this, repository](const RebaseCheck &check) {
            m_busy = false;
            if (!check.ok()) {
                Q_EMIT failed(tr("Cannot Rebase"), check.error);
                return;
            }
            const QString backups = SqliteBackup::defaultDirectory();
            ConfirmCommandDialog confirm(MigrationRebase::confirmationFor(*repository, check, backups), m_window);
            if (!m_runDialog(&confirm))
                return;
            m_busy = true;
            runInBackground(
                this, [repository, check, backups] { return MigrationRebase::apply(*repository, check, backups); },
                [this](const RebaseResult &result) {
                    m_busy = false;
                    if (!result.ok()) {
                        Q_EMIT failed(tr("Rebase Failed"), result.error);
                        return;
                    }
                    m_lastMigration = result.path;
                    Q_EMIT message(tr("Rebased %1 (backup: %2)").arg(result.path, result.backup));
                    Q_EMIT rebased(result.path);
                    m_session->reload(); // the banner then says whether one head is left
                });
        });
}

void ForkActions::restoreMissing()
{
    const auto repository = m_session->repository();
    if (!repository || m_busy)
        return;
    QString missing;
    for (const RevisionNode &node : repository->graph.nodes())
        if (missing.isEmpty() && !node.missingParents.isEmpty())
            missing = node.missingParents.first();
    if (missing.isEmpty()) {
        Q_EMIT message(tr("No revision is missing."));
        return;
    }
    m_busy = true;
    Q_EMIT message(tr("Looking for %1 in git…").arg(missing));
    runInBackground(this, [repository, missing] { return MissingRevisionFinder::find(*repository, missing); },
                    [this, repository](const MissingRevisionSource &source) {
                        m_busy = false;
                        if (!source.found()) {
                            Q_EMIT failed(tr("Cannot Restore"), source.error);
                            return;
                        }
                        CommandConfirmation confirmation;
                        confirmation.title = tr("Restore from %1?").arg(source.commit.commit.left(10));
                        confirmation.question = tr("Write %1 back as git has it (%2, %3, %4):")
                                                    .arg(source.path, source.how, source.commit.author, source.commit.date.left(10));
                        confirmation.effects = {tr("%1 defines %2").arg(source.path, source.revision),
                                                tr("an existing file is never overwritten")};
                        confirmation.acceptText = tr("Restore");
                        confirmation.destructive = false;
                        ConfirmCommandDialog confirm(confirmation, m_window);
                        if (!m_runDialog(&confirm))
                            return;
                        m_busy = true;
                        runInBackground(this, [repository, source] { return MissingRevisionFinder::restore(*repository, source); },
                                        [this](const RestoreResult &result) {
                                            m_busy = false;
                                            if (!result.ok()) {
                                                Q_EMIT failed(tr("Cannot Restore"), result.error);
                                                return;
                                            }
                                            Q_EMIT message(tr("Restored %1; commit it with git add").arg(result.path));
                                            Q_EMIT restored(result.path);
                                            m_session->reload();
                                        });
                    });
}

void ForkActions::writeCustomMigrations()
{
    const auto repository = m_session->repository();
    if (!repository || m_busy)
        return;
    m_busy = true;
    const QString upstream = upstreamSetting();
    runInBackground(this,
                    [repository, upstream] {
                        return CustomMigrationsList::write(*repository, MigrationOrigins::classify(*repository, upstream));
                    },
                    [this](const CustomMigrationsWrite &written) {
                        m_busy = false;
                        if (!written.ok()) {
                            Q_EMIT failed(tr("Cannot Write CUSTOM_MIGRATIONS.md"), written.error);
                            return;
                        }
                        Q_EMIT message(written.changed ? tr("Wrote %1 (%2 migrations)").arg(written.path).arg(written.migrations)
                                                       : tr("%1 is up to date").arg(written.path));
                        Q_EMIT customMigrationsWritten(written.path, written.changed);
                    });
}

QStringList ForkActions::commitCandidates() const
{
    QStringList files;
    if (!m_lastMigration.isEmpty())
        files += m_lastMigration;
    if (const auto &state = m_status->state())
        for (const QString &path : state->ownUnsaved)
            if (const QString absolute = state->origins->checkout.absolutePath(path); !files.contains(absolute))
                files += absolute;
    return files;
}

void ForkActions::commitMigration()
{
    const auto repository = m_session->repository();
    const auto &state = m_status->state();
    if (!repository || !state || m_busy)
        return;
    const QStringList files = commitCandidates();
    if (files.isEmpty()) {
        Q_EMIT message(tr("No new or changed migration to commit: create the merge migration first."));
        return;
    }
    QStringList joined;
    for (int head : repository->graph.heads())
        joined += repository->graph.node(head).id;
    // The file's own revision and what it points at are the story of the commit.
    QString revision = QFileInfo(files.first()).baseName().section(QLatin1Char('_'), 0, 0);
    for (const MigrationFile &file : repository->files)
        if (file.path == files.first()) {
            revision = file.revisionId();
            joined = file.downRevision.values;
        }
    const GitCheckout checkout = state->origins->checkout;
    CommitMigrationDialog dialog(files, MigrationCommit::suggestedMessage(revision, joined, state->origins->upstream.name),
                                 [checkout](const QString &file) { return MigrationCommit::description(checkout, file); },
                                 m_window);
    if (!m_runDialog(&dialog))
        return;
    m_busy = true;
    const QString file = dialog.file();
    const QString text = dialog.message();
    runInBackground(this, [file, text] { return MigrationCommit::commit(file, text); },
                    [this](const MigrationCommitResult &result) {
                        m_busy = false;
                        if (!result.ok()) {
                            Q_EMIT failed(tr("Commit Failed"), result.error);
                            return;
                        }
                        m_lastMigration.clear();
                        Q_EMIT message(result.concludedMerge ? tr("Committed %1, concluding the merge").arg(result.commit.left(10))
                                                             : tr("Committed %1").arg(result.commit.left(10)));
                        Q_EMIT committed(result.commit);
                        m_status->refresh(m_session->repository(), upstreamSetting());
                    });
}

} // namespace headway
