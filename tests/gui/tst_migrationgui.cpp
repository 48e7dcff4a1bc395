// Running the project's own migration commands from the window, for real, on
// a copy of the demo (a Flask app with two heads that both create
// ix_user_email): the merge dialog and the merge it runs, the refused merge
// message, upgrades shown as the database's revisions on the graph, the test
// upgrade's verdict naming both migrations, one command at a time, and the
// downgrade confirmation listing exactly what is undone.
#include "database/CommandConsole.h"
#include "database/ConfirmCommandDialog.h"
#include "database/DatabaseActions.h"
#include "database/DatabaseCommands.h"
#include "database/DatabaseStatus.h"
#include "details/DetailsPanel.h"
#include "details/DetailsText.h"
#include "health/HealthBanner.h"
#include "window/MainWindow.h"
#include "database/MergeDialog.h"
#include "database/MigrationController.h"
#include "session/RepositorySession.h"
#include "database/TestUpgradePanel.h"
#include "engine/ServerBinaries.h"
#include "demo/DemoWorkspace.h"
#include "graph/GraphScene.h"
#include "graph/GraphView.h"
#include "graph/RevisionItem.h"
#include "python/InterpreterDiscovery.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace headway;

namespace {

constexpr int kLoadTimeoutMs = 30000;
constexpr int kCommandTimeoutMs = 180000;

const QString kUserPreferences = QStringLiteral("b3a83eea3022");
const QString kPostSlug = QStringLiteral("dd710196dcb0");

using Operation = MigrationController::Operation;

QStringList selectedIds(const MainWindow &window)
{
    QStringList ids;
    for (int revision : window.graphView()->selectedRevisions())
        ids << window.session()->repository()->graph.node(revision).id;
    return ids;
}

QStringList ringedIds(const MainWindow &window)
{
    QStringList ids;
    const Repository &repository = *window.session()->repository();
    for (int node = 0; node < repository.graph.size(); ++node) {
        const RevisionItem *item = window.graphView()->graphScene()->revisionItem(node);
        if (item && item->isCurrentDatabaseRevision())
            ids << repository.graph.node(node).id;
    }
    return ids;
}

// Waits until `operation` ends; returns whether it succeeded (the signal's second argument).
bool waitForOperation(MigrationController *controller, Operation operation, bool *succeeded = nullptr)
{
    QSignalSpy finished(controller, &MigrationController::operationFinished);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kCommandTimeoutMs) {
        for (const QList<QVariant> &arguments : std::as_const(finished)) {
            if (arguments.at(0).value<Operation>() == operation) {
                if (succeeded)
                    *succeeded = arguments.at(1).toBool();
                return true;
            }
        }
        finished.wait(1000);
    }
    return false;
}

// Saves run settings and waits until the tool is prepared again (and `current` has run).
void applySettings(MigrationController *controller, const RunSettings &settings)
{
    controller->setSettings(settings);
    QTRY_VERIFY2_WITH_TIMEOUT(!controller->isPreparing() && !controller->isBusy(),
                              "the tool was not prepared again after the settings changed", kCommandTimeoutMs);
}

// Replaces the confirmation dialog: records what would be asked and answers `accept`.
void recordConfirmations(MainWindow &window, QList<CommandConfirmation> &asked, const bool &accept)
{
    window.databaseCommands()->setConfirmation(
        [&asked, &accept](const CommandConfirmation &confirmation, std::function<void(bool)> answer) {
            asked.append(confirmation);
            answer(accept);
        });
}

} // namespace

class TestMigrationGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void mergeThroughTheDialogLeavesOneHeadAndSelectsTheNewRevision();
    void aRefusedMessageKeepsOkDisabled();
    void theBannerOffersToMergeAllHeads();
    void upgradesShowTheDatabaseRevisionsOnTheGraph();
    void testUpgradeNamesBothMigrationsCreatingTheIndex();
    void testUpgradeRunsOnTheChosenEngine();
    void testUpgradeOnAServerAsksFirstWithoutThePassword();
    void aSecondCommandIsRefusedWhileOneRuns();
    void downgradeConfirmationListsTheUndoneRevisions();
    void upgradeShowsThePlanAndTheCommandFirst();
    void stepBackWithSeveralHeadsAsksWhichBranch();
    void cancelStopsAHangingMigration();
    void stopAndCloseWaitsForTheCommandToEnd();
    void aBrokenInterpreterSettingIsExplainedAndDisablesCommands();
    void runSettingsAreRememberedAndReachTheCommands();
    void resolvingWithPythonMarksTheGraph();

private:
    // Opens the demo copy and waits until the tool is prepared and `current` has run.
    bool openDemo(MainWindow &window);

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestMigrationGui::initTestCase()
{
    // Settings, backups and the demo's data directory stay out of the real home.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.filePath(QStringLiteral("home")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    std::setlocale(LC_NUMERIC, "C");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    qRegisterMetaType<CommandStep>();
    qRegisterMetaType<StepResult>();
    qRegisterMetaType<MergeVerification>();
    qRegisterMetaType<FailureSite>();
    const InterpreterChoice python = InterpreterDiscovery::find(QDir::currentPath(), {QStringLiteral("flask_migrate")});
    QVERIFY2(python.found(), qPrintable(python.explanation({QStringLiteral("flask_migrate")})));
}

void TestMigrationGui::init()
{
    static int copies = 0;
    const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(),
                                                            m_dir.filePath(QStringLiteral("demo%1").arg(++copies)));
    QVERIFY2(demo.ok(), qPrintable(demo.error));
    m_demo = demo.path;
}

void TestMigrationGui::cleanup()
{
    QSettings().clear();
}

bool TestMigrationGui::openDemo(MainWindow &window)
{
    QSignalSpy shown(&window, &MainWindow::graphShown);
    window.openRepository(m_demo);
    if (shown.isEmpty() && !shown.wait(kLoadTimeoutMs))
        return false;
    MigrationController *controller = window.migrationController();
    const bool settled = QTest::qWaitFor([controller] {
        return !controller->isPreparing() && !controller->isBusy()
               && (controller->isDatabaseStateKnown() || !controller->isToolReady());
    }, kCommandTimeoutMs);
    if (!settled) {
        qWarning("still preparing the tool or running `current` after %d s", kCommandTimeoutMs / 1000);
        return false;
    }
    if (!controller->isToolReady())
        qWarning("tool not ready: %s", qPrintable(controller->toolProblem()));
    return controller->isToolReady() && controller->isDatabaseStateKnown();
}

void TestMigrationGui::mergeThroughTheDialogLeavesOneHeadAndSelectsTheNewRevision()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    const QStringList filesBefore = QDir(m_demo + QStringLiteral("/migrations/versions")).entryList({QStringLiteral("*.py")});

    QVERIFY(window.databaseActions()->mergeHeads->isEnabled());
    window.databaseActions()->mergeHeads->trigger();
    MergeDialog *dialog = window.databaseCommands()->mergeDialog();
    QVERIFY(dialog);
    QStringList heads = dialog->selectedHeads();
    heads.sort();
    QCOMPARE(heads, (QStringList{kUserPreferences, kPostSlug}));
    QVERIFY2(dialog->message().contains(QStringLiteral("add user preferences")), qPrintable(dialog->message()));
    QVERIFY2(dialog->commandPreview().contains(QStringLiteral("merge")), qPrintable(dialog->commandPreview()));
    QVERIFY(dialog->okButton()->isEnabled());

    QSignalSpy verified(window.migrationController(), &MigrationController::mergeVerified);
    dialog->okButton()->click();
    QVERIFY2(verified.wait(kCommandTimeoutMs), qPrintable(window.commandConsole()->outputText()));
    const MergeVerification verification = verified.first().first().value<MergeVerification>();
    QVERIFY2(verification.ok(), qPrintable(verification.problem));

    const Repository &after = *window.session()->repository();
    QCOMPARE(after.graph.heads().size(), 1);
    const QStringList filesAfter = QDir(m_demo + QStringLiteral("/migrations/versions")).entryList({QStringLiteral("*.py")});
    QCOMPARE(filesAfter.size(), filesBefore.size() + 1);
    QVERIFY(QFileInfo::exists(verification.newFile));
    const QString newId = after.graph.node(verification.newRevision).id;
    QCOMPARE(selectedIds(window), QStringList{newId});
    QCOMPARE(window.detailsPanel()->shownRevisionId(), newId);
    QVERIFY(!window.databaseActions()->mergeHeads->isEnabled()); // one head: nothing left to merge
}

void TestMigrationGui::aRefusedMessageKeepsOkDisabled()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MergeDialog *dialog = window.databaseCommands()->openMergeDialog();
    QVERIFY(dialog);

    dialog->setMessage(QString());
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(!dialog->problemText().isEmpty());
    dialog->setMessage(QStringLiteral("merge"));
    QVERIFY2(!dialog->okButton()->isEnabled(), "a bare \"merge\" says nothing about what is merged");
    QVERIFY(!dialog->problemText().isEmpty());
    dialog->setMessage(QStringLiteral("merge preferences and slugs"));
    QVERIFY(dialog->okButton()->isEnabled());
    QVERIFY(dialog->problemText().isEmpty());

    dialog->setHeadChecked(kPostSlug, false);
    QVERIFY2(!dialog->okButton()->isEnabled(), "one head is nothing to merge");
    dialog->setHeadChecked(kPostSlug, true);
    QVERIFY(dialog->okButton()->isEnabled());

    // The controller refuses a bad message too, whoever calls it.
    QSignalSpy refused(window.migrationController(), &MigrationController::refused);
    QVERIFY(!window.migrationController()->merge({kUserPreferences, kPostSlug}, QStringLiteral("merge")));
    QCOMPARE(refused.size(), 1);
    QVERIFY(!window.migrationController()->isBusy());
    dialog->reject();
}

void TestMigrationGui::theBannerOffersToMergeAllHeads()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    QLabel *headsLine = nullptr;
    for (QLabel *label : window.healthBanner()->findChildren<QLabel *>())
        if (label->isVisible() && label->text().contains(QStringLiteral("action:merge-heads")))
            headsLine = label;
    QVERIFY2(headsLine, qPrintable(window.healthBanner()->text()));
    Q_EMIT headsLine->linkActivated(QStringLiteral("action:merge-heads"));
    QVERIFY(window.databaseCommands()->mergeDialog());
    QCOMPARE(window.databaseCommands()->mergeDialog()->selectedHeads().size(), 2);
}

void TestMigrationGui::upgradesShowTheDatabaseRevisionsOnTheGraph()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QCOMPARE(controller->databaseRevisions(), QStringList());
    QVERIFY2(window.databaseStatus()->text().contains(QStringLiteral("5 revisions behind")),
             qPrintable(window.databaseStatus()->text()));

    QVERIFY(controller->upgrade(kUserPreferences));
    bool succeeded = false;
    QVERIFY(waitForOperation(controller, Operation::Upgrade, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    QCOMPARE(controller->databaseRevisions(), QStringList{kUserPreferences});
    QCOMPARE(ringedIds(window), QStringList{kUserPreferences});
    QVERIFY2(window.databaseStatus()->text().contains(QStringLiteral("1 revision behind")),
             qPrintable(window.databaseStatus()->text()));
    QVERIFY2(window.commandConsole()->commandText().contains(QStringLiteral("SERVER_NAME=localhost")),
             qPrintable(window.commandConsole()->commandText()));

    // Upgrading to every head fails on the duplicate index; the graph shows where the database ended.
    QVERIFY(controller->upgrade(QStringLiteral("heads")));
    QVERIFY(waitForOperation(controller, Operation::Upgrade, &succeeded));
    QVERIFY(!succeeded);
    QVERIFY2(window.commandConsole()->explanationText().contains(QStringLiteral("already exists"), Qt::CaseInsensitive)
                 || window.commandConsole()->outputText().contains(QStringLiteral("ix_user_email")),
             qPrintable(window.commandConsole()->outputText()));
    QVERIFY2(controller->lastBackup().made(), "a SQLite database is backed up before an upgrade");
    // The console offers the fix Headway can start: the test upgrade that names both migrations.
    QVERIFY(!window.commandConsole()->fixButton()->isHidden());
    QVERIFY2(window.commandConsole()->fixButton()->text().contains(QStringLiteral("Test Upgrade")),
             qPrintable(window.commandConsole()->fixButton()->text()));
    QCOMPARE(ringedIds(window), controller->databaseRevisions());
    QVERIFY(controller->databaseRevisions().contains(kUserPreferences));
    QVERIFY(window.databaseActions()->restoreBackup->isEnabled());

    // The failed upgrade left the database half-changed: restoring the backup puts it back,
    // after keeping the half-changed state too.
    QList<CommandConfirmation> asked;
    const bool accept = true;
    recordConfirmations(window, asked, accept);
    const SqliteBackupCopy taken = controller->lastBackup();
    window.databaseActions()->restoreBackup->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY(waitForOperation(controller, Operation::Restore, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    QCOMPARE(controller->databaseRevisions(), QStringList{kUserPreferences});
    QVERIFY(controller->lastBackup().made());
    QVERIFY(controller->lastBackup().copy != taken.copy);
    QVERIFY(QFileInfo::exists(taken.copy));
}

void TestMigrationGui::testUpgradeNamesBothMigrationsCreatingTheIndex()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    const QString userDatabase = m_demo + QStringLiteral("/demo.db");
    const bool existed = QFileInfo::exists(userDatabase);
    const QDateTime modified = QFileInfo(userDatabase).lastModified();

    window.databaseActions()->testUpgrade->trigger();
    bool succeeded = true;
    QVERIFY(waitForOperation(window.migrationController(), Operation::TestUpgrade, &succeeded));
    QVERIFY(!succeeded);

    TestUpgradePanel *panel = window.testUpgradePanel();
    const QString summary = panel->summaryText();
    QVERIFY2(summary.contains(kUserPreferences) && summary.contains(kPostSlug), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("ix_user_email")), qPrintable(summary));
    QVERIFY(panel->stepCount() > 1);
    QVERIFY2(panel->engineText().contains(QStringLiteral("SQLite")), qPrintable(panel->engineText()));
    int failed = -1;
    for (int row = 0; row < panel->stepCount() && failed < 0; ++row)
        if (panel->stepResult(row) == QStringLiteral("failed"))
            failed = row;
    QVERIFY2(failed >= 0, "a failed step is marked failed");
    QVERIFY2(panel->stepTitle(failed).contains(QStringLiteral("every head")), qPrintable(panel->stepTitle(failed)));
    QCOMPARE(panel->stepResult(failed + 1), QStringLiteral("skipped"));
    QVERIFY2(panel->shownOutput().contains(QStringLiteral("already exists")), qPrintable(panel->shownOutput()));
    QVERIFY(panel->parentWidget()->isVisible());

    // The user's database was not touched.
    QCOMPARE(QFileInfo::exists(userDatabase), existed);
    QCOMPARE(QFileInfo(userDatabase).lastModified(), modified);
    QVERIFY(window.migrationController()->databaseRevisions().isEmpty());

    // A migration named in the verdict selects it.
    QLabel *verdict = nullptr;
    for (QLabel *label : panel->findChildren<QLabel *>())
        if (label->text().contains(QStringLiteral("revision:")))
            verdict = label;
    QVERIFY(verdict);
    Q_EMIT verdict->linkActivated(QStringLiteral("revision:") + kPostSlug);
    QCOMPARE(selectedIds(window), QStringList{kPostSlug});
}

void TestMigrationGui::testUpgradeRunsOnTheChosenEngine()
{
    const ServerBinaries binaries = ServerBinaries::locate(DatabaseEngine::PostgreSql);
    if (!binaries.found()) {
        if (qEnvironmentVariableIsSet("HEADWAY_REQUIRE_SERVERS"))
            QFAIL(qPrintable(binaries.problem));
        QSKIP(qPrintable(binaries.problem));
    }
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    RunSettings settings = controller->settings();
    settings.testEngine = QStringLiteral("postgresql");
    applySettings(controller, settings);

    window.databaseActions()->testUpgrade->trigger();
    bool succeeded = true;
    QVERIFY(waitForOperation(controller, Operation::TestUpgrade, &succeeded));
    QVERIFY(!succeeded);
    TestUpgradePanel *panel = window.testUpgradePanel();
    // The panel says where it ran; PostgreSQL's own words name the same clash SQLite found.
    QVERIFY2(panel->engineText().contains(QStringLiteral("PostgreSQL")) && panel->engineText().contains(QStringLiteral("throwaway")),
             qPrintable(panel->engineText()));
    const QString summary = panel->summaryText();
    QVERIFY2(summary.contains(kUserPreferences) && summary.contains(kPostSlug) && summary.contains(QStringLiteral("ix_user_email")),
             qPrintable(summary));
    QVERIFY2(panel->shownOutput().contains(QStringLiteral("relation \"ix_user_email\" already exists")), qPrintable(panel->shownOutput()));
    const QString directory = panel->engineText().section(QStringLiteral(" in "), 1).section(QLatin1Char(','), 0, 0);
    QVERIFY2(directory.contains(QStringLiteral("headway-server-")) && !QFileInfo::exists(directory), qPrintable(directory));
}

void TestMigrationGui::testUpgradeOnAServerAsksFirstWithoutThePassword()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    RunSettings settings = controller->settings();
    settings.testServer = QStringLiteral("postgresql://deploy:Hunter22@127.0.0.1:9/postgres");
    applySettings(controller, settings);
    QList<CommandConfirmation> asked;
    const bool accept = false;
    recordConfirmations(window, asked, accept);

    window.databaseActions()->testUpgrade->trigger();
    QVERIFY(waitForOperation(controller, Operation::TestUpgrade));
    QCOMPARE(asked.size(), 1);
    const CommandConfirmation &confirmation = asked.first();
    const QString text = confirmation.title + confirmation.question + confirmation.effects.join(QLatin1Char(' '));
    QVERIFY2(text.contains(QStringLiteral("127.0.0.1:9")) && text.contains(QStringLiteral("headway_scratch_")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Hunter22")), qPrintable(text));
    QCOMPARE(window.testUpgradePanel()->stepCount(), 0); // nothing ran without a yes
}

void TestMigrationGui::aSecondCommandIsRefusedWhileOneRuns()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QSignalSpy refused(controller, &MigrationController::refused);

    QVERIFY(controller->refreshDatabaseState());
    QVERIFY(controller->isBusy());
    QVERIFY(!window.databaseActions()->upgradeHeads->isEnabled());
    QVERIFY(window.databaseActions()->cancel->isEnabled());
    QVERIFY(!controller->upgrade(QStringLiteral("heads")));
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.first().first().toString().contains(QStringLiteral("still running")),
             qPrintable(refused.first().first().toString()));
    QVERIFY(waitForOperation(controller, Operation::Current));
    QVERIFY(window.databaseActions()->upgradeHeads->isEnabled());

    // Cancel ends a running command and says so.
    QVERIFY(controller->refreshDatabaseState());
    window.commandConsole()->cancelButton()->click();
    bool succeeded = true;
    QVERIFY(waitForOperation(controller, Operation::Current, &succeeded));
    QVERIFY(!succeeded);
    QVERIFY(!controller->isBusy());
}

void TestMigrationGui::downgradeConfirmationListsTheUndoneRevisions()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QVERIFY(controller->upgrade(kUserPreferences));
    bool succeeded = false;
    QVERIFY(waitForOperation(controller, Operation::Upgrade, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));

    QList<CommandConfirmation> asked;
    bool accept = false;
    recordConfirmations(window, asked, accept);
    QVERIFY(window.selectRevision(QStringLiteral("f5f75ba428db")));
    QVERIFY(window.databaseActions()->downgradeSelected->isEnabled());
    window.databaseActions()->downgradeSelected->trigger();
    QCOMPARE(asked.size(), 1);
    const CommandConfirmation &confirmation = asked.first();
    QCOMPARE(confirmation.effects.size(), 2);
    QVERIFY2(confirmation.effects.at(0).contains(QStringLiteral("b3a83ee")), qPrintable(confirmation.effects.join('\n')));
    QVERIFY2(confirmation.effects.at(1).contains(QStringLiteral("c8f06bd")), qPrintable(confirmation.effects.join('\n')));
    QVERIFY(confirmation.line.arguments.contains(QStringLiteral("downgrade")));
    QVERIFY(confirmation.line.arguments.contains(QStringLiteral("f5f75ba428db")));
    QVERIFY(!controller->isBusy()); // declined: nothing ran
    QCOMPARE(controller->databaseRevisions(), QStringList{kUserPreferences});

    // The dialog itself: Cancel is the default button.
    ConfirmCommandDialog dialog(confirmation);
    QVERIFY(dialog.cancelButton()->isDefault());
    QVERIFY(!dialog.acceptButton()->isDefault());

    // Accepted, the downgrade runs and the graph follows.
    accept = true;
    window.databaseActions()->downgradeSelected->trigger();
    QVERIFY(waitForOperation(controller, Operation::Downgrade, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    QCOMPARE(controller->databaseRevisions(), QStringList{QStringLiteral("f5f75ba428db")});
    QCOMPARE(ringedIds(window), QStringList{QStringLiteral("f5f75ba428db")});

    // Stamping asks too, listing what is marked.
    asked.clear();
    accept = false;
    QVERIFY(window.selectRevision(kPostSlug));
    window.databaseActions()->stampSelected->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().effects.join('\n').contains(QStringLiteral("dd71019")), qPrintable(asked.first().effects.join('\n')));
}

void TestMigrationGui::upgradeShowsThePlanAndTheCommandFirst()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QList<CommandConfirmation> asked;
    bool accept = false;
    recordConfirmations(window, asked, accept);
    QVERIFY(window.selectRevision(QStringLiteral("f5f75ba428db")));
    window.databaseActions()->upgradeSelected->trigger();
    QCOMPARE(asked.size(), 1);
    QVERIFY(!asked.first().destructive);
    QCOMPARE(asked.first().effects.size(), 2); // create user table, create post table
    QVERIFY(asked.first().line.arguments.contains(QStringLiteral("upgrade")));
    QVERIFY(asked.first().line.environment.contains(QStringLiteral("SERVER_NAME")));
    QVERIFY(!controller->isBusy()); // nothing ran before the answer
    ConfirmCommandDialog dialog(asked.first());
    QVERIFY(dialog.acceptButton()->isDefault()); // an upgrade undoes nothing: Enter runs it

    accept = true;
    window.databaseActions()->upgradeSelected->trigger();
    bool succeeded = false;
    QVERIFY(waitForOperation(controller, Operation::Upgrade, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    QCOMPARE(controller->databaseRevisions(), QStringList{QStringLiteral("f5f75ba428db")});
}

void TestMigrationGui::stepBackWithSeveralHeadsAsksWhichBranch()
{
    // Make the branches compatible so the database can be at both heads.
    const QString upstream = m_demo + QStringLiteral("/migrations/versions/dd710196dcb0_add_post_slug.py");
    QFile file(upstream);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.remove(QRegularExpression(QStringLiteral("\\n    op\\.(create|drop)_index\\(op\\.f\\('ix_user_email'\\)[^\\n]*")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QVERIFY(controller->upgrade(QStringLiteral("heads")));
    bool succeeded = false;
    QVERIFY(waitForOperation(controller, Operation::Upgrade, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    QStringList atHeads = controller->databaseRevisions();
    atHeads.sort();
    QCOMPARE(atHeads, (QStringList{kUserPreferences, kPostSlug}));

    QStringList offered;
    int chosen = -1;
    window.databaseCommands()->setConfirmation([](const CommandConfirmation &, std::function<void(bool)> answer) { answer(true); });
    window.databaseCommands()->setChoice([&](const QString &, const QString &, const QStringList &options,
                                             std::function<void(int)> choose) {
        offered = options;
        for (int i = 0; i < options.size(); ++i)
            if (options.at(i).contains(kPostSlug.left(7)))
                chosen = i;
        choose(chosen);
    });
    window.databaseActions()->stepBack->trigger();
    QCOMPARE(offered.size(), 2);
    QVERIFY(chosen >= 0);
    QVERIFY(waitForOperation(controller, Operation::Downgrade, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    QCOMPARE(controller->databaseRevisions(), QStringList{kUserPreferences});
}

void TestMigrationGui::cancelStopsAHangingMigration()
{
    // A migration that never ends, on top of the fork's head.
    QFile migration(m_demo + QStringLiteral("/migrations/versions/ee00ff11aa22_slow.py"));
    QVERIFY(migration.open(QIODevice::WriteOnly));
    migration.write("\"\"\"slow data fix\n\"\"\"\nimport time\n\n"
                    "revision = 'ee00ff11aa22'\ndown_revision = 'b3a83eea3022'\nbranch_labels = None\ndepends_on = None\n\n\n"
                    "def upgrade():\n    print('started the slow data fix', flush=True)\n    time.sleep(600)\n\n\n"
                    "def downgrade():\n    pass\n");
    migration.close();

    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QSignalSpy output(controller, &MigrationController::outputLine);
    QVERIFY(controller->upgrade(QStringLiteral("ee00ff11aa22")));
    QTRY_VERIFY2_WITH_TIMEOUT(window.commandConsole()->outputText().contains(QStringLiteral("started the slow data fix")),
                              qPrintable(window.commandConsole()->outputText()), kCommandTimeoutMs);
    QVERIFY(controller->isBusy());

    // Closing the window meanwhile asks first; declined, the command goes on.
    QStringList questions;
    window.setCloseQuestion([&questions](const QString &question) {
        questions.append(question);
        return false;
    });
    QVERIFY(!window.close());
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions.first().contains(QStringLiteral("half-migrated")), qPrintable(questions.first()));
    QVERIFY(window.isVisible());
    QVERIFY(controller->isBusy());

    window.commandConsole()->cancelButton()->click();
    bool succeeded = true;
    QVERIFY2(waitForOperation(controller, Operation::Upgrade, &succeeded), "Cancel did not end the hanging command");
    QVERIFY(!succeeded);
    QVERIFY(!controller->isBusy());
    QVERIFY2(window.commandConsole()->statusText().contains(QStringLiteral("ancel")), qPrintable(window.commandConsole()->statusText()));
    // The database is where Alembic left it, and the backup taken before is offered.
    QVERIFY(!controller->databaseRevisions().contains(QStringLiteral("ee00ff11aa22")));
    QVERIFY(window.databaseActions()->restoreBackup->isEnabled() || !controller->lastBackup().made());
}

void TestMigrationGui::stopAndCloseWaitsForTheCommandToEnd()
{
    // A migration that never ends by itself and, told to terminate, takes a second to
    // clean up before it exits: the window must give it that time.
    const QString marker = m_demo + QStringLiteral("/terminated.txt");
    QFile migration(m_demo + QStringLiteral("/migrations/versions/ee00ff11aa22_slow.py"));
    QVERIFY(migration.open(QIODevice::WriteOnly));
    migration.write("\"\"\"slow data fix\n\"\"\"\nimport os\nimport signal\nimport sys\nimport time\n\n"
                    "revision = 'ee00ff11aa22'\ndown_revision = 'b3a83eea3022'\nbranch_labels = None\ndepends_on = None\n"
                    "MARKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'terminated.txt')\n\n\n"
                    "def _terminated(signum, frame):\n"
                    "    with open(MARKER, 'w') as f:\n        f.write('terminated\\n')\n"
                    "    time.sleep(1)\n"
                    "    with open(MARKER, 'a') as f:\n        f.write('cleaned up\\n')\n"
                    "    sys.exit(1)\n\n\n"
                    "def upgrade():\n    signal.signal(signal.SIGTERM, _terminated)\n"
                    "    print('started the slow data fix', flush=True)\n    time.sleep(600)\n\n\n"
                    "def downgrade():\n    pass\n");
    migration.close();

    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    QVERIFY(controller->upgrade(QStringLiteral("ee00ff11aa22")));
    QTRY_VERIFY2_WITH_TIMEOUT(window.commandConsole()->outputText().contains(QStringLiteral("started the slow data fix")),
                              qPrintable(window.commandConsole()->outputText()), kCommandTimeoutMs);

    int asked = 0;
    window.setCloseQuestion([&asked](const QString &) {
        ++asked;
        return true; // "Stop and close"
    });
    QVERIFY2(!window.close(), "the window closed while the command was still running");
    QCOMPARE(asked, 1);
    QVERIFY(window.isVisible());
    QVERIFY(!window.close()); // closing again while it stops neither asks again nor kills it
    QCOMPARE(asked, 1);
    QTRY_VERIFY2_WITH_TIMEOUT(!window.isVisible(), "the window did not close after the command stopped", kCommandTimeoutMs);
    QVERIFY(!controller->isBusy());
    // The child got the terminate signal and had its time to clean up before the window closed.
    QFile written(marker);
    QVERIFY2(written.open(QIODevice::ReadOnly), "the migration never received the terminate signal");
    const QString text = QString::fromUtf8(written.readAll());
    QVERIFY2(text.contains(QStringLiteral("terminated")) && text.contains(QStringLiteral("cleaned up")), qPrintable(text));
}

void TestMigrationGui::aBrokenInterpreterSettingIsExplainedAndDisablesCommands()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    RunSettings settings = controller->settings();
    settings.python = m_dir.filePath(QStringLiteral("no-such-python"));
    applySettings(controller, settings);
    QVERIFY(!controller->isToolReady());
    QVERIFY2(controller->toolProblem().contains(QStringLiteral("no-such-python")), qPrintable(controller->toolProblem()));
    QVERIFY(!window.databaseActions()->upgradeHeads->isEnabled());
    QVERIFY(!window.databaseActions()->testUpgrade->isEnabled());
    QVERIFY(window.databaseActions()->runSettings->isEnabled());
    QVERIFY2(window.databaseStatus()->text().contains(QStringLiteral("cannot run")), qPrintable(window.databaseStatus()->text()));
    QSignalSpy refused(controller, &MigrationController::refused);
    QVERIFY(!controller->upgrade(QStringLiteral("heads")));
    QCOMPARE(refused.size(), 1);

    // Clearing the setting finds a working interpreter again.
    settings.python.clear();
    applySettings(controller, settings);
    QVERIFY2(controller->isToolReady(), qPrintable(controller->toolProblem()));
}

void TestMigrationGui::runSettingsAreRememberedAndReachTheCommands()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    MigrationController *controller = window.migrationController();
    RunSettings settings = controller->settings();
    settings.environment.insert(QStringLiteral("HEADWAY_TEST_MARKER"), QStringLiteral("value with spaces"));
    applySettings(controller, settings);
    QVERIFY(controller->isToolReady());
    QCOMPARE(controller->tool()->current().environment.value(QStringLiteral("HEADWAY_TEST_MARKER")),
             QStringLiteral("value with spaces"));
    QCOMPARE(RunSettingsStore::load(controller->repository()->layout.baseDirectory).environment,
             settings.environment);
    // A new window on the same repository starts with the remembered settings.
    MainWindow second;
    QVERIFY(openDemo(second));
    QCOMPARE(second.migrationController()->settings().environment.value(QStringLiteral("HEADWAY_TEST_MARKER")),
             QStringLiteral("value with spaces"));
}

void TestMigrationGui::resolvingWithPythonMarksTheGraph()
{
    QDir(m_demo).mkpath(QStringLiteral("shared"));
    QFile constants(m_demo + QStringLiteral("/shared/constants.py"));
    QVERIFY(constants.open(QIODevice::WriteOnly));
    constants.write("PARENT = 'b3a83eea' + '3022'\n"); // computed: the static reader cannot read it
    constants.close();
    QFile migration(m_demo + QStringLiteral("/migrations/versions/aa11bb22cc33_follow_up.py"));
    QVERIFY(migration.open(QIODevice::WriteOnly));
    migration.write("\"\"\"follow up\n\nRevision ID: aa11bb22cc33\n\"\"\"\n"
                    "from shared import constants\n\n"
                    "revision = 'aa11bb22cc33'\ndown_revision = constants.PARENT\nbranch_labels = None\ndepends_on = None\n\n\n"
                    "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n");
    migration.close();

    MainWindow window;
    window.show();
    QVERIFY(openDemo(window));
    QVERIFY(window.databaseActions()->resolveValues->isEnabled());
    QVERIFY2(window.healthBanner()->text().contains(QStringLiteral("not a literal")), qPrintable(window.healthBanner()->text()));

    QSignalSpy shown(&window, &MainWindow::graphShown);
    window.databaseActions()->resolveValues->trigger();
    bool succeeded = false;
    QVERIFY(waitForOperation(window.migrationController(), Operation::ResolveValues, &succeeded));
    QVERIFY2(succeeded, qPrintable(window.commandConsole()->outputText()));
    // The operation reads the migrations again before it reports: the graph may already be shown.
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), kLoadTimeoutMs);

    const Repository &repository = *window.session()->repository();
    const int node = repository.graph.indexOf(QStringLiteral("aa11bb22cc33"));
    QVERIFY(node >= 0);
    QCOMPARE(repository.graph.node(node).downRevisions, QStringList{kUserPreferences});
    QVERIFY(repository.graph.node(node).resolvedByPython);
    QVERIFY(window.graphView()->graphScene()->revisionItem(node)->roles() & RevisionRole::ResolvedByPython);
    QVERIFY(!window.databaseActions()->resolveValues->isEnabled());
    QVERIFY2(revisionDetailsHtml(repository, node).contains(QStringLiteral("Resolved through Python")),
             qPrintable(revisionDetailsHtml(repository, node)));
}

QTEST_MAIN(TestMigrationGui)
#include "tst_migrationgui.moc"
