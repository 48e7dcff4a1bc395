#include "LayoutService.h"

#include "GraphvizContext.h"
#include "GraphvizLayoutEngine.h"
#include "diagnostics/PhaseClock.h"

#include <memory>

namespace headway {

// Lives on the layout thread; creates the Graphviz context there on first use and
// destroys it there when the thread finishes.
class LayoutWorker : public QObject
{
public:
    GraphLayout layout(const LayoutInput &input)
    {
        if (!m_context)
            m_context = std::make_unique<GraphvizContext>();
        return GraphvizLayoutEngine(*m_context).layout(input);
    }

private:
    std::unique_ptr<GraphvizContext> m_context;
};

LayoutService::LayoutService(QObject *parent)
    : QObject(parent)
    , m_worker(new LayoutWorker)
{
    m_thread.setObjectName(QStringLiteral("Headway layout"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LayoutService::~LayoutService()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

int LayoutService::requestLayout(const LayoutInput &input)
{
    const int jobId = ++m_lastJobId;
    m_current.store(jobId);
    m_busy = true;
    QMetaObject::invokeMethod(
        m_worker, [this, jobId, input] { runJob(jobId, input); }, Qt::QueuedConnection);
    return jobId;
}

void LayoutService::cancel()
{
    m_current.store(0);
    m_busy = false;
}

void LayoutService::runJob(int jobId, const LayoutInput &input)
{
    if (m_current.load() != jobId)
        return; // superseded while queued: never started
    QMetaObject::invokeMethod(
        this, [this, jobId] {
            if (m_current.load() == jobId)
                Q_EMIT layoutStarted(jobId);
        }, Qt::QueuedConnection);
    PhaseClock clock;
    GraphLayout layout = m_worker->layout(input);
    clock.lap("layout");
    QMetaObject::invokeMethod(
        this, [this, jobId, layout = std::move(layout)] { deliver(jobId, layout); }, Qt::QueuedConnection);
}

void LayoutService::deliver(int jobId, const GraphLayout &layout)
{
    if (m_current.load() != jobId)
        return; // superseded or cancelled while it ran
    m_busy = false;
    Q_EMIT layoutFinished(jobId, layout);
}

} // namespace headway
