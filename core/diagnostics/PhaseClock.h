// How long each phase of a long job takes, as log lines under the category
// "headway.timing" (off unless QT_LOGGING_RULES="headway.timing.info=true"):
//   headway.timing: load.parse 1480 ms
// For finding where the time goes in a large history; nothing is measured
// while the category is off.
#pragma once

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace headway {

Q_DECLARE_LOGGING_CATEGORY(lcTiming)

class PhaseClock
{
public:
    PhaseClock();

    // Logs the time since the previous lap (or the start) as `phase`.
    void lap(const char *phase);

private:
    QElapsedTimer m_clock;
};

} // namespace headway
