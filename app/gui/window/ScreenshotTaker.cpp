#include "window/ScreenshotTaker.h"

#include "details/DetailsPanel.h"
#include "window/MainWindow.h"
#include "database/DatabaseCommands.h"
#include "database/MergeDialog.h"
#include "database/MigrationController.h"
#include "session/RepositorySession.h"
#include "graph/GraphView.h"
#include "io/AtomicFile.h"
#include "fork/ForkActions.h"
#include "fork/MergePreviewDialog.h"
#include "start/RecentSummaryModel.h"
#include "start/StartPage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTextStream>

namespace headway {

bool ScreenshotTaker::isKnownCommand(const QString &command)
{
    return command.isEmpty() || command == QLatin1String("upgrade") || command == QLatin1String("test-upgrade")
           || command == QLatin1String("rehearse") || command == QLatin1String("preview-merge");
}

ScreenshotTaker::ScreenshotTaker(MainWindow *window, const QString &file, int timeoutMs)
    : QObject(window)
    , m_window(window)
    , m_file(file)
{
    // Errors go to stderr, not to a message box nobody will click.
    window->setErrorDisplay([this](const QString &, const QString &message, const QString &hint) {
        finish(LoadFailed, hint.isEmpty() ? message : QStringLiteral("%1\n%2").arg(message, hint));
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(TimedOut, m_ofStartPage ? tr("Timed out waiting for the start page")
                                       : tr("Timed out waiting for the repository to load"));
    });
    m_timeout.start(timeoutMs);
}

ScreenshotTaker *ScreenshotTaker::ofStartPage(MainWindow *window, const QString &file, int timeoutMs)
{
    auto *taker = new ScreenshotTaker(window, file, timeoutMs);
    taker->m_ofStartPage = true;
    taker->waitForStartPage();
    return taker;
}

ScreenshotTaker::ScreenshotTaker(MainWindow *window, const QString &file, const QString &command, int timeoutMs)
    : ScreenshotTaker(window, file, timeoutMs)
{
    m_command = command;
    // Connected after the window's own handler: by now the window shows the graph.
    connect(window->session(), &RepositorySession::repositoryReady, this,
            [this](const std::shared_ptr<const LoadedRepository> &loaded) {
                if (!loaded->layout.succeeded && !loaded->input.nodes.isEmpty()) {
                    const Diagnostic why = loaded->layout.diagnostics.value(0);
                    finish(LayoutFailed, tr("The graph could not be laid out: %1 %2").arg(why.message, why.hint));
                    return;
                }
                waitForDatabaseState();
            },
            Qt::SingleShotConnection);
}

void ScreenshotTaker::waitForStartPage()
{
    // The summaries are read in the background once the page is on screen: poll until all are in.
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        const StartPage *page = m_window->startPage();
        if (!page->isVisible() || !page->recentModel()->isActive() || page->recentModel()->isSummarizing())
            return;
        m_poll.stop();
        QTimer::singleShot(0, this, &ScreenshotTaker::grab); // let the list paint what arrived
    });
    m_poll.start();
}

void ScreenshotTaker::waitForDatabaseState()
{
    // The interpreter search and `current` run in the background: poll until they have ended.
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        const MigrationController *controller = m_window->migrationController();
        if (controller->isPreparing() || controller->isBusy()
            || (controller->isToolReady() && !controller->isDatabaseStateKnown() && controller->databaseProblem().isEmpty()))
            return;
        const ForkStatus *fork = m_window->forkActions()->status();
        if (fork->isRefreshing() || !fork->state()) // the origin stripes are part of the picture
            return;
        if (m_window->session()->loaded() && m_window->session()->loaded()->operationsPending)
            return; // the boxes' summaries and the Operations tab are part of the picture
        m_poll.stop();
        if (m_command.isEmpty())
            QTimer::singleShot(0, this, &ScreenshotTaker::grab); // let the window lay out its widgets first
        else
            runCommand();
    });
    m_poll.start();
}

void ScreenshotTaker::runCommand()
{
    if (m_command == QLatin1String("preview-merge")) {
        MergePreviewDialog *dialog = m_window->forkActions()->previewMerge();
        m_dialog = dialog;
        connect(dialog, &MergePreviewDialog::previewShown, this, [this] { QTimer::singleShot(0, this, &ScreenshotTaker::grab); },
                Qt::SingleShotConnection);
        return;
    }
    MigrationController *controller = m_window->migrationController();
    connect(controller, &MigrationController::operationFinished, this,
            [this](MigrationController::Operation operation) {
                if (operation != MigrationController::Operation::Upgrade
                    && operation != MigrationController::Operation::TestUpgrade
                    && operation != MigrationController::Operation::Rehearse)
                    return;
                // The result panel took space from the graph: show all of it again.
                QTimer::singleShot(0, this, [this] {
                    m_window->graphView()->fitToWindow();
                    grab();
                });
            });
    connect(controller, &MigrationController::refused, this,
            [this](const QString &reason) { finish(LoadFailed, tr("Cannot run %1: %2").arg(m_command, reason)); });
    if (m_command == QLatin1String("upgrade"))
        controller->upgrade(QStringLiteral("heads"));
    else if (m_command == QLatin1String("rehearse"))
        m_dialog = m_window->databaseCommands()->rehearseMerge(); // the picture is the merge dialog's
    else
        controller->testUpgrade();
}

void ScreenshotTaker::grab()
{
    // A selected revision's source arrives from a background read: wait for it.
    if (m_window->detailsPanel()->isReadingSource()) {
        connect(m_window->detailsPanel(), &DetailsPanel::sourceShown, this, &ScreenshotTaker::grab,
                Qt::SingleShotConnection);
        return;
    }
    const QPixmap pixmap = m_dialog ? m_dialog->grab() : m_window->grab();
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    if (pixmap.isNull() || !pixmap.save(&png, "PNG")) {
        finish(SaveFailed, tr("Cannot draw the screenshot for %1").arg(QDir::toNativeSeparators(m_file)));
        return;
    }
    // Writing here blocks the GUI thread, which is fine: the application quits next.
    const QString error = AtomicFile::write(m_file, png.data(), AtomicFile::MissingFolder::Fail);
    finish(error.isEmpty() ? Saved : SaveFailed, error);
}

void ScreenshotTaker::finish(int code, const QString &message)
{
    m_timeout.stop();
    if (!message.isEmpty())
        QTextStream(stderr) << "headway: " << message << Qt::endl;
    QCoreApplication::exit(code);
}

} // namespace headway
