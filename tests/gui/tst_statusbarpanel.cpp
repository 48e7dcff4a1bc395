// The status bar panel on the demo, offscreen: it counts revisions and heads,
// names the revision the database is at, and shows the running command with
// a Cancel button that stops it; afterwards the indicator goes away.
#include "database/MigrationController.h"
#include "demo/DemoWorkspace.h"
#include "python/InterpreterDiscovery.h"
#include "window/MainWindow.h"
#include "window/ProgressIndicator.h"
#include "window/StatusBarPanel.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <clocale>

using namespace headway;

namespace {

constexpr int kLoadTimeoutMs = 30000;
constexpr int kCommandTimeoutMs = 120000;

} // namespace

class TestStatusBarPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.filePath(QStringLiteral("home")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
        std::setlocale(LC_NUMERIC, "C");
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
        const InterpreterChoice python = InterpreterDiscovery::find(QDir::currentPath(), {QStringLiteral("flask_migrate")});
        QVERIFY2(python.found(), qPrintable(python.explanation({QStringLiteral("flask_migrate")})));
    }

    void itShowsHeadsTheDatabaseAndTheRunningCommand()
    {
        const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(), m_dir.filePath("demo"));
        QVERIFY2(demo.ok(), qPrintable(demo.error));
        MainWindow window;
        window.show();
        StatusBarPanel *panel = window.statusBarPanel();
        QVERIFY(panel);
        QVERIFY2(window.statusBar()->isAncestorOf(panel), "the window installs the panel in its status bar");
        QVERIFY(panel->databaseText().isEmpty()); // nothing open yet

        QSignalSpy shown(&window, &MainWindow::graphShown);
        window.openRepository(demo.path);
        QVERIFY(!shown.isEmpty() || shown.wait(kLoadTimeoutMs));
        QCOMPARE(panel->summaryText(), QStringLiteral("5 revisions · 2 heads"));

        MigrationController *controller = window.migrationController();
        QVERIFY2(QTest::qWaitFor([controller] {
                     return !controller->isPreparing() && !controller->isBusy()
                            && (controller->isDatabaseStateKnown() || !controller->isToolReady());
                 }, kCommandTimeoutMs),
                 "still preparing the tool or reading the database");
        QVERIFY2(controller->isToolReady(), qPrintable(controller->toolProblem()));
        const QStringList revisions = controller->databaseRevisions();
        const QString database = panel->databaseText();
        if (revisions.isEmpty())
            QCOMPARE(database, QStringLiteral("Database: base"));
        else
            QVERIFY2(database.startsWith(QStringLiteral("Database: ")) && database.contains(revisions.first()),
                     qPrintable(database));
        auto *label = panel->findChild<QLabel *>(QStringLiteral("databaseRevision"));
        QVERIFY(label && !label->toolTip().isEmpty() && !label->accessibleName().isEmpty());

        // A command shows while it runs; Cancel stops it.
        ProgressIndicator *indicator = panel->commandIndicator();
        QVERIFY(!indicator->isRunning());
        QSignalSpy finished(controller, &MigrationController::operationFinished);
        QVERIFY(controller->refreshDatabaseState());
        QVERIFY(indicator->isRunning());
        QCOMPARE(indicator->text(), controller->operationTitle());
        auto *cancel = indicator->findChild<QToolButton *>();
        QVERIFY(cancel);
        QVERIFY2(!cancel->accessibleName().isEmpty() && !cancel->toolTip().isEmpty(), "Cancel needs a name and a tip");
        QVERIFY2(cancel->focusPolicy() & Qt::TabFocus, "Cancel must be reachable with Tab");
        cancel->click();
        QVERIFY(!finished.isEmpty() || finished.wait(kCommandTimeoutMs));
        QCOMPARE(controller->lastResult().outcome, OperationResult::Outcome::Cancelled);
        QVERIFY(!indicator->isRunning());
    }

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestStatusBarPanel)
#include "tst_statusbarpanel.moc"
