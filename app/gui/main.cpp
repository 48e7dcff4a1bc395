// headway: the desktop application.
//   headway [REPOSITORY]
//   headway --demo
//   headway --screenshot FILE [REPOSITORY | --demo] [--select REV] [--run upgrade|test-upgrade|rehearse|preview-merge]
//   headway --screenshot FILE --start-page
#include "engine/ServerRegistry.h"
#include "session/RepositorySession.h"
#include "window/MainWindow.h"
#include "window/RecentRepositories.h"
#include "window/ScreenshotTaker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>
#include <QThreadPool>

#include <clocale>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <limits>

namespace {

constexpr int kNoDisplay = 69; // sysexits' EX_UNAVAILABLE

bool hasArgument(int argc, char *argv[], std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i)
        for (const char *name : names)
            if (std::strcmp(argv[i], name) == 0
                || (std::strncmp(argv[i], name, std::strlen(name)) == 0 && argv[i][std::strlen(name)] == '='))
                return true;
    return false;
}

// Qt aborts with a cryptic message when it finds no display. What needs no window,
// the help, the version and a screenshot, runs offscreen; a window says what is missing.
bool chooseHeadlessPlatform(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") || hasArgument(argc, argv, {"-platform", "--platform"}))
        return true;
    if (hasArgument(argc, argv, {"-h", "--help", "-?", "--help-all", "-v", "--version", "--screenshot"})) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return true;
    }
    std::fputs("headway: no display to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is set.\n"
               "Run it in a desktop session (or with ssh -X), or use headway-cli here; "
               "headway --screenshot FILE needs no display.\n",
               stderr);
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!chooseHeadlessPlatform(argc, argv))
        return kNoDisplay;
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Headway"));
    QApplication::setApplicationName(QStringLiteral("Headway"));
    QApplication::setApplicationVersion(QStringLiteral(HEADWAY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.headway.Headway"));
    // Graphviz reads numbers in the C locale; QApplication has just applied the user's.
    std::setlocale(LC_NUMERIC, "C");

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Shows the Alembic revision graph of a Flask-Migrate or Alembic project and its problems."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("repository"),
                                 QApplication::translate("main", "Project root, alembic.ini, migrations or "
                                                                 "versions directory to open."),
                                 QStringLiteral("[REPOSITORY]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Open the bundled demo repository."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window with the repository loaded into FILE (PNG), then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QApplication::translate("main", "Select REV (id, prefix, branch label, head) once the graph is shown."),
        QStringLiteral("REV"));
    const QCommandLineOption run(
        QStringLiteral("run"),
        QApplication::translate("main", "With --screenshot: run COMMAND (upgrade, test-upgrade, rehearse, preview-merge) first and "
                                        "capture its result."),
        QStringLiteral("COMMAND"));
    const QCommandLineOption collapse(
        QStringLiteral("collapse"),
        QApplication::translate("main", "Collapse linear runs: auto (above the threshold, the default), always or never."),
        QStringLiteral("WHEN"), QStringLiteral("auto"));
    const QCommandLineOption startPage(
        QStringLiteral("start-page"),
        QApplication::translate("main", "With --screenshot: capture the start page with the recent repositories "
                                        "as the settings list them."));
    parser.addOptions({demo, screenshot, select, run, collapse, startPage});
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    QTextStream err(stderr);
    if (positional.size() > 1 || (!positional.isEmpty() && parser.isSet(demo))) {
        err << QApplication::translate("main", "headway: give one repository, or --demo") << Qt::endl;
        return 64;
    }
    const bool screenshotMode = parser.isSet(screenshot);
    const bool startPageShot = parser.isSet(startPage);
    if (startPageShot
        && (!screenshotMode || !positional.isEmpty() || parser.isSet(demo) || parser.isSet(run) || parser.isSet(select))) {
        err << QApplication::translate("main", "headway: --start-page goes with --screenshot FILE alone") << Qt::endl;
        return 64;
    }
    if (screenshotMode && !startPageShot && positional.isEmpty() && !parser.isSet(demo)) {
        err << QApplication::translate("main", "headway: --screenshot needs a REPOSITORY or --demo") << Qt::endl;
        return 64;
    }

    if (parser.isSet(run) && (!screenshotMode || !headway::ScreenshotTaker::isKnownCommand(parser.value(run)))) {
        err << QApplication::translate("main", "headway: --run takes upgrade, test-upgrade, rehearse or preview-merge, with --screenshot")
            << Qt::endl;
        return 64;
    }

    const QString collapseWhen = parser.value(collapse);
    if (!QStringList{QStringLiteral("auto"), QStringLiteral("always"), QStringLiteral("never")}.contains(collapseWhen)) {
        err << QApplication::translate("main", "headway: --collapse takes auto, always or never") << Qt::endl;
        return 64;
    }

    // Throwaway servers a killed Headway left behind: stopped and removed, off the GUI thread.
    QThreadPool::globalInstance()->start([] { headway::ServerRegistry().reapLeftovers(); });

    headway::MainWindow window;
    if (startPageShot) {
        // The recent list is the picture's content; window geometry and docks stay out of it.
        headway::ScreenshotTaker::ofStartPage(&window, parser.value(screenshot));
        window.recentRepositories()->loadSettings();
        window.resize(1400, 900);
    } else if (screenshotMode) {
        // A fixed size and no saved state: the same picture on every machine.
        new headway::ScreenshotTaker(&window, parser.value(screenshot), parser.value(run));
        window.session()->setWatching(false);
        window.resize(1400, 900);
    } else {
        window.restoreSettings();
    }
    // As a threshold, so opening a repository (which forgets a per-repository choice) keeps it.
    if (collapseWhen == QLatin1String("always"))
        window.session()->setCollapseThreshold(0);
    else if (collapseWhen == QLatin1String("never"))
        window.session()->setCollapseThreshold(std::numeric_limits<int>::max());
    if (parser.isSet(select)) {
        const QString revision = parser.value(select);
        QObject::connect(&window, &headway::MainWindow::graphShown, &window,
                         [&window, revision] { window.selectRevision(revision); }, Qt::SingleShotConnection);
    }
    if (parser.isSet(demo))
        window.openDemo();
    else if (!positional.isEmpty())
        window.openRepository(positional.first());
    window.show();
    return app.exec();
}
