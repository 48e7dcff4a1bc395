#include "PhaseClock.h"

namespace headway {

Q_LOGGING_CATEGORY(lcTiming, "headway.timing", QtWarningMsg)

PhaseClock::PhaseClock()
{
    if (lcTiming().isInfoEnabled())
        m_clock.start();
}

void PhaseClock::lap(const char *phase)
{
    if (!m_clock.isValid())
        return;
    qCInfo(lcTiming, "%s %lld ms", phase, static_cast<long long>(m_clock.restart()));
}

} // namespace headway
