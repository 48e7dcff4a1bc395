// Owns the repository the window shows. Loads it off the GUI thread (with
// progress and cancel), lays it out through the session's one LayoutService,
// then reads its files' operations in the background while it is on screen,
// and reloads it when its migrations change on disk. Only the newest request ever reaches the window: stale loads
// and layouts are dropped by job counters.
// A failed load leaves the repository on screen as it was. No widgets here.
// Results come back through QFuture::then(this, ...), which runs at once when the
// work is already done: a very quick load may report before open() returns.
#pragma once

#include "layout/GraphLayout.h"
#include "layout/LayoutInput.h"
#include "layout/LoadedRepository.h"
#include "layout/RunCollapse.h"
#include "operations/RepositoryOperations.h"
#include "repository/Repository.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace headway {

class LayoutService;
class VersionDirectoryWatcher;

class RepositorySession : public QObject
{
    Q_OBJECT

public:
    explicit RepositorySession(QObject *parent = nullptr);
    ~RepositorySession() override;

    // Anything RepositoryLoader accepts: project root, alembic.ini, script or versions directory.
    void open(const QString &path);
    // Prepares the writable copy of the bundled demo (copies files, runs git) off the
    // GUI thread, then opens it.
    void openDemo();
    // Loads the shown repository again; the window keeps its selection and view.
    void reload();
    // Abandons the load or layout in progress; the shown repository stays.
    void cancel();
    // Abandons any load and forgets the shown repository: nothing is open afterwards.
    void close();

    bool hasRepository() const { return m_loaded != nullptr; }
    // The shown repository; shared so panels can keep it without copying the graph.
    std::shared_ptr<const Repository> repository() const { return m_loaded ? m_loaded->repository : nullptr; }
    // The shown repository with its layout input and layout: what repositoryReady carried.
    std::shared_ptr<const LoadedRepository> loaded() const { return m_loaded; }
    QString path() const { return m_path; }
    bool isBusy() const { return m_busy; }

    // Makes the layout input for a loaded repository, with the box sizes the graph view
    // draws (GraphView::layoutInputFor). Runs on the loading thread: it must be pure.
    using LayoutInputBuilder = std::function<LayoutInput(const Repository &)>;
    void setLayoutInputBuilder(LayoutInputBuilder builder) { m_inputBuilder = std::move(builder); }
    // Reload automatically when the version directories change (on by default).
    void setWatching(bool enabled);

    // Which linear runs are drawn as one box (RunCollapse.h). Changing it lays the
    // shown repository out again, off the GUI thread; opening another repository
    // forgets the expanded runs and an explicit mode.
    const CollapseOptions &collapseOptions() const { return m_collapse; }
    void setCollapseMode(CollapseOptions::Mode mode);
    void setCollapseThreshold(int revisions);
    // Keeps the runs holding these revision ids expanded from now on.
    void expandRuns(const QStringList &ids);
    // Whether the shown layout has collapsed runs.
    bool showsCollapsedRuns() const;
    // Top-down or left-to-right; changing it lays the shown repository out again.
    void setLayoutDirection(LayoutDirection direction);
    LayoutDirection layoutDirection() const { return m_direction; }

Q_SIGNALS:
    void loadStarted(const QString &path, bool reload);
    void loadProgress(int done, int total); // files parsed so far
    void layoutStarted();
    // The shown repository is being laid out again with other collapse options;
    // repositoryReady follows, as after a reload.
    void relayoutStarted();
    // A load and its layout are done; `loaded` is now what loaded() returns (never null).
    // Its operations may still be being read (LoadedRepository::operationsPending).
    void repositoryReady(const std::shared_ptr<const headway::LoadedRepository> &loaded);
    // The shown repository's operations are in: `loaded` is the same repository, input
    // and layout with them, and now what loaded() returns.
    void operationsRead(const std::shared_ptr<const headway::LoadedRepository> &loaded);
    // Nothing usable at `path`: `reason` says why and how to fix it.
    void loadFailed(const QString &path, const headway::Diagnostic &reason);
    void loadCancelled();
    void closed(); // close() left nothing open
    void busyChanged(bool busy);

private:
    struct Loaded {
        QString path;
        bool reload = false;
        std::shared_ptr<const Repository> repository;
        LayoutInput input;
        Diagnostic failure; // why nothing was found, when repository is null
        bool cancelled = false;
        // Shown once both are in: the layout, and the history order the repository caches.
        std::optional<GraphLayout> layout;
        bool historyReady = false;
    };
    struct Progress {
        std::atomic<bool> cancel{false};
        std::atomic<int> done{0};
        std::atomic<int> total{0};
    };

    void startLoad(QString path, bool reload); // by value: callers pass members it resets
    void relayout();
    // The input the layout gets: the builder's, collapsed, in the session's direction.
    using InputMaker = std::function<LayoutInput(const Repository &)>;
    InputMaker inputMaker() const;
    int supersede(); // invalidates every job in flight; returns the new job's id
    void loaded(int job, Loaded result);
    void layoutFinished(int layoutJob, const GraphLayout &layout);
    void showPending(); // the pending load is shown when its layout and history order are in
    // Reads the shown repository's operations; a load of another one cancels it.
    void readOperations();
    void cancelOperations();
    void reportProgress();
    void fail(const QString &path, const Diagnostic &reason);
    void setBusy(bool busy);

    LayoutService *m_layout;
    VersionDirectoryWatcher *m_watcher;
    QTimer m_progressTimer; // polls the loading thread's counters: no calls back from it
    LayoutInputBuilder m_inputBuilder;
    CollapseOptions m_collapse;
    LayoutDirection m_direction = LayoutDirection::TopDown;

    int m_job = 0; // the newest request; results of older ones are dropped
    std::shared_ptr<Progress> m_progress;
    QString m_requestedPath; // loading, not shown yet
    bool m_requestedReload = false;
    std::optional<Loaded> m_pending; // loaded, waiting for its layout and history order
    int m_layoutJob = 0;

    std::shared_ptr<std::atomic<bool>> m_operationsCancel; // the read in flight, if any
    std::shared_ptr<const LoadedRepository> m_loaded; // the shown one
    QString m_path;
    bool m_busy = false;
};

} // namespace headway
