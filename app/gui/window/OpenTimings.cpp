#include "window/OpenTimings.h"

#include "diagnostics/PhaseClock.h"
#include "session/RepositorySession.h"

#include <QEvent>
#include <QWidget>

namespace headway {

bool OpenTimings::isEnabled()
{
    return lcTiming().isInfoEnabled();
}

OpenTimings::OpenTimings(RepositorySession *session, QWidget *graphViewport, QObject *parent)
    : QObject(parent)
    , m_viewport(graphViewport)
{
    if (!isEnabled())
        return; // nothing watched, nothing measured
    connect(session, &RepositorySession::loadStarted, this, [this] { m_clock.start(); });
    connect(session, &RepositorySession::repositoryReady, this, [this] {
        log("shown");
        m_awaitingPaint = true;
        m_viewport->installEventFilter(this);
        m_viewport->update();
    });
    connect(session, &RepositorySession::operationsRead, this, [this] { log("operations"); });
}

bool OpenTimings::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Paint && m_awaitingPaint) {
        m_awaitingPaint = false;
        m_viewport->removeEventFilter(this);
        // Queued: logged once the view has drawn every visible item of this paint.
        QMetaObject::invokeMethod(this, [this] { log("first-paint"); }, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void OpenTimings::log(const char *phase) const
{
    if (m_clock.isValid())
        qCInfo(lcTiming, "%s %lld ms", phase, static_cast<long long>(m_clock.elapsed()));
}

} // namespace headway
