// Cycles in down_revision and depends_on are found whatever their shape, every
// revision on one is marked, and the report names what Alembic's own check
// names (or the cycle itself where Alembic's check misses it).
#include "graph/CycleCheck.h"
#include "graph/RevisionGraph.h"

#include <QtTest>

#include <algorithm>

using namespace headway;

namespace {

AssignedValue assigned(const QStringList &values, int line)
{
    AssignedValue value;
    value.present = true;
    value.literal = true;
    value.values = values;
    value.line = line;
    return value;
}

// A sketch lists files in order: "id[:down,down][~depends_on,...][@label,...]".
QList<MigrationFile> filesFromSketch(const QString &sketch)
{
    QList<MigrationFile> files;
    for (const QString &item : sketch.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString rest = item;
        const auto take = [&rest](QChar marker) {
            const qsizetype at = rest.indexOf(marker);
            if (at < 0)
                return QStringList();
            const QStringList values = rest.mid(at + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
            rest.truncate(at);
            return values;
        };
        const QStringList labels = take(QLatin1Char('@'));
        const QStringList depends = take(QLatin1Char('~'));
        const QStringList downs = take(QLatin1Char(':'));
        MigrationFile file;
        file.path = QStringLiteral("/repo/versions/%1_%2.py").arg(files.size()).arg(rest);
        file.revision = assigned({rest}, 10);
        file.downRevision = assigned(downs, 11);
        file.branchLabels = assigned(labels, 12);
        file.dependsOn = assigned(depends, 13);
        files += file;
    }
    return files;
}

QStringList markedIds(const std::vector<RevisionNode> &nodes)
{
    QStringList ids;
    for (const RevisionNode &node : nodes)
        if (node.inCycle)
            ids += node.shadowed ? node.id + QStringLiteral(" (shadowed)") : node.id;
    ids.sort();
    return ids;
}

QList<Diagnostic> cycleReports(const Diagnostics &diagnostics)
{
    QList<Diagnostic> reports;
    for (const Diagnostic &d : diagnostics)
        if (d.code == QLatin1String("cycle") || d.code == QLatin1String("dependency-cycle"))
            reports += d;
    return reports;
}

} // namespace

class TestCycleCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsAndNamesCycles_data()
    {
        QTest::addColumn<QString>("sketch");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("marked");
        QTest::addColumn<QStringList>("looped"); // the revisions the hint names: the reported kind's loop
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");

        const QStringList nothing;
        QTest::newRow("straight line") << "a b:a c:b" << "" << "" << nothing << nothing << "" << 0;
        QTest::newRow("branches and a merge") << "a b:a c:a d:b,c" << "" << "" << nothing << nothing << "" << 0;
        QTest::newRow("dependency across branches") << "a b:a c:a~b" << "" << "" << nothing << nothing << "" << 0;
        QTest::newRow("dependency through a label") << "a@lib b:a c~lib" << "" << "" << nothing << nothing << "" << 0;
        QTest::newRow("self-loop is the graph's own report") << "a b:b" << "" << "" << nothing << nothing << "" << 0;

        QTest::newRow("two revisions naming each other")
            << "a b:c c:b" << "cycle" << "Cycle is detected in revisions (b, c)" << QStringList{"b", "c"} << QStringList{"b", "c"} << "1_b.py" << 11;
        QTest::newRow("Alembic also names what hangs off the loop")
            << "a b:c c:b e:c" << "cycle" << "Cycle is detected in revisions (b, c, e)" << QStringList{"b", "c"} << QStringList{"b", "c"} << "1_b.py" << 11;
        QTest::newRow("no head and no base: every revision in file order")
            << "c:b a:c b:a" << "cycle" << "Cycle is detected in revisions (c, a, b)" << QStringList{"a", "b", "c"} << QStringList{"a", "b", "c"}
            << "0_c.py" << 11;
        QTest::newRow("loop entered through a merge point, which Alembic misses")
            << "a b:a,d c:b d:c e:d" << "cycle" << "Cycle is detected in revisions (b, c, d)" << QStringList{"b", "c", "d"} << QStringList{"b", "c", "d"}
            << "1_b.py" << 11;
        QTest::newRow("with a missing parent only the loop is named")
            << "a b:gone,c c:b e:c" << "cycle" << "Cycle is detected in revisions (b, c)" << QStringList{"b", "c"} << QStringList{"b", "c"}
            << "1_b.py" << 11;
        QTest::newRow("two separate loops in one report")
            << "a b:c c:b d:e e:d" << "cycle" << "Cycle is detected in revisions (b, c, d, e)"
            << QStringList{"b", "c", "d", "e"} << QStringList{"b", "c", "d", "e"} << "1_b.py" << 11;
        QTest::newRow("a shadowed duplicate takes no part")
            << "a b:a b:c c:b" << "cycle" << "Cycle is detected in revisions (b, c)" << QStringList{"b", "c"} << QStringList{"b", "c"} << "2_b.py" << 11;

        QTest::newRow("dependency loop with no real head")
            << "a b:a~c c:b" << "dependency-cycle" << "Dependency cycle is detected in revisions (a, b, c)"
            << QStringList{"b", "c"} << QStringList{"b", "c"} << "1_b.py" << 13;
        QTest::newRow("dependency loop with a way out")
            << "a b:a~d c:b d:c e:d" << "dependency-cycle" << "Dependency cycle is detected in revisions (b, c, d)"
            << QStringList{"b", "c", "d"} << QStringList{"b", "c", "d"} << "1_b.py" << 13;
        QTest::newRow("plain loop is reported before a dependency loop")
            << "a b:c c:b d:a~e e:d" << "cycle" << "Cycle is detected in revisions (b, c)"
            << QStringList{"b", "c", "d", "e"} << QStringList{"b", "c"} << "1_b.py" << 11;
        QTest::newRow("depending on its own branch label")
            << "a~lib@lib" << "dependency-cycle" << "Dependency cycle is detected in revisions (a)" << QStringList{"a"} << QStringList{"a"}
            << "0_a.py" << 13;
        QTest::newRow("own label dependency inside a history")
            << "a b:a~lib@lib c:b" << "dependency-cycle" << "Dependency cycle is detected in revisions (b)"
            << QStringList{"b"} << QStringList{"b"} << "1_b.py" << 13;
    }

    void findsAndNamesCycles()
    {
        QFETCH(QString, sketch);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(QStringList, marked);
        QFETCH(QStringList, looped);
        QFETCH(QString, file);
        QFETCH(int, line);

        const QList<MigrationFile> files = filesFromSketch(sketch);
        const RevisionGraph graph(files);
        std::vector<RevisionNode> nodes = graph.nodes();
        for (RevisionNode &node : nodes)
            node.inCycle = !node.inCycle; // stale marks: every one must be recomputed
        const QList<Diagnostic> reports = cycleReports(markCycles(nodes, files));

        QCOMPARE(markedIds(nodes), marked);
        if (code.isEmpty()) {
            QVERIFY2(reports.isEmpty(), qPrintable("unexpected report: " + reports.value(0).message));
            return;
        }
        QCOMPARE(reports.size(), 1);
        const Diagnostic &report = reports.first();
        QCOMPARE(report.code, code);
        QCOMPARE(report.severity, Severity::Error);
        QCOMPARE(report.message, message);
        QCOMPARE(report.path, "/repo/versions/" + file);
        QCOMPARE(report.line, line);
        QVERIFY2(report.hint.contains("Revisions " + looped.join(", ") + " follow each other in a circle"),
                 qPrintable(report.hint));
        const QString field = code == "cycle" ? "down_revision" : "depends_on";
        QVERIFY2(report.hint.contains(field), qPrintable(report.hint));
    }

    void graphCarriesTheSameReport()
    {
        // RevisionGraph runs the check itself: one report, and the marks the check made.
        const RevisionGraph graph(filesFromSketch("a b:a,d c:b d:c e:d"));
        const QList<Diagnostic> reports = cycleReports(graph.diagnostics());
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().message, QStringLiteral("Cycle is detected in revisions (b, c, d)"));
        QCOMPARE(markedIds(graph.nodes()), (QStringList{"b", "c", "d"}));
    }

    void longLoopsDoNotExhaustTheStack()
    {
        // r0 <- r1 <- ... <- rN-1, r1 also follows rN-1, and rN hangs off the end: a loop of N-1.
        constexpr int count = 100000;
        QStringList items{"r0"};
        items += QStringLiteral("r1:r0,r%1").arg(count - 1);
        for (int i = 2; i < count; ++i)
            items += QStringLiteral("r%1:r%2").arg(i).arg(i - 1);
        items += QStringLiteral("r%1:r%2").arg(count).arg(count - 1);
        const QList<MigrationFile> files = filesFromSketch(items.join(QLatin1Char(' ')));
        const RevisionGraph graph(files);
        std::vector<RevisionNode> nodes = graph.nodes();
        const QList<Diagnostic> reports = cycleReports(markCycles(nodes, files));
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().code, QStringLiteral("cycle"));
        const auto marked = std::count_if(nodes.cbegin(), nodes.cend(), [](const RevisionNode &n) { return n.inCycle; });
        QCOMPARE(static_cast<int>(marked), count - 1);
        QVERIFY2(!nodes.front().inCycle && !nodes.back().inCycle, "the base and the tail are not on the loop");
    }

    void emptyHistoryHasNoCycle()
    {
        std::vector<RevisionNode> nodes;
        QVERIFY(markCycles(nodes, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCycleCheck)
#include "tst_cyclecheck.moc"
