// What a revision's migration does, as the window shows it: the session reads
// every file's operations once the graph is shown (the graph does not wait for
// them; the boxes and the tab fill in when they arrive), the details panel's Operations tab
// lists the selected revision's upgrade and downgrade operations (raw SQL and
// unread calls marked), activating a row shows its line in the source, and
// every graph box carries its one-line summary and its tooltip the full list.
// Expectations come from RepositoryOperations on the same files, plus a few
// facts read off the demo's files by eye.
#include "details/DetailsPanel.h"
#include "details/OperationsView.h"
#include "graph/GraphScene.h"
#include "graph/GraphStyle.h"
#include "graph/GraphView.h"
#include "graph/RevisionItem.h"
#include "operations/OperationReader.h"
#include "operations/RepositoryOperations.h"
#include "session/RepositorySession.h"
#include "window/MainWindow.h"

#include "TestFiles.h"

#include <QDirIterator>
#include <QFontMetricsF>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <clocale>

using namespace headway;

namespace {

constexpr int kLoadTimeoutMs = 30000;
const QString kDemoSource = QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo");
const QString kPreferences = QStringLiteral("b3a83eea3022"); // create_table user_preference, create_index ix_user_email
const QString kSlug = QStringLiteral("dd710196dcb0");        // add_column post.slug, create_index ix_user_email
const QString kBase = QStringLiteral("e8cecfb4a97c");        // create_table user

// Tests must not write into the source tree: the demo is a copy.
using headway::test::copyTree;

// Shown, and with its operations read.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::graphShown);
    QSignalSpy read(window.session(), &RepositorySession::operationsRead);
    window.openRepository(path);
    if (shown.isEmpty() && !shown.wait(kLoadTimeoutMs))
        return false;
    return !window.session()->loaded()->operationsPending || !read.isEmpty() || read.wait(kLoadTimeoutMs);
}

// The 1-based line of the first line of `path` that contains `text`; 0 if none.
int lineContaining(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(text))
            return i + 1;
    return 0;
}

QStringList columnTexts(const QTreeWidgetItem *section, int column)
{
    QStringList texts;
    for (int i = 0; i < section->childCount(); ++i)
        texts += section->child(i)->text(column);
    return texts;
}

QTreeWidgetItem *rowOfKind(const QTreeWidgetItem *section, const QString &kind)
{
    for (int i = 0; i < section->childCount(); ++i)
        if (section->child(i)->text(OperationsView::KindColumn) == kind)
            return section->child(i);
    return nullptr;
}

} // namespace

class TestOperationsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void theSessionReadsEveryFilesOperationsWhileLoading();
    void theGraphIsShownBeforeTheOperationsArrive();
    void theOperationsTabListsTheSelectedRevisionsOperations_data();
    void theOperationsTabListsTheSelectedRevisionsOperations();
    void theDemosIndexRowNamesItsIndexAndTable();
    void activatingARowSelectsItsLineInTheSource();
    void withoutOneRevisionTheTabSaysWhatToSelect();
    void rawSqlAndUnreadCallsAreMarkedWithTheirText();
    void aFunctionWithoutOperationsSaysSo();
    void everyBoxCarriesItsSummaryAndTooltipTheFullList();
    void boxesHaveRoomForTheSummaryLine();

private:
    // Opens the demo copy in `window` and selects `id`; fails the test when it cannot.
    void openDemoAndSelect(MainWindow &window, const QString &id);
    QString demoFile(const QString &id) const;

    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestOperationsView::initTestCase()
{
    std::setlocale(LC_NUMERIC, "C");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    m_demo = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY2(copyTree(kDemoSource, m_demo), qPrintable(kDemoSource));
}

QString TestOperationsView::demoFile(const QString &id) const
{
    QDirIterator it(m_demo + QStringLiteral("/migrations/versions"), {id + QStringLiteral("_*.py")}, QDir::Files);
    return it.hasNext() ? it.next() : QString();
}

void TestOperationsView::openDemoAndSelect(MainWindow &window, const QString &id)
{
    window.show();
    QVERIFY2(openAndWait(window, m_demo), "the demo did not load");
    const int revision = window.session()->repository()->graph.indexOf(id);
    QVERIFY2(revision >= 0, qPrintable(id + QStringLiteral(" is not in the demo")));
    window.graphView()->selectRevisions({revision});
    QCOMPARE(window.detailsPanel()->shownRevisionId(), id);
}

void TestOperationsView::theSessionReadsEveryFilesOperationsWhileLoading()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    const std::shared_ptr<const LoadedRepository> loaded = window.session()->loaded();
    QVERIFY(loaded);
    QVERIFY2(!loaded->operations.isEmpty(), "the load did not read the files' operations");
    const Repository &repository = *loaded->repository;
    for (int node = 0; node < repository.graph.size(); ++node) {
        const MigrationOperations expected = RepositoryOperations::readFile(repository.fileOf(node).path);
        const MigrationOperations &shown = loaded->operationsOf(node);
        QCOMPARE(shown.upgrade.size(), expected.upgrade.size());
        QCOMPARE(shown.downgrade.size(), expected.downgrade.size());
        QVERIFY2(!shown.upgrade.isEmpty(), qPrintable(repository.graph.node(node).id + " has no upgrade operations"));
    }
}

void TestOperationsView::theGraphIsShownBeforeTheOperationsArrive()
{
    MainWindow window;
    window.show();
    // Checked inside the signal: nothing read in the background can have arrived yet.
    bool pendingWhenShown = false;
    QString summaryWhenShown = QStringLiteral("(not checked)");
    QString tabWhenShown;
    connect(window.session(), &RepositorySession::repositoryReady, this,
            [&](const std::shared_ptr<const LoadedRepository> &loaded) {
                pendingWhenShown = loaded->operationsPending;
                const int revision = loaded->repository->graph.indexOf(kSlug);
                window.graphView()->selectRevisions({revision});
                summaryWhenShown = window.graphView()->graphScene()->revisionItem(revision)->summary();
                const QTreeWidget *view = window.detailsPanel()->operationsView();
                tabWhenShown = view->topLevelItemCount() ? view->topLevelItem(0)->text(0) : QString();
            });
    QSignalSpy read(window.session(), &RepositorySession::operationsRead);
    QVERIFY(openAndWait(window, m_demo));
    QVERIFY2(pendingWhenShown, "the graph waited for the operations");
    QVERIFY2(summaryWhenShown.isEmpty(), qPrintable(summaryWhenShown));
    QVERIFY2(tabWhenShown.contains(QStringLiteral("Reading")), qPrintable(tabWhenShown));

    QCOMPARE(read.size(), 1);
    const std::shared_ptr<const LoadedRepository> loaded = window.session()->loaded();
    QVERIFY(!loaded->operationsPending && !loaded->operations.isEmpty());
    QCOMPARE(read.first().first().value<std::shared_ptr<const LoadedRepository>>(), loaded);
    const int revision = loaded->repository->graph.indexOf(kSlug);
    QVERIFY2(window.graphView()->graphScene()->revisionItem(revision)->summary().startsWith(QStringLiteral("+post.slug")),
             "the box did not get its summary");
    const OperationsView *view = window.detailsPanel()->operationsView();
    QVERIFY2(view->upgradeItem() && view->upgradeItem()->childCount() > 0, "the Operations tab did not fill in");

    // Laid out again (the same repository): what was read stays, nothing is read twice.
    QSignalSpy ready(window.session(), &RepositorySession::repositoryReady);
    window.session()->setLayoutDirection(LayoutDirection::LeftRight);
    QVERIFY(ready.wait(kLoadTimeoutMs));
    const std::shared_ptr<const LoadedRepository> relaidOut = window.session()->loaded();
    QVERIFY(relaidOut != loaded && relaidOut->repository == loaded->repository);
    QVERIFY2(!relaidOut->operationsPending, "the operations are read again after a relayout");
    QVERIFY(!relaidOut->operations.isEmpty());
}

void TestOperationsView::theOperationsTabListsTheSelectedRevisionsOperations_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("create table and index") << kPreferences;
    QTest::newRow("add column and index") << kSlug;
    QTest::newRow("base") << kBase;
}

void TestOperationsView::theOperationsTabListsTheSelectedRevisionsOperations()
{
    QFETCH(QString, id);
    MainWindow window;
    openDemoAndSelect(window, id);
    if (QTest::currentTestFailed())
        return;
    auto *tabs = window.detailsPanel()->findChild<QTabWidget *>(QStringLiteral("detailsTabs"));
    QVERIFY2(tabs, "the details panel has no tabs");
    OperationsView *view = window.detailsPanel()->operationsView();
    QCOMPARE(tabs->tabText(tabs->indexOf(view)), QStringLiteral("Operations"));

    const MigrationOperations expected = RepositoryOperations::readFile(demoFile(id));
    QVERIFY(!expected.upgrade.isEmpty() && !expected.downgrade.isEmpty());
    const auto check = [](const QTreeWidgetItem *section, const QList<MigrationOperation> &operations) {
        QVERIFY(section);
        QCOMPARE(section->childCount(), operations.size());
        for (int i = 0; i < operations.size(); ++i) {
            const QTreeWidgetItem *row = section->child(i);
            const MigrationOperation &operation = operations.at(i);
            QCOMPARE(row->text(OperationsView::SummaryColumn), operation.summary());
            QCOMPARE(row->text(OperationsView::KindColumn), operationKindName(operation.kind));
            QVERIFY2(row->text(OperationsView::LineColumn).startsWith(QString::number(operation.line)),
                     qPrintable(row->text(OperationsView::LineColumn)));
            QCOMPARE(row->data(OperationsView::SummaryColumn, OperationsView::LineRole).toInt(), operation.line);
            QVERIFY2(row->toolTip(OperationsView::SummaryColumn).contains(operationKindName(operation.kind)),
                     qPrintable(row->toolTip(OperationsView::SummaryColumn)));
        }
    };
    check(view->upgradeItem(), expected.upgrade);
    check(view->downgradeItem(), expected.downgrade);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(view->upgradeItem()->text(0).startsWith(QStringLiteral("Upgrade")), qPrintable(view->upgradeItem()->text(0)));
    QVERIFY2(view->downgradeItem()->text(0).startsWith(QStringLiteral("Downgrade")),
             qPrintable(view->downgradeItem()->text(0)));
}

void TestOperationsView::theDemosIndexRowNamesItsIndexAndTable()
{
    MainWindow window;
    openDemoAndSelect(window, kPreferences);
    if (QTest::currentTestFailed())
        return;
    const OperationsView *view = window.detailsPanel()->operationsView();
    const QString path = demoFile(kPreferences);

    // Read off the file: create_table('user_preference', ...) then create_index(op.f('ix_user_email'), 'user', ['email']).
    QCOMPARE(columnTexts(view->upgradeItem(), OperationsView::KindColumn),
             (QStringList{QStringLiteral("create_table"), QStringLiteral("create_index")}));
    const QTreeWidgetItem *index = rowOfKind(view->upgradeItem(), QStringLiteral("create_index"));
    QVERIFY(index);
    QVERIFY2(index->text(OperationsView::SummaryColumn).contains(QStringLiteral("ix_user_email")),
             qPrintable(index->text(OperationsView::SummaryColumn)));
    QCOMPARE(index->text(OperationsView::LineColumn), QString::number(lineContaining(path, "op.create_index(")));
    const QString indexTip = index->toolTip(OperationsView::SummaryColumn);
    QVERIFY2(indexTip.contains(QStringLiteral("Table: user")) && indexTip.contains(QStringLiteral("Columns: email")),
             qPrintable(indexTip));

    const QTreeWidgetItem *table = rowOfKind(view->upgradeItem(), QStringLiteral("create_table"));
    QVERIFY(table);
    QCOMPARE(table->text(OperationsView::SummaryColumn), QStringLiteral("+user_preference"));
    const QString tableTip = table->toolTip(OperationsView::SummaryColumn);
    for (const char *column : {"user_id", "theme", "email_notifications"})
        QVERIFY2(tableTip.contains(QLatin1String(column)), qPrintable(tableTip));
    QVERIFY2(!table->data(OperationsView::SummaryColumn, OperationsView::OpaqueRole).toBool(),
             "create_table is read, not opaque");

    // downgrade() undoes it in reverse: the index first.
    QCOMPARE(columnTexts(view->downgradeItem(), OperationsView::KindColumn),
             (QStringList{QStringLiteral("drop_index"), QStringLiteral("drop_table")}));
    QVERIFY(view->downgradeItem()->child(0)->text(OperationsView::SummaryColumn).contains(QStringLiteral("ix_user_email")));
}

void TestOperationsView::activatingARowSelectsItsLineInTheSource()
{
    MainWindow window;
    openDemoAndSelect(window, kSlug);
    if (QTest::currentTestFailed())
        return;
    DetailsPanel *details = window.detailsPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!details->isReadingSource(), kLoadTimeoutMs);
    auto *tabs = details->findChild<QTabWidget *>(QStringLiteral("detailsTabs"));
    QVERIFY(tabs);
    OperationsView *view = details->operationsView();
    tabs->setCurrentWidget(view);
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTreeWidgetItem *index = rowOfKind(view->downgradeItem(), QStringLiteral("drop_index"));
    QVERIFY(index);
    const int line = lineContaining(demoFile(kSlug), "op.drop_index(");
    QVERIFY(line > 0);
    view->scrollToItem(index);
    const QRect rect = view->visualItemRect(index);
    QVERIFY2(rect.isValid(), "the row is not on screen");
    QSignalSpy activated(view, &OperationsView::lineActivated);
    // A click, then the double click's second press (QTest's double click alone
    // carries no first press for the view to compare with).
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toInt(), line);

    const auto *source = details->findChild<QPlainTextEdit *>();
    QVERIFY(source);
    QCOMPARE(source->textCursor().blockNumber(), line - 1);
    QVERIFY2(source->textCursor().selectedText().contains(QStringLiteral("op.drop_index(")),
             qPrintable(source->textCursor().selectedText()));

    // A heading has no line: activating it leaves the source where it was.
    Q_EMIT view->itemActivated(view->upgradeItem(), 0);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(source->textCursor().blockNumber(), line - 1);

    // Enter activates too.
    QTreeWidgetItem *column = rowOfKind(view->upgradeItem(), QStringLiteral("add_column"));
    QVERIFY(column);
    view->setCurrentItem(column);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(source->textCursor().blockNumber(), lineContaining(demoFile(kSlug), "op.add_column(") - 1);
}

void TestOperationsView::withoutOneRevisionTheTabSaysWhatToSelect()
{
    MainWindow window;
    openDemoAndSelect(window, kSlug);
    if (QTest::currentTestFailed())
        return;
    const Repository &repository = *window.session()->repository();
    window.graphView()->selectRevisions({repository.graph.indexOf(kSlug), repository.graph.indexOf(kPreferences)});
    const OperationsView *view = window.detailsPanel()->operationsView();
    QVERIFY2(!view->upgradeItem() && !view->downgradeItem(), "two revisions selected, but one's operations show");
    QCOMPARE(view->topLevelItemCount(), 1);
    QVERIFY2(view->topLevelItem(0)->text(0).contains(QStringLiteral("one revision")),
             qPrintable(view->topLevelItem(0)->text(0)));
}

void TestOperationsView::rawSqlAndUnreadCallsAreMarkedWithTheirText()
{
    const MigrationOperations operations = OperationReader::read(
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        "\n"
        "def upgrade():\n"
        "    op.execute(\"UPDATE account SET active = 1\")\n"
        "    for name in ('a', 'b'):\n"
        "        op.add_column(name, sa.Column('x', sa.Integer()))\n"
        "    op.add_column('account', sa.Column('note', sa.Text()))\n"
        "\n"
        "def downgrade():\n"
        "    op.drop_column('account', 'note')\n");
    OperationsView view;
    view.showOperations(operations);
    const QTreeWidgetItem *upgrade = view.upgradeItem();
    QVERIFY(upgrade);
    QCOMPARE(upgrade->childCount(), operations.upgrade.size());

    const QTreeWidgetItem *sql = rowOfKind(upgrade, QStringLiteral("execute"));
    QVERIFY2(sql, qPrintable(columnTexts(upgrade, OperationsView::KindColumn).join(", ")));
    QVERIFY2(sql->text(OperationsView::SummaryColumn).startsWith(QStringLiteral("raw SQL")),
             qPrintable(sql->text(OperationsView::SummaryColumn)));
    QVERIFY2(sql->text(OperationsView::SummaryColumn).contains(QStringLiteral("UPDATE account")),
             qPrintable(sql->text(OperationsView::SummaryColumn)));
    QVERIFY(sql->data(OperationsView::SummaryColumn, OperationsView::OpaqueRole).toBool());
    QVERIFY(sql->font(OperationsView::SummaryColumn).italic());
    QCOMPARE(sql->text(OperationsView::LineColumn), QStringLiteral("5"));

    const QTreeWidgetItem *unread = rowOfKind(upgrade, QStringLiteral("not_analysed"));
    QVERIFY2(unread, qPrintable(columnTexts(upgrade, OperationsView::KindColumn).join(", ")));
    QVERIFY2(unread->text(OperationsView::SummaryColumn).startsWith(QStringLiteral("not analysed")),
             qPrintable(unread->text(OperationsView::SummaryColumn)));
    QVERIFY2(unread->text(OperationsView::SummaryColumn).contains(QStringLiteral("for name")),
             qPrintable(unread->text(OperationsView::SummaryColumn)));
    QVERIFY(unread->data(OperationsView::SummaryColumn, OperationsView::OpaqueRole).toBool());
    QVERIFY(unread->toolTip(OperationsView::SummaryColumn).contains(QStringLiteral("Not analysed")));

    const QTreeWidgetItem *column = rowOfKind(upgrade, QStringLiteral("add_column"));
    QVERIFY(column);
    QCOMPARE(column->text(OperationsView::SummaryColumn), QStringLiteral("+account.note"));
    QVERIFY(!column->data(OperationsView::SummaryColumn, OperationsView::OpaqueRole).toBool());
    QVERIFY(!column->font(OperationsView::SummaryColumn).italic());
}

void TestOperationsView::aFunctionWithoutOperationsSaysSo()
{
    OperationsView view;
    view.showOperations(OperationReader::read("def upgrade():\n    pass\n"));
    QCOMPARE(view.upgradeItem()->childCount(), 1);
    QVERIFY2(view.upgradeItem()->child(0)->text(0).contains(QStringLiteral("no operations")),
             qPrintable(view.upgradeItem()->child(0)->text(0)));
    QCOMPARE(view.upgradeItem()->child(0)->data(0, OperationsView::LineRole).toInt(), 0);
    QVERIFY2(view.downgradeItem()->child(0)->text(0).contains(QStringLiteral("defines no downgrade()")),
             qPrintable(view.downgradeItem()->child(0)->text(0)));
}

void TestOperationsView::everyBoxCarriesItsSummaryAndTooltipTheFullList()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    const GraphScene *scene = window.graphView()->graphScene();
    const Repository &repository = *window.session()->repository();
    for (int node = 0; node < repository.graph.size(); ++node) {
        const RevisionItem *item = scene->revisionItem(node);
        QVERIFY(item);
        const MigrationOperations operations = RepositoryOperations::readFile(repository.fileOf(node).path);
        QCOMPARE(item->summary(), RepositoryOperations::summaryLine(operations));
        QVERIFY2(!item->summary().isEmpty(), qPrintable(item->revisionId() + " shows no summary"));
        const QString tip = scene->toolTipFor(item);
        for (const MigrationOperation &operation : operations.upgrade + operations.downgrade)
            QVERIFY2(tip.contains(operation.summary().toHtmlEscaped()), qPrintable(tip));
    }

    // Read off the files: both branches create ix_user_email; the slug branch adds post.slug.
    const RevisionItem *preferences = scene->revisionItem(repository.graph.indexOf(kPreferences));
    const RevisionItem *slug = scene->revisionItem(repository.graph.indexOf(kSlug));
    QVERIFY(preferences && slug);
    QVERIFY2(preferences->summary().startsWith(QStringLiteral("+user_preference")), qPrintable(preferences->summary()));
    QVERIFY2(preferences->summary().contains(QStringLiteral("ix_user_email")), qPrintable(preferences->summary()));
    QVERIFY2(slug->summary().startsWith(QStringLiteral("+post.slug")), qPrintable(slug->summary()));
    QVERIFY2(slug->summary().contains(QStringLiteral("+ix ix_user_email")), qPrintable(slug->summary()));
    const QString tip = scene->toolTipFor(slug);
    QVERIFY2(tip.contains(QStringLiteral("Downgrade: -ix ix_user_email, -post.slug")), qPrintable(tip));
}

void TestOperationsView::boxesHaveRoomForTheSummaryLine()
{
    // The id, the message and the summary each need a line inside the padding.
    const qreal needed = QFontMetricsF(graphstyle::idFont()).height() + QFontMetricsF(graphstyle::messageFont()).height()
                         + QFontMetricsF(graphstyle::summaryFont()).height() + 8;
    QVERIFY2(graphstyle::nodeSize.height() >= needed,
             qPrintable(QStringLiteral("boxes are %1 high, three lines need %2").arg(graphstyle::nodeSize.height()).arg(needed)));

    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    const RevisionItem *item = window.graphView()->graphScene()->revisionItem(0);
    QVERIFY(item);
    QCOMPARE(item->box().size(), graphstyle::nodeSize);
}

QTEST_MAIN(TestOperationsView)
#include "tst_operationsview.moc"
