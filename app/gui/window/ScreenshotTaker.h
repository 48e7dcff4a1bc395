// `headway --screenshot FILE`: waits until the window shows its repository
// (loaded and laid out) and its database state (or why it has none), optionally
// runs one command first (`--run test-upgrade`), grabs the window into a PNG
// and quits with 0, or quits non-zero with a message when loading or layout
// fails or takes too long. With `--start-page` it waits instead until the
// start page has read every recent repository.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace headway {

class MainWindow;

class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    enum ExitCode { Saved = 0, LoadFailed = 2, SaveFailed = 3, TimedOut = 4, LayoutFailed = 5 };

    // `command`: empty, "upgrade" (to every head) or "test-upgrade".
    ScreenshotTaker(MainWindow *window, const QString &file, const QString &command = {}, int timeoutMs = 180000);
    // The start page, once every recent repository's summary is in.
    static ScreenshotTaker *ofStartPage(MainWindow *window, const QString &file, int timeoutMs = 180000);
    static bool isKnownCommand(const QString &command);

private:
    ScreenshotTaker(MainWindow *window, const QString &file, int timeoutMs);
    void waitForStartPage();
    void waitForDatabaseState();
    void runCommand();
    void grab();
    void finish(int code, const QString &message);

    MainWindow *m_window;
    QString m_file;
    QString m_command;
    bool m_ofStartPage = false;
    QPointer<QWidget> m_dialog; // --run rehearse: the merge dialog is what is shown
    QTimer m_timeout;
    QTimer m_poll;
};

} // namespace headway
