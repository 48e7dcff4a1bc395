// Runs work off the calling thread and hands its result to a function on the
// context object's thread, or drops it when the context is gone by then. Qt Core
// only (QPromise + QThreadPool), so the workflow and both front ends share it.
// A watcher owned by the context disappears with it: QFuture::then(context, ...)
// in Qt 6.4 asserts when the context dies first (a window closed while an
// interpreter probe still runs).
#pragma once

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace headway {

// Work that waits on processes (interpreter probes, several seconds each) gets a pool
// of its own, so it never starves the global pool the loader parses files on.
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
    auto promise = std::make_shared<QPromise<Result>>();
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(watcher->result());
                     });
    watcher->setFuture(promise->future());
    pool->start([promise, work = std::move(work)]() mutable {
        promise->start();
        promise->addResult(work());
        promise->finish();
    });
}

} // namespace headway
