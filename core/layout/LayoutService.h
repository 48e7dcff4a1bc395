// Runs every layout on one worker thread that owns the application's only
// Graphviz context, so the GUI thread never waits for Graphviz and Graphviz is
// never entered twice at once. Only the newest request matters: older requests
// still queued never start, and results of superseded ones are dropped.
//
// Graphviz reads numbers in the C locale. The application calls
// std::setlocale(LC_NUMERIC, "C") once at start-up, after constructing its
// QCoreApplication (which applies the user's locale): gvLayout itself switches
// the process's LC_NUMERIC to "C" and back while it runs (Graphviz 2.4x's
// gv_fixLocale), from the layout thread, and with "C" already set that switch
// changes nothing the GUI thread could notice. Headway writes every number it
// gives Graphviz with QByteArray::number, which ignores the locale.
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace headway {

class LayoutWorker;

class LayoutService : public QObject
{
    Q_OBJECT

public:
    explicit LayoutService(QObject *parent = nullptr);
    // Drops pending jobs, then waits for a layout already running: Graphviz cannot be
    // interrupted, so shutting down during a layout waits that layout's time.
    ~LayoutService() override;

    // Returns at once with the job's id (increasing from 1); layoutStarted and
    // layoutFinished follow unless a later request or cancel() supersedes the job.
    // Call from the thread the service lives in.
    int requestLayout(const LayoutInput &input);
    // Supersedes every job requested so far: queued ones never start, a running
    // one finishes in the background and its result is dropped.
    void cancel();
    // The newest job has been requested and neither delivered nor cancelled yet.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void layoutStarted(int jobId);
    void layoutFinished(int jobId, const headway::GraphLayout &layout);

private:
    void runJob(int jobId, const LayoutInput &input); // on the worker thread
    void deliver(int jobId, const GraphLayout &layout);

    QThread m_thread;
    LayoutWorker *m_worker = nullptr; // lives in m_thread and owns the Graphviz context
    std::atomic<int> m_current{0}; // the job whose result is wanted; 0 after cancel()
    int m_lastJobId = 0;
    bool m_busy = false;
};

} // namespace headway
