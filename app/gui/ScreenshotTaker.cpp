#include "ScreenshotTaker.h"

#include "DetailsPanel.h"

#include "MainWindow.h"
#include "RepositorySession.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTextStream>

namespace headway {

ScreenshotTaker::ScreenshotTaker(MainWindow *window, const QString &file, int timeoutMs)
    : QObject(window)
    , m_window(window)
    , m_file(file)
{
    // Errors go to stderr, not to a message box nobody will click.
    window->setErrorDisplay([this](const QString &, const QString &message, const QString &hint) {
        finish(LoadFailed, hint.isEmpty() ? message : QStringLiteral("%1\n%2").arg(message, hint));
    });
    // Connected after the window's own handler: by now the window shows the graph.
    connect(window->session(), &RepositorySession::repositoryReady, this,
            [this](const Repository &, const LayoutInput &input, const GraphLayout &layout) {
                if (!layout.succeeded && !input.nodes.isEmpty()) {
                    const Diagnostic why = layout.diagnostics.value(0);
                    finish(LayoutFailed, tr("The graph could not be laid out: %1 %2").arg(why.message, why.hint));
                    return;
                }
                // Let the window finish laying out its widgets before grabbing it.
                QTimer::singleShot(0, this, &ScreenshotTaker::grab);
            });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { finish(TimedOut, tr("Timed out waiting for the repository to load")); });
    m_timeout.start(timeoutMs);
}

void ScreenshotTaker::grab()
{
    // A selected revision's source arrives from a background read: wait for it.
    if (m_window->detailsPanel()->isReadingSource()) {
        connect(m_window->detailsPanel(), &DetailsPanel::sourceShown, this, &ScreenshotTaker::grab,
                Qt::SingleShotConnection);
        return;
    }
    const QPixmap pixmap = m_window->grab();
    // Writing here blocks the GUI thread, which is fine: the application quits next.
    if (pixmap.isNull() || !pixmap.save(m_file, "PNG"))
        finish(SaveFailed, tr("Cannot write the screenshot to %1").arg(QDir::toNativeSeparators(m_file)));
    else
        finish(Saved, {});
}

void ScreenshotTaker::finish(int code, const QString &message)
{
    m_timeout.stop();
    if (!message.isEmpty())
        QTextStream(stderr) << "headway: " << message << Qt::endl;
    QCoreApplication::exit(code);
}

} // namespace headway
