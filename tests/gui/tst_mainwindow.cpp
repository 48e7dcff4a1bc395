// The main window end to end, offscreen: opening the demo shows its graph and
// its two heads; find and the Go actions select the right revision and the
// details follow; a new migration file reloads the graph and keeps the
// selection; a broken repository shows the fix; a directory without
// migrations shows an error and keeps what was on screen; exports write files;
// `headway --screenshot` writes a PNG.
#include "TestFiles.h"
#include "details/DetailsPanel.h"
#include "graph/FindBar.h"
#include "health/HealthBanner.h"
#include "details/HistoryList.h"
#include "window/MainActions.h"
#include "database/DatabaseCommands.h"
#include "database/MergeDialog.h"
#include "window/MainWindow.h"
#include "session/RepositorySession.h"
#include "graph/GraphView.h"

#include "HistoryGenerator.h"

#include <QAction>
#include <QDesktopServices>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <clocale>

using namespace headway;

namespace {

constexpr int kLoadTimeoutMs = 30000;

const QString kDemoSource = QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo");

// Tests must not write into the source tree: every repository is a copy.
using headway::test::copyTree;

using test::migration;
using test::writeFile;

QStringList selectedIds(const MainWindow &window)
{
    QStringList ids;
    for (int revision : window.graphView()->selectedRevisions())
        ids << window.session()->repository()->graph.node(revision).id;
    return ids;
}

int revisionIndex(const MainWindow &window, const QString &id)
{
    return window.session()->repository()->graph.indexOf(id);
}

// True once `spy` has caught a signal. QFuture::then() runs its continuation at once
// when the work is already done, so a quick load may report before open() returns.
bool arrived(QSignalSpy &spy)
{
    return !spy.isEmpty() || spy.wait(kLoadTimeoutMs);
}

// Opens `path` and waits until the window shows its graph.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::graphShown);
    window.openRepository(path);
    return arrived(shown);
}

// Stands in for the desktop's file opener.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void openingTheDemoShowsItsGraphAndTwoHeads();
    void aHealthyRepositoryIsShownAsOk();
    void namedBranchesAreShownAsOkAndMergingThemWarns();
    void megabyteValuesAreShownCut();
    void findSelectsTheMatchAndCountsMatches();
    void goActionsWalkTheGraphAndTheDetailsFollow();
    void historySelectionSelectsInTheGraph();
    void detailsShowTheHighlightedSource();
    void aNewMigrationFileReloadsAndKeepsTheSelection();
    void aMissingParentShowsTheFixAndSelectsTheRevision();
    void aDirectoryWithoutMigrationsShowsAnErrorAndKeepsTheGraph();
    void theDefaultErrorDisplayDoesNotBlock();
    void droppingAProjectOpensIt_data();
    void droppingAProjectOpensIt();
    void aNewerRequestWinsOverAnOlderLoad();
    void exportsWriteFiles();
    void screenshotWritesAPng();
    void screenshotFailsWithAMessageWhenNothingLoads();

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestMainWindow::initTestCase()
{
    std::setlocale(LC_NUMERIC, "C");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QVERIFY2(QFileInfo(kDemoSource + QStringLiteral("/app.py")).isFile(), qPrintable(kDemoSource));
}

// A fresh copy of the demo for every test: some of them add files to it.
void TestMainWindow::init()
{
    static int copies = 0;
    m_demo = m_dir.filePath(QStringLiteral("demo%1").arg(++copies));
    QVERIFY(copyTree(kDemoSource, m_demo));
}

void TestMainWindow::openingTheDemoShowsItsGraphAndTwoHeads()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));

    QCOMPARE(window.graphView()->revisionItemCount(), 5);
    QCOMPARE(window.historyList()->count(), 5);
    // One calm line per problem: the fix in words waits behind its Details link.
    const QString banner = window.healthBanner()->text();
    QVERIFY2(banner.contains(QStringLiteral("2 heads")), qPrintable(banner));
    QVERIFY2(!banner.contains(QStringLiteral("flask db merge")) && banner.contains(QStringLiteral("Details")),
             qPrintable(banner));
    QLabel *detailsLink = nullptr;
    const auto findDetailsLink = [&] {
        for (QLabel *label : window.healthBanner()->findChildren<QLabel *>())
            if (label->isVisibleTo(window.healthBanner()) && label->text().contains(QStringLiteral("details:0")))
                detailsLink = label;
        return detailsLink != nullptr;
    };
    QTRY_VERIFY(findDetailsLink()); // new lines are shown from the event loop
    const int lines = window.healthBanner()->lineCount();
    Q_EMIT detailsLink->linkActivated(QStringLiteral("details:0"));
    const QString opened = window.healthBanner()->text();
    QVERIFY2(opened.contains(QStringLiteral("flask db merge")), qPrintable(opened));
    QCOMPARE(window.healthBanner()->lineCount(), lines + 1);
    QVERIFY2(window.windowTitle().contains(QFileInfo(m_demo).fileName()), qPrintable(window.windowTitle()));
    QVERIFY(window.actions()->reload->isEnabled());
    QVERIFY(window.actions()->exportDot->isEnabled());

    // Clicking the heads line selects both heads.
    QLabel *headsLine = nullptr;
    for (QLabel *label : window.healthBanner()->findChildren<QLabel *>())
        if (label->text().contains(QStringLiteral("2 heads")))
            headsLine = label;
    QVERIFY(headsLine);
    Q_EMIT headsLine->linkActivated(QStringLiteral("problem:0"));
    QStringList ids = selectedIds(window);
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("b3a83eea3022"), QStringLiteral("dd710196dcb0")}));
}

void TestMainWindow::aHealthyRepositoryIsShownAsOk()
{
    const QString versions = m_dir.filePath(QStringLiteral("healthy/versions"));
    writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
    writeFile(versions + QStringLiteral("/bbbb_next.py"),
              migration(QStringLiteral("bbbb"), QStringLiteral("aaaa"), QStringLiteral("next")));
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, versions));
    const QString banner = window.healthBanner()->text();
    QVERIFY2(banner.contains(QStringLiteral("OK: one head (bbbb)")), qPrintable(banner));
    QVERIFY2(!banner.contains(QStringLiteral("Fix:")), qPrintable(banner));
}

// OpenStack's expand/contract layout: two heads by design, so no warning and no
// merge suggested; merging them anyway is warned about in the dialog.
void TestMainWindow::namedBranchesAreShownAsOkAndMergingThemWarns()
{
    const QString versions = m_dir.filePath(QStringLiteral("named/versions"));
    writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
    writeFile(versions + QStringLiteral("/eeee_expand.py"),
              migration(QStringLiteral("eeee"), QStringLiteral("aaaa"), QStringLiteral("expand"),
                        QStringLiteral("branch_labels = ('expand',)")));
    writeFile(versions + QStringLiteral("/cccc_contract.py"),
              migration(QStringLiteral("cccc"), QStringLiteral("aaaa"), QStringLiteral("contract"),
                        QStringLiteral("branch_labels = ('contract',)")));
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, versions));
    const QString banner = window.healthBanner()->text();
    QVERIFY2(banner.contains(QStringLiteral("2 named branches")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("expand \u2192 eeee")) && banner.contains(QStringLiteral("contract \u2192 cccc")),
             qPrintable(banner));
    QVERIFY2(!banner.contains(QStringLiteral("merge"), Qt::CaseInsensitive), qPrintable(banner));

    MergeDialog *dialog = window.databaseCommands()->openMergeDialog();
    QVERIFY(dialog);
    QVERIFY2(dialog->selectedHeads().isEmpty(), "nothing should be suggested for merging");
    QVERIFY(dialog->warningText().isEmpty());
    dialog->setHeadChecked(QStringLiteral("eeee"), true);
    dialog->setHeadChecked(QStringLiteral("cccc"), true);
    QVERIFY2(dialog->warningText().contains(QStringLiteral("different named branches")), qPrintable(dialog->warningText()));
    QCOMPARE(dialog->okButton()->text(), QStringLiteral("Merge Anyway"));
    dialog->reject();
}

// A hostile file's 2 MB id, 1 MB docstring and 512 KB label: the window shows them
// cut (and says how long they are) instead of laying out megabytes of text.
void TestMainWindow::megabyteValuesAreShownCut()
{
    const QString versions = m_dir.filePath(QStringLiteral("megabyte/versions"));
    writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
    writeFile(versions + QStringLiteral("/bbbb_long.py"),
              "\"\"\"" + QByteArray(1024 * 1024, 'm') + "\"\"\"\nrevision = '" + QByteArray(2 * 1024 * 1024, 'x')
                  + "'\ndown_revision = 'aaaa'\nbranch_labels = ('" + QByteArray(512 * 1024, 'L') + "',)\n");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, versions));
    const QString banner = window.healthBanner()->text();
    QVERIFY2(banner.contains(QStringLiteral("2097152 characters")), qPrintable(banner.left(2000)));
    QVERIFY2(banner.size() < 20000, "the banner holds a megabyte value");
    for (int row = 0; row < window.historyList()->count(); ++row)
        QVERIFY2(window.historyList()->lineAt(row).size() < 1000, "a history line holds a megabyte value");
    const QString id = QString(2 * 1024 * 1024, QLatin1Char('x'));
    QVERIFY(window.selectRevision(id)); // the full id still selects it
    QCOMPARE(selectedIds(window), QStringList{id});
}

void TestMainWindow::findSelectsTheMatchAndCountsMatches()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));

    window.actions()->find->trigger();
    FindBar *bar = window.findBar();
    QVERIFY(bar->isVisible());
    bar->setText(QStringLiteral("post slug"));
    QCOMPARE(selectedIds(window), QStringList{QStringLiteral("dd710196dcb0")});
    QCOMPARE(window.detailsPanel()->shownRevisionId(), QStringLiteral("dd710196dcb0"));
    QCOMPARE(bar->statusText(), QStringLiteral("1 of 1"));

    // "post" is in three messages: create post table, add created_at to post, add post slug.
    bar->setText(QStringLiteral("post"));
    QCOMPARE(bar->statusText(), QStringLiteral("1 of 3"));
    const QString first = window.detailsPanel()->shownRevisionId();
    window.actions()->findNext->trigger();
    QCOMPARE(bar->statusText(), QStringLiteral("2 of 3"));
    QVERIFY2(window.detailsPanel()->shownRevisionId() != first, "Find Next did not move the selection");
    window.actions()->findPrevious->trigger();
    QCOMPARE(bar->statusText(), QStringLiteral("1 of 3"));
    QCOMPARE(window.detailsPanel()->shownRevisionId(), first);
    window.actions()->findPrevious->trigger(); // wraps to the last match
    QCOMPARE(bar->statusText(), QStringLiteral("3 of 3"));

    bar->setText(QStringLiteral("no such revision"));
    QCOMPARE(bar->statusText(), QStringLiteral("No matches"));

    QLineEdit *edit = bar->findChild<QLineEdit *>();
    QVERIFY(edit);
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY2(!bar->isVisible(), "Escape did not close the find bar");
}

void TestMainWindow::goActionsWalkTheGraphAndTheDetailsFollow()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    window.actions()->find->trigger();
    window.findBar()->setText(QStringLiteral("dd710196"));
    QCOMPARE(window.detailsPanel()->shownRevisionId(), QStringLiteral("dd710196dcb0"));

    const struct {
        QAction *action;
        const char *expected;
    } steps[] = {
        {window.actions()->goParent, "c8f06bd407a8"},
        {window.actions()->goParent, "f5f75ba428db"},
        {window.actions()->goParent, "e8cecfb4a97c"},
        {window.actions()->goChild, "f5f75ba428db"},
        {window.actions()->goChild, "c8f06bd407a8"},
    };
    for (const auto &step : steps) {
        step.action->trigger();
        const QString expected = QString::fromLatin1(step.expected);
        QCOMPARE(selectedIds(window), QStringList{expected});
        QCOMPARE(window.detailsPanel()->shownRevisionId(), expected);
        QCOMPARE(window.historyList()->selectedRevisions(), QList<int>{revisionIndex(window, expected)});
    }

    // From the branch point, a child is one of the two heads, and its sibling is the other.
    window.actions()->goChild->trigger();
    const QString head = window.detailsPanel()->shownRevisionId();
    const QStringList heads = {QStringLiteral("b3a83eea3022"), QStringLiteral("dd710196dcb0")};
    QVERIFY2(heads.contains(head), qPrintable(head));
    window.actions()->goNextSibling->trigger();
    const QString sibling = window.detailsPanel()->shownRevisionId();
    QVERIFY2(heads.contains(sibling) && sibling != head, qPrintable(sibling));
}

void TestMainWindow::historySelectionSelectsInTheGraph()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    HistoryList *history = window.historyList();

    // The history lists newest first; its first two lines are the heads.
    history->selectionModel()->setCurrentIndex(history->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
    history->selectionModel()->setCurrentIndex(history->model()->index(1, 0), QItemSelectionModel::Select);
    QStringList ids = selectedIds(window);
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("b3a83eea3022"), QStringLiteral("dd710196dcb0")}));
    QVERIFY(window.detailsPanel()->shownRevisionId().isEmpty()); // two selected: a list, no single id

    window.graphView()->selectRevisions({revisionIndex(window, QStringLiteral("e8cecfb4a97c"))});
    QCOMPARE(history->selectedRevisions(), QList<int>{revisionIndex(window, QStringLiteral("e8cecfb4a97c"))});
    QCOMPARE(history->currentIndex().row(), 4);
}

void TestMainWindow::detailsShowTheHighlightedSource()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    window.graphView()->selectRevisions({revisionIndex(window, QStringLiteral("c8f06bd407a8"))});

    DetailsPanel *details = window.detailsPanel();
    auto *source = details->findChild<QPlainTextEdit *>();
    QVERIFY(source);
    QTRY_VERIFY_WITH_TIMEOUT(details->sourceText().contains(QStringLiteral("revision = 'c8f06bd407a8'")),
                             kLoadTimeoutMs);

    // The module docstring spans several lines: every line of it is string-coloured, and
    // the lines after it are back to normal.
    const QTextDocument *document = source->document();
    const QTextBlock firstLine = document->firstBlock();
    QVERIFY2(firstLine.userState() != 0, "the docstring's first line should leave a string open");
    const auto colourAt = [](const QTextBlock &block, int position) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats())
            if (position >= range.start && position < range.start + range.length)
                return range.format.foreground().color();
        return QColor();
    };
    const QColor stringColour = colourAt(firstLine, 0);
    QVERIFY(stringColour.isValid());
    const QTextBlock idLine = document->findBlockByNumber(2);
    QCOMPARE(idLine.text(), QStringLiteral("Revision ID: c8f06bd407a8"));
    QCOMPARE(colourAt(idLine, 0), stringColour);
    QTextBlock comment = document->firstBlock();
    while (comment.isValid() && !comment.text().startsWith(QLatin1Char('#')))
        comment = comment.next();
    QVERIFY(comment.isValid());
    QVERIFY2(colourAt(comment, 0).isValid() && colourAt(comment, 0) != stringColour, "comments need their own colour");
    QTextBlock revisionLine = document->firstBlock();
    while (revisionLine.isValid() && !revisionLine.text().startsWith(QStringLiteral("revision =")))
        revisionLine = revisionLine.next();
    QVERIFY(revisionLine.isValid());
    QCOMPARE(revisionLine.userState(), 0);
    QCOMPARE(colourAt(revisionLine, int(revisionLine.text().indexOf(QLatin1Char('\'')))), stringColour);
    QVERIFY2(!colourAt(revisionLine, 0).isValid(), "an identifier should keep the default colour");

    // "Open in editor" hands the file's URL to the desktop.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    auto *info = details->findChild<QLabel *>(QStringLiteral("revisionDetails"));
    QVERIFY(info);
    QVERIFY(info->text().contains(QStringLiteral("Open in editor")));
    Q_EMIT info->linkActivated(QStringLiteral("open:"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls.size(), 1);
    QVERIFY2(catcher.urls.first().toLocalFile().endsWith(QStringLiteral("/c8f06bd407a8_add_created_at_to_post.py")),
             qPrintable(catcher.urls.first().toString()));
}

void TestMainWindow::aNewMigrationFileReloadsAndKeepsTheSelection()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    window.graphView()->selectRevisions({revisionIndex(window, QStringLiteral("dd710196dcb0"))});
    QCOMPARE(window.detailsPanel()->shownRevisionId(), QStringLiteral("dd710196dcb0"));

    QSignalSpy shown(&window, &MainWindow::graphShown);
    writeFile(m_demo + QStringLiteral("/migrations/versions/0a1b2c3d4e5f_add_post_tags.py"),
              migration(QStringLiteral("0a1b2c3d4e5f"), QStringLiteral("dd710196dcb0"), QStringLiteral("add post tags")));
    QVERIFY2(arrived(shown), "adding a migration file did not reload the graph");

    QCOMPARE(window.graphView()->revisionItemCount(), 6);
    QCOMPARE(window.historyList()->count(), 6);
    QCOMPARE(selectedIds(window), QStringList{QStringLiteral("dd710196dcb0")});
    QCOMPARE(window.detailsPanel()->shownRevisionId(), QStringLiteral("dd710196dcb0"));
    QVERIFY(window.healthBanner()->text().contains(QStringLiteral("2 heads")));
    QVERIFY(window.healthBanner()->text().contains(QStringLiteral("0a1b2c3")));
}

void TestMainWindow::aMissingParentShowsTheFixAndSelectsTheRevision()
{
    const QString versions = m_dir.filePath(QStringLiteral("missing-parent/versions"));
    writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
    writeFile(versions + QStringLiteral("/bbbb_orphan.py"),
              migration(QStringLiteral("bbbb"), QStringLiteral("gone"), QStringLiteral("orphan")));

    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, versions));
    window.healthBanner()->setDetailsShown(true);
    const QString banner = window.healthBanner()->text();
    QVERIFY2(banner.contains(QStringLiteral("pull")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("Never delete")), qPrintable(banner));

    // Clicking the problem selects the revision whose down_revision is missing.
    QLabel *problem = nullptr;
    for (QLabel *label : window.healthBanner()->findChildren<QLabel *>())
        if (label->text().contains(QStringLiteral("gone")))
            problem = label;
    QVERIFY(problem);
    Q_EMIT problem->linkActivated(QStringLiteral("problem:0"));
    QCOMPARE(selectedIds(window), QStringList{QStringLiteral("bbbb")});
    QCOMPARE(window.detailsPanel()->shownRevisionId(), QStringLiteral("bbbb"));
}

void TestMainWindow::aDirectoryWithoutMigrationsShowsAnErrorAndKeepsTheGraph()
{
    MainWindow window;
    QStringList errors;
    window.setErrorDisplay([&errors](const QString &title, const QString &message, const QString &hint) {
        errors << title << message << hint;
    });
    window.show();
    QVERIFY(openAndWait(window, m_demo));

    const QString empty = m_dir.filePath(QStringLiteral("no-migrations"));
    QVERIFY(QDir().mkpath(empty));
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openRepository(empty);
    QVERIFY(arrived(failed));
    QCOMPARE(errors.size(), 3);
    QVERIFY2(!errors.at(1).isEmpty(), "the error has no message");
    QVERIFY2(errors.at(2).contains(QStringLiteral("alembic.ini")), qPrintable(errors.at(2)));

    // What was on screen stays, and can still be reloaded.
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
    QCOMPARE(window.session()->path(), m_demo);
    QSignalSpy shown(&window, &MainWindow::graphShown);
    window.actions()->reload->trigger();
    QVERIFY(arrived(shown));
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
}

void TestMainWindow::theDefaultErrorDisplayDoesNotBlock()
{
    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openRepository(m_dir.filePath(QStringLiteral("does-not-exist")));
    QVERIFY(arrived(failed)); // a modal exec() would never return here
    QMessageBox *box = window.findChild<QMessageBox *>();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(QStringLiteral("alembic.ini")), qPrintable(box->informativeText()));
    box->close();
}

void TestMainWindow::droppingAProjectOpensIt()
{
    QFETCH(QString, dropped);
    MainWindow window;
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_demo + dropped)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY2(enter.isAccepted(), "the window refused the drop");

    QSignalSpy shown(&window, &MainWindow::graphShown);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(arrived(shown));
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
}

void TestMainWindow::droppingAProjectOpensIt_data()
{
    QTest::addColumn<QString>("dropped");
    QTest::newRow("project folder") << QString();
    QTest::newRow("alembic.ini") << QStringLiteral("/migrations/alembic.ini");
}

void TestMainWindow::aNewerRequestWinsOverAnOlderLoad()
{
    testsupport::HistorySpec spec;
    spec.seed = 7;
    spec.revisionCount = 400;
    const QString big = m_dir.filePath(QStringLiteral("big"));
    testsupport::writeHistory(big, spec);

    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::graphShown);
    QSignalSpy cancelled(window.session(), &RepositorySession::loadCancelled);
    window.openRepository(big);
    window.session()->cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!window.session()->isBusy());

    window.openRepository(big);
    window.openRepository(m_demo); // supersedes the big one
    QVERIFY(arrived(shown));
    QCOMPARE(shown.size(), 1);
    QCOMPARE(window.graphView()->revisionItemCount(), 5);
    QCOMPARE(window.session()->path(), m_demo);
    QVERIFY(!window.session()->isBusy());
}

void TestMainWindow::exportsWriteFiles()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, m_demo));
    QSignalSpy finished(&window, &MainWindow::exportFinished);

    const QString dot = m_dir.filePath(QStringLiteral("graph.gv"));
    window.exportTo(dot, MainWindow::ExportFormat::Dot);
    QVERIFY(arrived(finished));
    QCOMPARE(finished.last().at(1).toBool(), true);
    QFile dotFile(dot);
    QVERIFY(dotFile.open(QIODevice::ReadOnly));
    const QByteArray dotText = dotFile.readAll();
    QVERIFY2(dotText.contains("digraph") && dotText.contains("dd710196dcb0"), dotText.constData());

    const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
    window.exportTo(svg, MainWindow::ExportFormat::Svg);
    QCOMPARE(finished.last().at(1).toBool(), true);
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    QVERIFY(svgFile.readAll().contains("<svg"));

    const QString png = m_dir.filePath(QStringLiteral("graph.png"));
    window.exportTo(png, MainWindow::ExportFormat::Png);
    QCOMPARE(finished.last().at(1).toBool(), true);
    QVERIFY(!QImage(png).isNull());

    QStringList errors;
    window.setErrorDisplay([&errors](const QString &, const QString &message, const QString &) { errors << message; });
    finished.clear();
    window.exportTo(m_dir.filePath(QStringLiteral("no/such/dir/graph.gv")), MainWindow::ExportFormat::Dot);
    QVERIFY(arrived(finished));
    QCOMPARE(finished.last().at(1).toBool(), false);
    QCOMPARE(errors.size(), 1);
}

void TestMainWindow::screenshotWritesAPng()
{
    const QString gui = qEnvironmentVariable("HEADWAY_GUI");
    if (gui.isEmpty())
        QSKIP("HEADWAY_GUI is not set (ctest sets it to the built headway binary)");
    const QString file = m_dir.filePath(QStringLiteral("screenshot.png"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(environment);
    process.start(gui, {QStringLiteral("--screenshot"), file, m_demo});
    QVERIFY2(process.waitForFinished(120000), "headway --screenshot did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QImage image(file);
    QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
    QCOMPARE(image.size(), QSize(1400, 900));
}

void TestMainWindow::screenshotFailsWithAMessageWhenNothingLoads()
{
    const QString gui = qEnvironmentVariable("HEADWAY_GUI");
    if (gui.isEmpty())
        QSKIP("HEADWAY_GUI is not set (ctest sets it to the built headway binary)");
    const QString file = m_dir.filePath(QStringLiteral("never.png"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(gui, {QStringLiteral("--screenshot"), file, m_dir.filePath(QStringLiteral("nothing-here"))});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(process.exitCode() != 0);
    const QString error = QString::fromLocal8Bit(process.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(file));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
