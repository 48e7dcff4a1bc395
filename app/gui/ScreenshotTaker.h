// `headway --screenshot FILE`: waits until the window shows its repository
// (loaded and laid out), grabs the window into a PNG and quits with 0, or
// quits non-zero with a message when loading or layout fails or takes too long.
#pragma once

#include <QObject>
#include <QTimer>

namespace headway {

class MainWindow;

class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    enum ExitCode { Saved = 0, LoadFailed = 2, SaveFailed = 3, TimedOut = 4, LayoutFailed = 5 };

    ScreenshotTaker(MainWindow *window, const QString &file, int timeoutMs = 120000);

private:
    void grab();
    void finish(int code, const QString &message);

    MainWindow *m_window;
    QString m_file;
    QTimer m_timeout;
};

} // namespace headway
