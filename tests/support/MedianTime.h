// The benchmarks' timing: the median wall time of repeated work, in milliseconds.
#pragma once

#include <QElapsedTimer>
#include <QList>

#include <algorithm>

namespace headway::testsupport {

template<typename Work>
double medianMs(int repeat, Work work)
{
    QList<double> times;
    for (int i = 0; i < std::max(1, repeat); ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times += double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace headway::testsupport
