// A calm window: a problem is one line, its fix waits behind Details; the
// effective heads appear only when they differ from the heads; a long message
// gets two lines when zoomed in instead of an ellipsis; a dark palette turns
// the graph dark too; the overview leaves the details most of their column.
#include "TestFiles.h"
#include "database/DatabaseStatus.h"
#include "graph/GraphScene.h"
#include "graph/GraphStyle.h"
#include "graph/GraphView.h"
#include "graph/RevisionItem.h"
#include "health/HealthBanner.h"
#include "session/RepositorySession.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace headway;
using test::migration;
using test::writeFile;

namespace {

bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::graphShown);
    window.openRepository(path);
    return !shown.isEmpty() || shown.wait(30000);
}

} // namespace

class TestCalmWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        std::setlocale(LC_NUMERIC, "C");
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void effectiveHeadsOnlyWhenTheyDiffer()
    {
        // Two heads, one of which the other depends on: `upgrade heads` reaches one.
        const QString versions = m_dir.filePath(QStringLiteral("depends/versions"));
        writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
        writeFile(versions + QStringLiteral("/bbbb_side.py"),
                  migration(QStringLiteral("bbbb"), QStringLiteral("aaaa"), QStringLiteral("side")));
        writeFile(versions + QStringLiteral("/cccc_main.py"),
                  migration(QStringLiteral("cccc"), QStringLiteral("aaaa"), QStringLiteral("main"),
                            QStringLiteral("depends_on = 'bbbb'")));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, versions));
        const RevisionGraph &graph = window.session()->repository()->graph;
        QCOMPARE(graph.heads().size(), 2);
        QCOMPARE(graph.realHeads().size(), 1);
        QTRY_VERIFY(window.databaseStatus()->text().contains(QStringLiteral("Effective heads")));
        QVERIFY(window.databaseStatus()->text().contains(QStringLiteral("cccc")));

        // A plain linear history: nothing about effective heads, and no heads listed twice.
        const QString linear = m_dir.filePath(QStringLiteral("linear/versions"));
        writeFile(linear + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
        writeFile(linear + QStringLiteral("/bbbb_next.py"),
                  migration(QStringLiteral("bbbb"), QStringLiteral("aaaa"), QStringLiteral("next")));
        QVERIFY(openAndWait(window, linear));
        QTRY_VERIFY(!window.databaseStatus()->text().contains(QStringLiteral("Effective heads")));
        QVERIFY(!window.databaseStatus()->text().contains(QStringLiteral("Heads:")));
    }

    void aProblemIsOneLineUntilItsDetailsOpen()
    {
        const QString versions = m_dir.filePath(QStringLiteral("heads/versions"));
        writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
        writeFile(versions + QStringLiteral("/bbbb_fork.py"),
                  migration(QStringLiteral("bbbb"), QStringLiteral("aaaa"), QStringLiteral("fork")));
        writeFile(versions + QStringLiteral("/cccc_upstream.py"),
                  migration(QStringLiteral("cccc"), QStringLiteral("aaaa"), QStringLiteral("upstream")));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, versions));
        HealthBanner *banner = window.healthBanner();
        const int closed = banner->lineCount();
        QVERIFY(!banner->text().contains(QStringLiteral("Fix:")));
        banner->setDetailsShown(true);
        QVERIFY(banner->lineCount() > closed);
        QVERIFY(banner->text().contains(QStringLiteral("Fix:")));
        banner->setDetailsShown(false);
        QCOMPARE(banner->lineCount(), closed);
        // The banner and the database line together stay short.
        QTRY_VERIFY(window.databaseStatus()->isVisible());
        QVERIFY2(banner->sizeHint().height() + window.databaseStatus()->sizeHint().height() < 120,
                 qPrintable(QString::number(banner->sizeHint().height() + window.databaseStatus()->sizeHint().height())));
    }

    void aLongMessageGetsTwoLinesWhenZoomedIn()
    {
        const QString message = QStringLiteral("add the notification preferences table with per channel opt outs and digests");
        const QString versions = m_dir.filePath(QStringLiteral("long/versions"));
        writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, message));
        writeFile(versions + QStringLiteral("/bbbb_short.py"),
                  migration(QStringLiteral("bbbb"), QStringLiteral("aaaa"), QStringLiteral("short")));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, versions));
        const GraphScene *scene = window.graphView()->graphScene();
        const RevisionItem *longItem = scene->revisionItem(window.session()->repository()->graph.indexOf(QStringLiteral("aaaa")));
        const RevisionItem *shortItem = scene->revisionItem(window.session()->repository()->graph.indexOf(QStringLiteral("bbbb")));
        QVERIFY(longItem && shortItem);
        const QStringList lines = longItem->closeUpMessageLines();
        QCOMPARE(lines.size(), 2);
        QVERIFY(message.startsWith(lines.first()));
        QVERIFY(lines.at(1).size() > 3);
        const qreal width = longItem->box().width() - 2 * graphstyle::textPadding;
        QVERIFY(QFontMetricsF(graphstyle::twoLineMessageFont()).horizontalAdvance(lines.first()) <= width);
        QVERIFY(shortItem->closeUpMessageLines().isEmpty()); // fits on one line
        // The full message on hover.
        QVERIFY(scene->toolTipFor(longItem).contains(message));
    }

    void theOverviewLeavesTheDetailsMostOfTheColumn()
    {
        // A fresh window (no saved state): the overview is a glance, the details are read.
        const QString versions = m_dir.filePath(QStringLiteral("column/versions"));
        writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, versions));
        const auto *overview = window.findChild<QDockWidget *>(QStringLiteral("overviewDock"));
        const auto *details = window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
        QVERIFY(overview && details);
        QTRY_VERIFY(overview->isVisible() && details->isVisible());
        QTRY_VERIFY2(details->height() > overview->height() * 5 / 4,
                     qPrintable(QStringLiteral("overview %1 px, details %2 px").arg(overview->height()).arg(details->height())));
        QVERIFY(overview->height() >= overview->minimumSizeHint().height());
    }

    void aDarkPaletteTurnsTheGraphDark()
    {
        const QString versions = m_dir.filePath(QStringLiteral("dark/versions"));
        writeFile(versions + QStringLiteral("/aaaa_base.py"), migration(QStringLiteral("aaaa"), {}, QStringLiteral("base")));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, versions));
        const QColor lightFill = graphstyle::fillFor({});
        QVERIFY(!graphstyle::isDarkTheme());

        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x0d, 0x11, 0x17));
        dark.setColor(QPalette::Window, QColor(0x16, 0x1b, 0x22));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
        window.graphView()->setPalette(dark);
        QTRY_VERIFY(graphstyle::isDarkTheme());
        QVERIFY(graphstyle::fillFor({}).lightness() < 100);
        QVERIFY(graphstyle::textColor().lightness() > 150);
        QVERIFY(graphstyle::fillFor({}) != lightFill);
        QImage frame(window.graphView()->viewport()->size(), QImage::Format_RGB32);
        window.graphView()->viewport()->render(&frame);
        QVERIFY(QColor(frame.pixel(2, 2)).lightness() < 60); // the background follows Base

        window.graphView()->setPalette(QPalette());
        QTRY_VERIFY(!graphstyle::isDarkTheme() || QApplication::palette().color(QPalette::Base).lightness() < 128);
    }

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestCalmWindow)
#include "tst_calmwindow.moc"
