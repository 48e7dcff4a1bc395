// Runs work off the GUI thread (work that waits on processes goes to a pool of
// its own, so it never starves the global pool the loader uses) and hands its result to a function on the context object's thread, or drops it
// when the context is gone by then.
// QFuture::then(context, ...) in Qt 6.4 asserts when the context dies first
// (a window closed while an interpreter probe still runs); a watcher owned by
// the context disappears with it instead.
#pragma once

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

#include <type_traits>

namespace headway {

// Interpreter probes wait up to several seconds each: a few threads are plenty.
inline QThreadPool *waitingPool()
{
    static QThreadPool *pool = [] {
        auto *threads = new QThreadPool; // lives until exit: tasks may outlive every window
        threads->setMaxThreadCount(4);
        return threads;
    }();
    return pool;
}

template <typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done, QThreadPool *pool = waitingPool())
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

} // namespace headway
