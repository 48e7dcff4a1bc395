// The merge dialog's report on a copy of the demo (two heads that both create
// ix_user_email), in the window: the conflicts section lists the duplicate
// index with both migrations as links that select them in the graph, and
// follows the ticked heads; independent branches get "no collisions"; the
// Rehearse button runs the real rehearsal (the project's Flask-Migrate, on
// scratch SQLite databases) and shows every path failing on the index, with
// rows that select the failing migration, and the user's database untouched.
#include "database/DatabaseActions.h"
#include "database/DatabaseCommands.h"
#include "database/MergeConflictsView.h"
#include "database/MergeDialog.h"
#include "database/MigrationController.h"
#include "database/RehearsalPanel.h"
#include "database/RehearsalView.h"
#include "demo/DemoWorkspace.h"
#include "graph/GraphView.h"
#include "python/InterpreterDiscovery.h"
#include "session/RepositorySession.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
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
constexpr int kFindTimeoutMs = 30000;
constexpr int kCommandTimeoutMs = 180000;
constexpr int kRehearsalTimeoutMs = 400000;

const QString kUserPreferences = QStringLiteral("b3a83eea3022"); // the fork's head
const QString kPostSlug = QStringLiteral("dd710196dcb0");        // upstream's head
const QString kVersions = QStringLiteral("/migrations/versions/");

QStringList selectedIds(const MainWindow &window)
{
    QStringList ids;
    for (int revision : window.graphView()->selectedRevisions())
        ids << window.session()->repository()->graph.node(revision).id;
    return ids;
}

// The label of the conflicts section that carries `link`.
QLabel *labelWithLink(MergeConflictsView *view, const QString &link)
{
    for (QLabel *label : view->findChildren<QLabel *>())
        if (label->text().contains(QStringLiteral("href=\"%1\"").arg(link)))
            return label;
    return nullptr;
}

int rowStartingAt(const RehearsalView *view, const QString &start)
{
    for (int row = 0; row < view->pathCount(); ++row)
        if (view->pathTitle(row).startsWith(QStringLiteral("Deployed at ") + start))
            return row;
    return -1;
}

QString describeRows(const RehearsalView *view)
{
    QStringList rows;
    for (int row = 0; row < view->pathCount(); ++row)
        rows << QStringLiteral("%1 | %2 | %3").arg(view->pathTitle(row), view->pathResult(row), view->pathDetails(row));
    return rows.join(QLatin1Char('\n'));
}

} // namespace

class TestMergeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void conflictsListTheDuplicateIndexAndLinkBothRevisions();
    void independentBranchesHaveNoCollisions();
    void rehearseShowsEveryPathFailingOnTheIndex();
    void rehearseMergeIsOfferedWithMergeHeads();

private:
    bool openDemo(MainWindow &window, bool waitForTool);
    MergeDialog *openDialogAndWaitForConflicts(MainWindow &window);

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestMergeDialog::initTestCase()
{
    // Settings and the demo's data directory stay out of the real home.
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

void TestMergeDialog::init()
{
    static int copies = 0;
    const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(),
                                                            m_dir.filePath(QStringLiteral("demo%1").arg(++copies)));
    QVERIFY2(demo.ok(), qPrintable(demo.error));
    m_demo = demo.path;
}

void TestMergeDialog::cleanup()
{
    QSettings().clear();
}

bool TestMergeDialog::openDemo(MainWindow &window, bool waitForTool)
{
    QSignalSpy shown(&window, &MainWindow::graphShown);
    window.openRepository(m_demo);
    if (shown.isEmpty() && !shown.wait(kLoadTimeoutMs))
        return false;
    if (!waitForTool)
        return true;
    MigrationController *controller = window.migrationController();
    const bool settled = QTest::qWaitFor([controller] {
        return !controller->isPreparing() && !controller->isBusy()
               && (controller->isDatabaseStateKnown() || !controller->isToolReady());
    }, kCommandTimeoutMs);
    if (!settled || !controller->isToolReady()) {
        qWarning("tool not ready: %s", qPrintable(controller->toolProblem()));
        return false;
    }
    return true;
}

MergeDialog *TestMergeDialog::openDialogAndWaitForConflicts(MainWindow &window)
{
    MergeDialog *dialog = window.databaseCommands()->openMergeDialog();
    if (!dialog)
        return nullptr;
    MergeConflictsView *conflicts = dialog->conflictsView();
    if (!QTest::qWaitFor([conflicts] { return !conflicts->isFinding(); }, kFindTimeoutMs))
        return nullptr;
    return dialog;
}

void TestMergeDialog::conflictsListTheDuplicateIndexAndLinkBothRevisions()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window, false));
    MergeDialog *dialog = openDialogAndWaitForConflicts(window);
    QVERIFY2(dialog, "the merge dialog did not open or never finished looking for collisions");
    MergeConflictsView *conflicts = dialog->conflictsView();

    const ConflictReport &report = conflicts->report();
    const auto duplicate = std::find_if(report.findings.cbegin(), report.findings.cend(), [](const ConflictFinding &f) {
        return f.code == QLatin1String("duplicate-index");
    });
    QVERIFY2(duplicate != report.findings.cend(), qPrintable(conflicts->text()));
    QVERIFY(duplicate->collision);
    QStringList revisions;
    for (const FindingLocation &location : duplicate->locations)
        revisions << location.revision;
    revisions.sort();
    QCOMPARE(revisions, (QStringList{kUserPreferences, kPostSlug}));

    const QString text = conflicts->text();
    QVERIFY2(text.contains(QStringLiteral("1 collision between these branches")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ix_user_email")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Fix:")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("No collisions")), qPrintable(text));
    const QStringList links = conflicts->links();
    QVERIFY2(links.contains(QStringLiteral("revision:") + kUserPreferences)
                 && links.contains(QStringLiteral("revision:") + kPostSlug),
             qPrintable(links.join(QLatin1Char(' '))));

    // Each place selects its migration in the graph.
    for (const QString &id : {kPostSlug, kUserPreferences}) {
        QLabel *label = labelWithLink(conflicts, QStringLiteral("revision:") + id);
        QVERIFY(label);
        Q_EMIT label->linkActivated(QStringLiteral("revision:") + id);
        QCOMPARE(selectedIds(window), QStringList{id});
    }

    // The section follows the ticked heads.
    dialog->setHeadChecked(kPostSlug, false);
    QTRY_VERIFY_WITH_TIMEOUT(!conflicts->isFinding(), kFindTimeoutMs);
    QVERIFY2(conflicts->text().contains(QStringLiteral("Tick at least two heads")), qPrintable(conflicts->text()));
    QVERIFY(conflicts->links().isEmpty());
    dialog->setHeadChecked(kPostSlug, true);
    QTRY_VERIFY_WITH_TIMEOUT(!conflicts->isFinding(), kFindTimeoutMs);
    QVERIFY2(conflicts->report().collides(), qPrintable(conflicts->text()));
    QVERIFY2(conflicts->text().contains(QStringLiteral("ix_user_email")), qPrintable(conflicts->text()));
    dialog->reject();
}

void TestMergeDialog::independentBranchesHaveNoCollisions()
{
    // Upstream's index gets a name of its own: the branches no longer touch the same object.
    const QString path = m_demo + kVersions + QStringLiteral("dd710196dcb0_add_post_slug.py");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray source = file.readAll();
    file.close();
    QCOMPARE(source.count("op.f('ix_user_email')"), 2); // created in upgrade(), dropped in downgrade()
    source.replace("op.f('ix_user_email')", "op.f('ix_user_email_for_slugs')");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(source);
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(openDemo(window, false));
    MergeDialog *dialog = openDialogAndWaitForConflicts(window);
    QVERIFY2(dialog, "the merge dialog did not open or never finished looking for collisions");
    MergeConflictsView *conflicts = dialog->conflictsView();
    QCOMPARE(dialog->selectedHeads().size(), 2);
    QVERIFY2(conflicts->text().contains(QStringLiteral("No collisions between these branches")), qPrintable(conflicts->text()));
    QVERIFY2(!conflicts->report().collides(), qPrintable(conflicts->text()));
    for (const ConflictFinding &finding : conflicts->report().findings)
        QVERIFY2(!finding.collision, qPrintable(finding.message));
    QVERIFY(!conflicts->text().contains(QStringLiteral("ix_user_email_for_slugs")));
    dialog->reject();
}

void TestMergeDialog::rehearseShowsEveryPathFailingOnTheIndex()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window, true));
    // `current` made an empty demo.db when the window opened the demo: without it, any
    // database the rehearsal made in the project would show.
    const QString userDatabase = m_demo + QStringLiteral("/demo.db");
    QVERIFY(!QFileInfo::exists(userDatabase) || QFile::remove(userDatabase));
    MergeDialog *dialog = openDialogAndWaitForConflicts(window);
    QVERIFY(dialog);
    RehearsalPanel *panel = dialog->rehearsalPanel();
    QVERIFY2(panel->rehearseButton()->isEnabled(), qPrintable(panel->rehearseButton()->statusTip()));

    QSignalSpy finished(panel, &RehearsalPanel::finished);
    panel->rehearseButton()->click();
    if (panel->isRunning()) {
        // While it runs: Cancel is offered, the merge waits, the button does not start a second one.
        QVERIFY(!panel->cancelButton()->isHidden());
        QVERIFY(!dialog->okButton()->isEnabled());
        QVERIFY2(!dialog->problemText().isEmpty(), "the dialog should say why Merge is disabled");
        QVERIFY(!panel->rehearseButton()->isEnabled());
    }
    QVERIFY2(!finished.isEmpty() || finished.wait(kRehearsalTimeoutMs), qPrintable(panel->summaryText()));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!panel->isRunning());
    QVERIFY(panel->cancelButton()->isHidden());

    // From base in Alembic's order and each branch order, from each deployed head, from the ancestor.
    RehearsalView *view = panel->view();
    QVERIFY(!view->isHidden());
    QCOMPARE(view->pathCount(), 6);
    for (int row = 0; row < view->pathCount(); ++row) {
        QVERIFY2(view->pathResult(row) == QStringLiteral("failed"), qPrintable(describeRows(view)));
        QVERIFY2(view->pathDetails(row).contains(QStringLiteral("ix_user_email")), qPrintable(describeRows(view)));
        QVERIFY2(!view->topLevelItem(row)->text(RehearsalView::TimeColumn).isEmpty(), qPrintable(describeRows(view)));
        QVERIFY2(!view->topLevelItem(row)->text(RehearsalView::StepColumn).isEmpty(), qPrintable(describeRows(view)));
    }
    QVERIFY2(panel->summaryText().contains(QStringLiteral("6 of 6 paths fail")), qPrintable(panel->summaryText()));

    // Activating a row selects the migration that fails on that path: deployed at the fork's
    // head, upstream's fails; deployed at upstream's, the fork's.
    const int deployedFork = rowStartingAt(view, kUserPreferences);
    const int deployedUpstream = rowStartingAt(view, kPostSlug);
    QVERIFY2(deployedFork >= 0 && deployedUpstream >= 0, qPrintable(describeRows(view)));
    Q_EMIT view->itemActivated(view->topLevelItem(deployedFork), 0);
    QCOMPARE(selectedIds(window), QStringList{kPostSlug});
    Q_EMIT view->itemActivated(view->topLevelItem(deployedUpstream), 0);
    QCOMPARE(selectedIds(window), QStringList{kUserPreferences});
    // A failing row's children name the migrations creating the index; activating that selects both.
    QTreeWidgetItem *creators = nullptr;
    for (int child = 0; child < view->topLevelItem(deployedFork)->childCount(); ++child)
        if (view->topLevelItem(deployedFork)->child(child)->text(0).startsWith(QStringLiteral("Creating ix_user_email")))
            creators = view->topLevelItem(deployedFork)->child(child);
    QVERIFY2(creators, qPrintable(describeRows(view)));
    Q_EMIT view->itemActivated(creators, 0);
    QStringList selected = selectedIds(window);
    selected.sort();
    QCOMPARE(selected, (QStringList{kUserPreferences, kPostSlug}));

    // The user's database was not created; the merge can still be made.
    QVERIFY2(!QFileInfo::exists(userDatabase), "the rehearsal created the project's own database");
    QTRY_VERIFY_WITH_TIMEOUT(!window.migrationController()->isBusy(), kCommandTimeoutMs);
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problemText()));
    QVERIFY(panel->rehearseButton()->isEnabled());
    dialog->reject();
}

void TestMergeDialog::rehearseMergeIsOfferedWithMergeHeads()
{
    MainWindow window;
    window.show();
    QVERIFY(openDemo(window, true));
    DatabaseActions *actions = window.databaseActions();
    QVERIFY(actions->rehearseMerge->isEnabled());
    QVERIFY(!actions->rehearseMerge->toolTip().isEmpty());
    QVERIFY(actions->menu->actions().contains(actions->rehearseMerge));

    // It opens the merge dialog and starts rehearsing its heads; closing the dialog stops it.
    actions->rehearseMerge->trigger();
    MergeDialog *dialog = window.databaseCommands()->mergeDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->selectedHeads().size(), 2);
    QVERIFY2(dialog->rehearsalPanel()->isRunning() || !dialog->rehearsalPanel()->view()->isHidden(),
             qPrintable(dialog->rehearsalPanel()->summaryText()));
    dialog->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!window.migrationController()->isBusy(), kCommandTimeoutMs);
    QVERIFY(actions->rehearseMerge->isEnabled());
}

QTEST_MAIN(TestMergeDialog)
#include "tst_mergedialog.moc"
