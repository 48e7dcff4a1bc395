#include "session/RepositorySession.h"

#include "diagnostics/PhaseClock.h"
#include "workflow/BackgroundWork.h"
#include "session/VersionDirectoryWatcher.h"
#include "demo/DemoWorkspace.h"
#include "layout/LayoutService.h"
#include "python/InterpreterSysPath.h"
#include "repository/RepositoryLoader.h"

#include <algorithm>


namespace headway {

namespace {

Diagnostic failureReason(const QString &path, const Repository &repository)
{
    for (const Diagnostic &diagnostic : repository.diagnostics)
        if (diagnostic.severity == Severity::Error)
            return diagnostic;
    return Diagnostic::error(QStringLiteral("no-migrations"),
                             RepositorySession::tr("No Alembic migrations found at %1").arg(path), path, 0,
                             RepositorySession::tr("Open a project root (with alembic.ini or "
                                                   "migrations/alembic.ini), an alembic.ini, a migrations "
                                                   "directory or a versions directory."));
}

} // namespace

RepositorySession::RepositorySession(QObject *parent)
    : QObject(parent)
    , m_layout(new LayoutService(this))
    , m_watcher(new VersionDirectoryWatcher(this))
    , m_inputBuilder([](const Repository &repository) { return layoutInputFor(repository, QSizeF(168, 44)); })
{
    qRegisterMetaType<std::shared_ptr<const LoadedRepository>>(); // for queued connections and QSignalSpy
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &RepositorySession::reportProgress);
    connect(m_layout, &LayoutService::layoutFinished, this, &RepositorySession::layoutFinished);
    connect(m_watcher, &VersionDirectoryWatcher::changed, this, &RepositorySession::reload);
}

RepositorySession::~RepositorySession()
{
    // A load still running sees the flag and stops; it holds its own share of it.
    if (m_progress)
        m_progress->cancel = true;
    cancelOperations();
}

void RepositorySession::open(const QString &path)
{
    // Another repository: its runs are collapsed afresh, by its own size.
    m_collapse.mode = CollapseOptions::Mode::Automatic;
    m_collapse.expanded.clear();
    startLoad(path, false);
}

void RepositorySession::reload()
{
    // A load still in flight starts over as what it was: a first open stays a first open.
    if (!m_requestedPath.isEmpty())
        startLoad(m_requestedPath, m_requestedReload);
    else if (!m_path.isEmpty())
        startLoad(m_path, true);
}

void RepositorySession::openDemo()
{
    const int job = supersede();
    setBusy(true);
    Q_EMIT loadStarted(DemoWorkspace::defaultLocation(), false);
    runInBackground(this, [] { return DemoWorkspace::prepare(); }, [this, job](const DemoWorkspaceResult &demo) {
        if (job != m_job)
            return;
        if (!demo.ok()) {
            fail(DemoWorkspace::defaultLocation(),
                 Diagnostic::error(QStringLiteral("demo"), demo.error, DemoWorkspace::defaultLocation()));
            return;
        }
        open(demo.path);
    });
}

void RepositorySession::cancel()
{
    if (!m_busy)
        return;
    supersede();
    setBusy(false);
    Q_EMIT loadCancelled();
}

void RepositorySession::close()
{
    supersede();
    cancelOperations();
    setBusy(false);
    m_watcher->clear();
    m_loaded.reset();
    m_path.clear();
    Q_EMIT closed();
}

void RepositorySession::setWatching(bool enabled)
{
    m_watcher->setEnabled(enabled);
    if (enabled && m_loaded)
        m_watcher->watch(*m_loaded->repository);
}

int RepositorySession::supersede()
{
    if (m_progress)
        m_progress->cancel = true;
    m_progress.reset();
    m_progressTimer.stop();
    m_pending.reset();
    m_layout->cancel();
    m_requestedPath.clear();
    return ++m_job;
}

void RepositorySession::startLoad(QString path, bool reload)
{
    const int job = supersede();
    m_requestedPath = path;
    m_requestedReload = reload;
    m_progress = std::make_shared<Progress>();
    setBusy(true);
    Q_EMIT loadStarted(path, reload);
    m_progressTimer.start();

    // Everything the loading thread needs is copied in; it never calls back into this object.
    const std::shared_ptr<Progress> progress = m_progress;
    const InputMaker inputFor = inputMaker();
    runInBackground(this, [path, reload, progress, inputFor] {
        LoadOptions options;
        options.resolvedValues = ResolvedValueCache::load(); // what the user resolved through Python
        // Asked on this loading thread, and only when a migration imports a constant
        // from a module outside the project.
        options.interpreterPaths = [](const RepositoryLayout &layout) { return InterpreterSysPath::forProject(layout); };
        options.cancel = &progress->cancel;
        options.progress = [progress](int done, int total) {
            progress->done = done;
            progress->total = total;
        };
        Loaded result;
        result.path = path;
        result.reload = reload;
        Repository repository = RepositoryLoader::load(path, options);
        result.cancelled = repository.cancelled;
        if (!repository.found() || repository.cancelled) {
            result.failure = failureReason(path, repository);
            return result;
        }
        PhaseClock clock;
        result.input = inputFor(repository);
        clock.lap("load.layout-input");
        result.repository = std::make_shared<const Repository>(std::move(repository));
        return result;
    }, [this, job](Loaded result) { loaded(job, std::move(result)); }, QThreadPool::globalInstance());
}

void RepositorySession::setCollapseMode(CollapseOptions::Mode mode)
{
    m_collapse.mode = mode;
    if (mode != CollapseOptions::Mode::Never)
        m_collapse.expanded.clear(); // collapsing again means every run
    relayout();
}

void RepositorySession::setCollapseThreshold(int revisions)
{
    if (revisions == m_collapse.threshold)
        return;
    m_collapse.threshold = revisions;
    if (m_collapse.mode == CollapseOptions::Mode::Automatic)
        relayout();
}

void RepositorySession::expandRuns(const QStringList &ids)
{
    for (const QString &id : ids)
        m_collapse.expanded.insert(id);
    relayout();
}

void RepositorySession::setLayoutDirection(LayoutDirection direction)
{
    if (direction == m_direction)
        return;
    m_direction = direction;
    relayout();
}

RepositorySession::InputMaker RepositorySession::inputMaker() const
{
    return [builder = m_inputBuilder, collapse = m_collapse, direction = m_direction](const Repository &repository) {
        LayoutInput input = collapseLinearRuns(builder(repository), collapse);
        input.options.direction = direction;
        return input;
    };
}

bool RepositorySession::showsCollapsedRuns() const
{
    return m_loaded && std::any_of(m_loaded->input.nodes.cbegin(), m_loaded->input.nodes.cend(),
                                   [](const LayoutNode &node) { return node.isCollapsedRun(); });
}

void RepositorySession::relayout()
{
    if (!m_requestedPath.isEmpty()) {
        startLoad(m_requestedPath, m_requestedReload); // a load in flight starts over with the new options
        return;
    }
    if (!m_loaded)
        return;
    const int job = supersede();
    setBusy(true);
    Q_EMIT relayoutStarted();
    const std::shared_ptr<const LoadedRepository> shown = m_loaded;
    const InputMaker inputFor = inputMaker();
    const QString path = m_path;
    runInBackground(this, [shown, inputFor, path] {
        Loaded result;
        result.path = path;
        result.reload = true;
        result.repository = shown->repository;
        result.input = inputFor(*shown->repository);
        return result;
    }, [this, job](Loaded result) { loaded(job, std::move(result)); }, QThreadPool::globalInstance());
}

void RepositorySession::loaded(int job, Loaded result)
{
    if (job != m_job)
        return; // superseded or cancelled while it loaded
    m_progressTimer.stop();
    reportProgress();
    m_progress.reset();
    if (result.cancelled) {
        setBusy(false);
        Q_EMIT loadCancelled();
        return;
    }
    if (!result.repository) {
        fail(result.path, result.failure);
        return;
    }
    m_pending = std::move(result);
    // Search, navigation and the history list need Alembic's history order; on a long
    // history it takes as long as the layout, so both run at once. Until both are done
    // the repository is this job's alone: nothing else reads the order it caches.
    const std::shared_ptr<const Repository> repository = m_pending->repository;
    runInBackground(this, [repository] {
        PhaseClock clock;
        repository->graph.historyOrder();
        clock.lap("load.history");
        return true;
    }, [this, job](bool) {
        if (job != m_job || !m_pending)
            return;
        m_pending->historyReady = true;
        showPending();
    }, QThreadPool::globalInstance());
    m_layoutJob = m_layout->requestLayout(m_pending->input);
    Q_EMIT layoutStarted();
}

void RepositorySession::layoutFinished(int layoutJob, const GraphLayout &layout)
{
    if (layoutJob != m_layoutJob || !m_pending)
        return;
    m_pending->layout = layout;
    showPending();
}

void RepositorySession::showPending()
{
    if (!m_pending || !m_pending->layout || !m_pending->historyReady)
        return;
    Loaded done = std::move(*m_pending);
    m_pending.reset();
    m_requestedPath.clear();
    m_path = done.path;
    // Laid out again with other options: the operations read so far, or still being read, stay.
    const bool sameRepository = m_loaded && m_loaded->repository == done.repository;
    if (!sameRepository)
        cancelOperations();
    LoadedRepository next{std::move(done.repository), std::move(done.input), std::move(*done.layout),
                          sameRepository ? m_loaded->operations : RepositoryOperations(), false};
    next.operationsPending = next.operations.isEmpty() && !next.repository->files.isEmpty();
    m_loaded = std::make_shared<const LoadedRepository>(std::move(next));
    m_watcher->watch(*m_loaded->repository);
    setBusy(false);
    const std::shared_ptr<const LoadedRepository> shown = m_loaded; // a receiver may start the next load
    PhaseClock clock;
    Q_EMIT repositoryReady(shown);
    clock.lap("show"); // the window's scene, lists and panels
    if (shown == m_loaded && shown->operationsPending && !m_operationsCancel)
        readOperations();
}

void RepositorySession::readOperations()
{
    // After the first paint: reading reopens and lexes every file, which on a long
    // history takes longer than loading it did.
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_operationsCancel = cancel;
    const std::shared_ptr<const Repository> repository = m_loaded->repository;
    runInBackground(this, [repository, cancel] { return RepositoryOperations::read(*repository, 0, cancel.get(), WorkPriority::Low); },
                    [this, repository, cancel](RepositoryOperations operations) {
                        if (cancel != m_operationsCancel || *cancel)
                            return; // another repository was opened meanwhile: half-read ones are never shown
                        m_operationsCancel.reset();
                        if (!m_loaded || m_loaded->repository != repository)
                            return;
                        m_loaded = std::make_shared<const LoadedRepository>(LoadedRepository{
                            m_loaded->repository, m_loaded->input, m_loaded->layout, std::move(operations), false});
                        const std::shared_ptr<const LoadedRepository> shown = m_loaded;
                        Q_EMIT operationsRead(shown);
                    },
                    QThreadPool::globalInstance());
}

void RepositorySession::cancelOperations()
{
    if (m_operationsCancel)
        *m_operationsCancel = true;
    m_operationsCancel.reset();
}

void RepositorySession::reportProgress()
{
    if (m_progress && m_progress->total > 0)
        Q_EMIT loadProgress(m_progress->done, m_progress->total);
}

void RepositorySession::fail(const QString &path, const Diagnostic &reason)
{
    m_requestedPath.clear();
    setBusy(false);
    Q_EMIT loadFailed(path, reason);
}

void RepositorySession::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace headway
