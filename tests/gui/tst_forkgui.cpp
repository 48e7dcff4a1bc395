// The fork features in the window, on copies of the demo (a real git history:
// the fork's b3a83eea3022 on main, upstream's dd710196dcb0 on upstream/main,
// the merge just made): origin stripes and the "only the fork's own" filter,
// the origin in the details, the banner's after-merge flow, Rebase onto
// Upstream's Head followed by Commit the Migration, and Preview Merge before
// the merge, which changes nothing in the checkout.
#include "GitSandbox.h"

#include "demo/DemoWorkspace.h"
#include "details/DetailsPanel.h"
#include "fork/ForkActions.h"
#include "database/MergeConflictsView.h"
#include "fork/MergePreviewDialog.h"
#include "graph/GraphScene.h"
#include "graph/GraphView.h"
#include "graph/RevisionItem.h"
#include "health/HealthBanner.h"
#include "session/RepositorySession.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace headway;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kFork = QStringLiteral("b3a83eea3022");     // the fork's own
const QString kUpstream = QStringLiteral("dd710196dcb0"); // upstream's, merged in
const QString kShared = QStringLiteral("e8cecfb4a97c");

RevisionItem *itemFor(MainWindow &window, const QString &id)
{
    return window.graphView()->graphScene()->revisionItem(window.session()->repository()->graph.indexOf(id));
}

} // namespace

class TestForkGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.filePath("home").toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());
        for (const char *name : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
            qputenv(name, "Headway Test");
        for (const char *name : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
            qputenv(name, "test@headway.invalid");
        std::setlocale(LC_NUMERIC, "C");
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath("settings"));
    }

    void init()
    {
        static int copies = 0;
        const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(),
                                                                m_dir.filePath(QStringLiteral("demo%1").arg(++copies)));
        QVERIFY2(demo.ok(), qPrintable(demo.error));
        m_demo = demo.path;
    }

    void originsColourTheGraphAndTheBannerOffersTheFlow()
    {
        MainWindow window;
        QVERIFY(openAndWaitForOrigins(window));
        QCOMPARE(itemFor(window, kFork)->origin(), std::optional<Origin>(Origin::Fork));
        QCOMPARE(itemFor(window, kUpstream)->origin(), std::optional<Origin>(Origin::Upstream));
        QCOMPARE(itemFor(window, kShared)->origin(), std::optional<Origin>(Origin::Shared));
        const QString banner = window.healthBanner()->text();
        QVERIFY2(banner.contains("After merging upstream/main") && banner.contains("rebase b3a83eea3022 onto dd710196dcb0")
                     && banner.contains("Test upgrade") && banner.contains("Commit the migration"),
                 qPrintable(banner));
        QVERIFY(window.selectRevision(kFork));
        QVERIFY2(window.detailsPanel()->detailsText().contains("Origin: the fork's own"), qPrintable(window.detailsPanel()->detailsText()));

        ForkActions *fork = window.forkActions();
        fork->onlyForkOwn->trigger();
        QVERIFY(itemFor(window, kUpstream)->isFilteredOut());
        QVERIFY(itemFor(window, kShared)->isFilteredOut());
        QVERIFY(!itemFor(window, kFork)->isFilteredOut());
        fork->colourByOrigin->trigger(); // off: no stripes
        QCOMPARE(itemFor(window, kFork)->origin(), std::nullopt);
    }

    void rebaseThenCommitOnlyTheMigration()
    {
        MainWindow window;
        QVERIFY(openAndWaitForOrigins(window));
        ForkActions *fork = window.forkActions();
        QStringList asked;
        fork->setDialogRunner([&](QDialog *dialog) {
            asked += dialog->windowTitle();
            return true;
        });
        QSignalSpy shown(&window, &MainWindow::graphShown);
        QSignalSpy rebased(fork, &ForkActions::rebased);
        QVERIFY(fork->handleBannerAction("rebase"));
        QVERIFY(rebased.wait(kTimeoutMs));
        QVERIFY(shown.wait(kTimeoutMs));
        QCOMPARE(window.session()->repository()->graph.heads().size(), 1);

        QSignalSpy committed(fork, &ForkActions::committed);
        QVERIFY(waitForState(window)); // the reload's fork state: the rebased file is the fork's, changed
        // One head, the merge of upstream just made, the file not committed: the rest of the way.
        const QString banner = window.healthBanner()->text();
        QVERIFY2(banner.contains("After merging upstream/main: one head again") && banner.contains("Test upgrade")
                     && banner.contains("Commit the migration") && !banner.contains("rebase"),
                 qPrintable(banner));
        fork->commitMigration();
        QVERIFY(committed.wait(kTimeoutMs));
        QCOMPARE(asked.size(), 2);
        const QString changed = test::gitOut(m_demo, {"diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD"});
        QCOMPARE(changed, QStringLiteral("migrations/versions/b3a83eea3022_add_user_preferences.py"));
        QVERIFY(test::gitOut(m_demo, {"log", "-1", "--format=%s"}).startsWith("Rebase migration b3a83eea3022 onto dd710196dcb0"));
        QCOMPARE(test::gitOut(m_demo, {"status", "--porcelain"}), QString()); // nothing else left behind
    }

    void previewMergeBeforeTheMergeChangesNothing()
    {
        // Back to just before the merge: the fork alone, upstream/main not merged yet.
        QVERIFY(test::runGit(m_demo, {"reset", "-q", "--hard", "HEAD~1"}).ok());
        const QString head = test::gitOut(m_demo, {"rev-parse", "HEAD"});
        MainWindow window;
        QVERIFY(openAndWaitForOrigins(window));
        QCOMPARE(window.session()->repository()->graph.heads().size(), 1);
        MergePreviewDialog *dialog = window.forkActions()->previewMerge();
        QVERIFY(dialog);
        QSignalSpy shown(dialog, &MergePreviewDialog::previewShown);
        QVERIFY(shown.wait(kTimeoutMs));
        QVERIFY2(dialog->result() && dialog->result()->ok(), qPrintable(dialog->summaryText()));
        const QString summary = dialog->summaryText();
        QVERIFY2(summary.contains("Heads after the merge") && summary.contains(kFork) && summary.contains(kUpstream), qPrintable(summary));
        QVERIFY2(summary.contains("Or rebase"), qPrintable(summary));
        QVERIFY(dialog->conflictsView());
        QVERIFY2(dialog->conflictsView()->text().contains("ix_user_email"), qPrintable(dialog->conflictsView()->text()));
        QCOMPARE(test::gitOut(m_demo, {"rev-parse", "HEAD"}), head);
        QCOMPARE(test::gitOut(m_demo, {"status", "--porcelain"}), QString());
    }

    void restoreAMissingParentAndListTheForksOwn()
    {
        const QString file = m_demo + "/migrations/versions/c8f06bd407a8_add_created_at_to_post.py";
        QFile original(file);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        original.close();
        QVERIFY(test::runGit(m_demo, {"rm", "-q", file}).ok());
        QVERIFY(test::runGit(m_demo, {"commit", "-q", "-m", "lose c8f06bd407a8"}).ok());
        MainWindow window;
        QVERIFY(openAndWaitForOrigins(window));
        QVERIFY2(window.healthBanner()->text().contains("Restore it from git"), qPrintable(window.healthBanner()->text()));
        ForkActions *fork = window.forkActions();
        QVERIFY(fork->restoreAction->isEnabled());
        QString title;
        fork->setDialogRunner([&](QDialog *dialog) {
            title = dialog->windowTitle();
            return true;
        });
        QSignalSpy restored(fork, &ForkActions::restored);
        QSignalSpy shown(&window, &MainWindow::graphShown);
        fork->restoreAction->trigger();
        QVERIFY(restored.wait(kTimeoutMs));
        QVERIFY2(title.startsWith("Restore from "), qPrintable(title));
        QFile back(file);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), bytes);
        QVERIFY(shown.wait(kTimeoutMs));
        for (const RevisionNode &node : window.session()->repository()->graph.nodes())
            QVERIFY(node.missingParents.isEmpty());

        QVERIFY(waitForState(window));
        QSignalSpy written(fork, &ForkActions::customMigrationsWritten);
        fork->customAction->trigger();
        QVERIFY(written.wait(kTimeoutMs));
        QFile list(m_demo + "/CUSTOM_MIGRATIONS.md");
        QVERIFY(list.open(QIODevice::ReadOnly));
        const QByteArray text = list.readAll();
        QVERIFY2(text.contains("`b3a83eea3022`") && !text.contains("`dd710196dcb0`"), text.constData());
    }

private:
    bool waitForState(MainWindow &window)
    {
        ForkStatus *status = window.forkActions()->status();
        if (!status->isRefreshing() && status->state())
            return true;
        QSignalSpy changed(status, &ForkStatus::stateChanged);
        return changed.wait(kTimeoutMs) && status->state();
    }

    bool openAndWaitForOrigins(MainWindow &window)
    {
        QSignalSpy shown(&window, &MainWindow::graphShown);
        window.openRepository(m_demo);
        if (shown.isEmpty() && !shown.wait(kTimeoutMs))
            return false;
        return waitForState(window) && window.forkActions()->status()->state()->origins->available;
    }

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QString m_demo;
};

QTEST_MAIN(TestForkGui)
#include "tst_forkgui.moc"
