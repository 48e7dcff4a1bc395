// How long opening a repository takes, phase by phase, as log lines under the
// category "headway.timing" (off unless QT_LOGGING_RULES="headway.timing.info=true"):
//   headway.timing: shown 3120 ms        the graph is in the window (repositoryReady)
//   headway.timing: first-paint 3190 ms  the graph's view painted it
//   headway.timing: operations 9800 ms   the files' operations arrived
// counted from the request to open. tests/benchmarks/bench_open.py reads them.
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace headway {

class RepositorySession;

class OpenTimings : public QObject
{
    Q_OBJECT

public:
    // `graphViewport` is the widget whose first paint after a load counts.
    OpenTimings(RepositorySession *session, QWidget *graphViewport, QObject *parent = nullptr);

    static bool isEnabled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void log(const char *phase) const;

    QWidget *m_viewport;
    QElapsedTimer m_clock;
    bool m_awaitingPaint = false;
};

} // namespace headway
