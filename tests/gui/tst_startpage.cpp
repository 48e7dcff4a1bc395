// The start page, offscreen, on real repositories: it is what the window shows
// at launch (without the repository's panels); Open the Demo on it shows the
// graph; Close Repository comes back to it, and the recent list then shows the
// demo with its heads and problems, read in the background; Enter or a click
// on the entry opens it again. Missing and unreadable entries say so, Delete
// forgets an entry (and a summary still being read for it is dropped), a
// folder dropped on the page opens, closing the window while summaries are
// read is safe, and `headway --screenshot FILE --start-page` writes a PNG.
#include "HistoryGenerator.h"
#include "TestFiles.h"
#include "graph/GraphView.h"
#include "database/MigrationController.h"
#include "session/RepositorySession.h"
#include "start/RecentList.h"
#include "start/RecentSummaryModel.h"
#include "start/StartPage.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"
#include "window/RecentRepositories.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <memory>

using namespace headway;

Q_DECLARE_METATYPE(headway::RepositorySummary)

namespace {

constexpr int kLoadTimeoutMs = 30000;
constexpr int kCommandTimeoutMs = 120000;

const QString kDemoSource = QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo");

// Tests must not write into the source tree: every repository is a copy.
using headway::test::copyTree;

// True once `spy` has caught a signal; a quick load may report before the call returns.
bool arrived(QSignalSpy &spy, int timeoutMs = kLoadTimeoutMs)
{
    return !spy.isEmpty() || spy.wait(timeoutMs);
}

QModelIndex rowOf(const StartPage *page, const QString &path)
{
    const RecentSummaryModel *model = page->recentModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row).data(RecentSummaryModel::PathRole).toString() == path)
            return model->index(row);
    return {};
}

QString stateTextOf(const StartPage *page, const QString &path)
{
    return rowOf(page, path).data(RecentSummaryModel::StateTextRole).toString();
}

// Waits until the model has a summary of `path` (it is read in the background).
bool summarized(const StartPage *page, const QString &path)
{
    return QTest::qWaitFor([&] { return page->recentModel()->summaryOf(path).has_value(); }, kLoadTimeoutMs);
}

bool dockShown(const MainWindow &window, const char *name)
{
    const auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(name));
    return dock && dock->isVisible();
}

RepositorySummary readable(int revisions, int heads, int errors, int warnings)
{
    RepositorySummary summary;
    summary.state = RepositorySummary::State::Readable;
    summary.revisions = revisions;
    summary.heads = heads;
    summary.errors = errors;
    summary.warnings = warnings;
    return summary;
}

} // namespace

class TestStartPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void theStartPageIsShownAtLaunchWithoutThePanels();
    void itIsReachableByKeyboardAndNamed();
    void openTheDemoThenCloseThenReopenFromTheRecentList();
    void clickingARecentEntryOpensIt();
    void missingAndUnreadableEntriesSaySo();
    void theStateTextSaysWhatTheRepositoryHolds_data();
    void theStateTextSaysWhatTheRepositoryHolds();
    void deleteRemovesTheEntryFromTheListAndTheSettings();
    void aRemovedEntrysSummaryIsDropped();
    void closingTheWindowWhileSummariesRunIsSafe();
    void droppingAFolderOnTheStartPageOpensIt();
    void aFailedOpenKeepsTheStartPage();
    void screenshotOfTheStartPageWritesAPng();

private:
    void setRecentSetting(const QStringList &paths);
    QString bigHistory(int seed);

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestStartPage::initTestCase()
{
    // Settings and the demo's writable copy stay out of the real home.
    QVERIFY(m_home.isValid() && m_dir.isValid());
    qputenv("HOME", m_home.filePath(QStringLiteral("home")).toUtf8()); // test mode puts data under HOME
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    std::setlocale(LC_NUMERIC, "C");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    QVERIFY2(QFileInfo(kDemoSource + QStringLiteral("/app.py")).isFile(), qPrintable(kDemoSource));
}

void TestStartPage::init()
{
    QSettings().clear();
    static int copies = 0;
    m_demo = m_dir.filePath(QStringLiteral("demo%1").arg(++copies));
    QVERIFY(copyTree(kDemoSource, m_demo));
}

void TestStartPage::setRecentSetting(const QStringList &paths)
{
    QSettings().setValue(QStringLiteral("recentRepositories"), paths);
}

// Big enough that reading it is still going on when the test acts.
QString TestStartPage::bigHistory(int seed)
{
    testsupport::HistorySpec spec;
    spec.seed = quint64(seed);
    spec.revisionCount = 2000;
    const QString root = m_dir.filePath(QStringLiteral("big%1").arg(seed));
    if (!QFileInfo::exists(root))
        testsupport::writeHistory(root, spec);
    return root;
}

void TestStartPage::theStartPageIsShownAtLaunchWithoutThePanels()
{
    MainWindow window;
    window.restoreSettings();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.startPage()->isVisible(), "the start page is not what the window shows at launch");
    QVERIFY2(!window.graphView()->isVisible(), "the empty graph is shown at launch");
    QVERIFY2(!dockShown(window, "detailsDock") && !dockShown(window, "historyDock"),
             "the repository's panels are shown around the start page");
    QVERIFY(!window.actions()->closeRepository->isEnabled());
    QVERIFY(window.startPage()->openButton()->isVisible());
    QVERIFY(window.startPage()->demoButton()->isVisible());
}

void TestStartPage::itIsReachableByKeyboardAndNamed()
{
    setRecentSetting({m_demo});
    MainWindow window;
    window.restoreSettings();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StartPage *page = window.startPage();
    QPushButton *open = page->openButton();
    QPushButton *demo = page->demoButton();
    RecentList *list = page->recentList();

    // Tab goes Open Repository… → Open the Demo → the recent list.
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.focusWidget(), static_cast<QWidget *>(list)); // with an entry listed, the keyboard starts on it
    open->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(demo));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(QApplication::focusWidget() == list, "Tab from Open the Demo does not reach the recent list");
    for (QWidget *widget : {static_cast<QWidget *>(open), static_cast<QWidget *>(demo), static_cast<QWidget *>(list)}) {
        QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(widget->objectName()));
        QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(widget->objectName() + " has no tooltip"));
    }
    QVERIFY(!list->accessibleName().isEmpty());
    QVERIFY(!page->accessibleName().isEmpty());
    QVERIFY2(summarized(page, m_demo), "the demo's summary never arrived");
    const QString spoken = rowOf(page, m_demo).data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.contains(QFileInfo(m_demo).fileName()) && spoken.contains(QStringLiteral("2 heads")),
             qPrintable(spoken));

    // With an entry listed, the keyboard starts on it.
    QCOMPARE(list->currentPath(), m_demo);
}

void TestStartPage::openTheDemoThenCloseThenReopenFromTheRecentList()
{
    MainWindow window;
    window.restoreSettings();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    StartPage *page = window.startPage();
    QVERIFY(page->isVisible());
    QCOMPARE(page->recentModel()->rowCount(), 0);

    // Open the Demo, clicked on the start page.
    QSignalSpy shown(&window, &MainWindow::graphShown);
    QTest::mouseClick(page->demoButton(), Qt::LeftButton);
    QVERIFY2(arrived(shown, kCommandTimeoutMs), "Open the Demo did not show the graph");
    QVERIFY(!page->isVisible());
    QVERIFY(window.graphView()->isVisible());
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
    QVERIFY2(dockShown(window, "detailsDock") && dockShown(window, "historyDock"),
             "the panels did not come back with the graph");
    const QString demo = window.session()->path();
    QCOMPARE(window.recentRepositories()->paths().value(0), demo);

    // The project's tool is prepared and `current` runs after a load: let that end first.
    MigrationController *controller = window.migrationController();
    QVERIFY(QTest::qWaitFor([controller] { return !controller->isPreparing() && !controller->isBusy(); },
                            kCommandTimeoutMs));

    // File > Close Repository: back to the start page, nothing open.
    window.actions()->closeRepository->trigger();
    QVERIFY2(page->isVisible(), "Close Repository did not show the start page");
    QVERIFY(!window.graphView()->isVisible());
    QVERIFY(!window.session()->hasRepository());
    QVERIFY(!controller->hasRepository());
    QCOMPARE(window.graphView()->revisionItemCount(), 0);
    QCOMPARE(window.windowTitle(), QStringLiteral("Headway"));
    QVERIFY(!window.actions()->closeRepository->isEnabled());
    QVERIFY(!dockShown(window, "detailsDock"));

    // The recent list shows the demo with what it holds, read in the background.
    QVERIFY2(summarized(page, demo), "the demo's summary never arrived");
    const RepositorySummary summary = *page->recentModel()->summaryOf(demo);
    QCOMPARE(summary.revisions, 5);
    QCOMPARE(summary.heads, 2);
    QCOMPARE(summary.errors, 0);
    QCOMPARE(summary.warnings, 1);
    QCOMPARE(stateTextOf(page, demo), QStringLiteral("5 revisions · 2 heads · 1 warning"));

    // Enter on the entry opens it again.
    RecentList *list = page->recentList();
    list->setCurrentIndex(rowOf(page, demo));
    shown.clear();
    QTest::keyClick(list, Qt::Key_Return);
    QVERIFY2(arrived(shown), "Enter on the recent entry did not open it");
    QCOMPARE(window.session()->path(), demo);
    QVERIFY(window.graphView()->isVisible());
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
    QVERIFY(window.actions()->closeRepository->isEnabled());
}

void TestStartPage::clickingARecentEntryOpensIt()
{
    setRecentSetting({m_demo});
    MainWindow window;
    window.restoreSettings();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RecentList *list = window.startPage()->recentList();
    const QModelIndex entry = rowOf(window.startPage(), m_demo);
    QVERIFY(entry.isValid());
    QVERIFY(list->isVisible());

    QSignalSpy shown(&window, &MainWindow::graphShown);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(entry).center());
    QVERIFY2(arrived(shown), "clicking the recent entry did not open it");
    QCOMPARE(window.session()->path(), m_demo);
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
}

void TestStartPage::missingAndUnreadableEntriesSaySo()
{
    const QString gone = m_dir.filePath(QStringLiteral("gone"));
    const QString empty = m_dir.filePath(QStringLiteral("no-migrations"));
    QVERIFY(QDir().mkpath(empty));
    test::writeFile(empty + QStringLiteral("/README.txt"), "nothing to see\n");
    setRecentSetting({gone, empty, m_demo});

    MainWindow window;
    window.restoreSettings();
    window.show();
    const StartPage *page = window.startPage();
    QCOMPARE(page->recentModel()->rowCount(), 3);
    for (const QString &path : {gone, empty, m_demo})
        QVERIFY2(summarized(page, path), qPrintable(path));
    QCOMPARE(stateTextOf(page, gone), QStringLiteral("Missing"));
    QCOMPARE(stateTextOf(page, empty), QStringLiteral("Cannot read"));
    QVERIFY2(rowOf(page, empty).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no-migrations")),
             "the tooltip of an unreadable entry should say why");
    QCOMPARE(stateTextOf(page, m_demo), QStringLiteral("5 revisions · 2 heads · 1 warning"));
    QVERIFY(!page->recentModel()->isSummarizing());
}

void TestStartPage::theStateTextSaysWhatTheRepositoryHolds_data()
{
    QTest::addColumn<RepositorySummary>("summary");
    QTest::addColumn<QString>("text");
    QTest::newRow("healthy") << readable(1, 1, 0, 0) << QStringLiteral("1 revision · 1 head · no problems");
    QTest::newRow("two heads") << readable(5, 2, 0, 1) << QStringLiteral("5 revisions · 2 heads · 1 warning");
    QTest::newRow("broken") << readable(12, 3, 2, 3) << QStringLiteral("12 revisions · 3 heads · 2 errors · 3 warnings");
    QTest::newRow("one error") << readable(0, 0, 1, 0) << QStringLiteral("0 revisions · 0 heads · 1 error");
    RepositorySummary missing;
    missing.state = RepositorySummary::State::Missing;
    QTest::newRow("missing") << missing << QStringLiteral("Missing");
    RepositorySummary unreadable;
    unreadable.state = RepositorySummary::State::Unreadable;
    QTest::newRow("unreadable") << unreadable << QStringLiteral("Cannot read");
}

void TestStartPage::theStateTextSaysWhatTheRepositoryHolds()
{
    QFETCH(RepositorySummary, summary);
    QFETCH(QString, text);
    QCOMPARE(RecentSummaryModel::stateText(summary), text);
}

void TestStartPage::deleteRemovesTheEntryFromTheListAndTheSettings()
{
    const QString other = m_dir.filePath(QStringLiteral("other"));
    setRecentSetting({m_demo, other});
    MainWindow window;
    window.restoreSettings();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RecentList *list = window.startPage()->recentList();
    list->setCurrentIndex(rowOf(window.startPage(), m_demo));

    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(window.recentRepositories()->paths(), QStringList{other});
    QCOMPARE(QSettings().value(QStringLiteral("recentRepositories")).toStringList(), QStringList{other});
    QCOMPARE(window.startPage()->recentModel()->paths(), QStringList{other});
    QCOMPARE(list->currentPath(), other); // the keyboard stays in the list
    QVERIFY2(!window.session()->isBusy(), "removing an entry opened something");
}

void TestStartPage::aRemovedEntrysSummaryIsDropped()
{
    const QString big = bigHistory(11);
    StartPage page;
    RecentSummaryModel *model = page.recentModel();
    QSignalSpy arrivedSummaries(model, &RecentSummaryModel::summaryArrived);
    page.setRecentPaths({big, m_demo});
    page.show();
    QVERIFY(model->isSummarizing());
    page.setRecentPaths({m_demo}); // the big one is forgotten while it is read

    QVERIFY(QTest::qWaitFor([model] { return !model->isSummarizing(); }, kLoadTimeoutMs));
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(!model->summaryOf(big));
    QVERIFY(model->summaryOf(m_demo));
    for (const QList<QVariant> &signal : std::as_const(arrivedSummaries))
        QVERIFY2(signal.at(0).toString() != big, "a removed entry's summary arrived");
}

void TestStartPage::closingTheWindowWhileSummariesRunIsSafe()
{
    setRecentSetting({bigHistory(21), bigHistory(22), bigHistory(23), m_demo});
    auto window = std::make_unique<MainWindow>();
    window->restoreSettings();
    window->show();
    QVERIFY(window->startPage()->recentModel()->isSummarizing());
    window->close();
    window.reset(); // the reads still running must neither call back nor crash
    QTest::qWait(1000);

    // And a window made right after reads the same list without trouble.
    MainWindow again;
    again.restoreSettings();
    again.show();
    QVERIFY(summarized(again.startPage(), m_demo));
}

void TestStartPage::droppingAFolderOnTheStartPageOpensIt()
{
    MainWindow window;
    window.show();
    StartPage *page = window.startPage();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_demo)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &enter);
    QVERIFY2(enter.isAccepted(), "the start page refused the drop");

    QSignalSpy shown(&window, &MainWindow::graphShown);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(page, &drop);
    QVERIFY(arrived(shown));
    QCOMPARE(window.session()->path(), m_demo);
    QVERIFY(!page->isVisible());
}

void TestStartPage::aFailedOpenKeepsTheStartPage()
{
    MainWindow window;
    QStringList errors;
    window.setErrorDisplay([&errors](const QString &, const QString &message, const QString &) { errors << message; });
    window.show();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openRepository(m_dir.filePath(QStringLiteral("not-there")));
    QVERIFY(arrived(failed));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(window.startPage()->isVisible(), "a failed open left the start page");
}

void TestStartPage::screenshotOfTheStartPageWritesAPng()
{
    const QString gui = qEnvironmentVariable("HEADWAY_GUI");
    if (gui.isEmpty())
        QSKIP("HEADWAY_GUI is not set (ctest sets it to the built headway binary)");
    // The child reads its recent list from its own configuration directory.
    const QString config = m_dir.filePath(QStringLiteral("screenshot-config"));
    {
        QSettings settings(config + QStringLiteral("/Headway/Headway.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("recentRepositories"), QStringList{m_demo, m_dir.filePath(QStringLiteral("gone"))});
    }
    const QString file = m_dir.filePath(QStringLiteral("start-page.png"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("screenshot-data")));
    process.setProcessEnvironment(environment);
    process.start(gui, {QStringLiteral("--screenshot"), file, QStringLiteral("--start-page")});
    QVERIFY2(process.waitForFinished(120000), "headway --screenshot --start-page did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QImage image(file);
    QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
    QCOMPARE(image.size(), QSize(1400, 900));

    // --start-page is for a screenshot of nothing else.
    QProcess wrong;
    wrong.setProcessEnvironment(environment);
    wrong.start(gui, {QStringLiteral("--start-page"), m_demo});
    QVERIFY(wrong.waitForFinished(60000));
    QCOMPARE(wrong.exitCode(), 64);
}

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
