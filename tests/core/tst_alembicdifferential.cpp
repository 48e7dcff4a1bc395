// Fidelity: for hundreds of generated histories, Headway's static reading must
// give the answers the real Alembic gives (heads, bases, parents, children,
// roles, branch labels, dependencies, history order), and the same problems
// for broken ones. Alembic is found by interpreter discovery, never assumed.
#include "HistoryGenerator.h"
#include "repository/RepositoryLoader.h"
#include "runner/InterpreterDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace headway;
using testsupport::HistorySpec;

namespace {

struct Case {
    QString name;
    HistorySpec spec;
};

QList<Case> generatedCases()
{
    QList<Case> cases;
    std::mt19937_64 random(20261124);
    auto chance = [&](double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(random);
    };
    for (int i = 0; i < 240; ++i) {
        HistorySpec spec;
        spec.seed = 1000 + static_cast<quint64>(i);
        spec.revisionCount = 5 + static_cast<int>(random() % 70);
        spec.typedProbability = chance(0, 1);
        spec.versionLocations = 1 + static_cast<int>(random() % 3);
        spec.leaveOpenHeads = random() % 3 != 0;
        QString kind;
        switch (i % 6) {
        case 0: // long linear runs
            spec.branchProbability = 0.0;
            spec.mergeProbability = 0.0;
            kind = QStringLiteral("linear");
            break;
        case 1: // branchy, merges of 2-4 heads
            spec.branchProbability = chance(0.2, 0.5);
            spec.mergeProbability = chance(0.1, 0.4);
            spec.maxMergeWidth = 2 + static_cast<int>(random() % 3);
            kind = QStringLiteral("merges");
            break;
        case 2: // several bases
            spec.extraBases = 1 + static_cast<int>(random() % 3);
            spec.branchProbability = chance(0.05, 0.3);
            kind = QStringLiteral("bases");
            break;
        case 3: // branch labels
            spec.branchLabelProbability = chance(0.05, 0.25);
            spec.branchProbability = chance(0.05, 0.3);
            spec.extraBases = static_cast<int>(random() % 2);
            kind = QStringLiteral("labels");
            break;
        case 4: // depends_on across branches, through ids and labels
            spec.dependsOnProbability = chance(0.05, 0.3);
            spec.branchLabelProbability = chance(0.0, 0.2);
            spec.extraBases = static_cast<int>(random() % 3);
            spec.branchProbability = chance(0.1, 0.4);
            kind = QStringLiteral("depends_on");
            break;
        default: // everything at once
            spec.branchProbability = chance(0.1, 0.4);
            spec.mergeProbability = chance(0.1, 0.3);
            spec.extraBases = static_cast<int>(random() % 3);
            spec.branchLabelProbability = chance(0.0, 0.15);
            spec.dependsOnProbability = chance(0.0, 0.2);
            kind = QStringLiteral("mixed");
        }
        cases += Case{QStringLiteral("%1-%2").arg(kind).arg(i, 3, 10, QLatin1Char('0')), spec};
    }
    const QList<std::pair<HistorySpec::Breakage, QString>> breakages{
        {HistorySpec::Breakage::MissingParent, QStringLiteral("missing-parent")},
        {HistorySpec::Breakage::Cycle, QStringLiteral("cycle")},
        {HistorySpec::Breakage::DuplicateId, QStringLiteral("duplicate")}};
    for (const auto &[breakage, name] : breakages) {
        for (int i = 0; i < 8; ++i) {
            HistorySpec spec;
            spec.seed = 5000 + static_cast<quint64>(i);
            spec.revisionCount = 8 + i * 5;
            spec.branchProbability = i % 2 ? 0.3 : 0.0;
            spec.mergeProbability = 0.2;
            spec.breakage = breakage;
            cases += Case{QStringLiteral("broken-%1-%2").arg(name).arg(i), spec};
        }
    }
    return cases;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list += v.toString();
    return list;
}

QStringList ids(const RevisionGraph &graph, const QList<int> &nodes)
{
    QStringList list;
    for (int node : nodes)
        list += graph.node(node).id;
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

bool hasDiagnostic(const Repository &repository, const QString &code, const QString &text)
{
    return std::any_of(repository.diagnostics.cbegin(), repository.diagnostics.cend(), [&](const Diagnostic &d) {
        return d.code == code && d.message.contains(text);
    });
}

} // namespace

class TestAlembicDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesAlembic_data();
    void matchesAlembic();
    void brokenHistoriesGiveAlembicsProblems_data();
    void brokenHistoriesGiveAlembicsProblems();

private:
    QTemporaryDir m_workspace;
    QHash<QString, QJsonObject> m_oracle; // history name -> Alembic's answers
    QList<Case> m_cases;
};

void TestAlembicDifferential::initTestCase()
{
    QVERIFY(m_workspace.isValid());
    m_workspace.setAutoRemove(qEnvironmentVariableIsEmpty("HEADWAY_KEEP_TEST_FILES"));
    const InterpreterChoice python = InterpreterDiscovery::find(m_workspace.path(), {QStringLiteral("alembic")});
    QVERIFY2(python.found(), qPrintable(python.explanation({QStringLiteral("alembic")})));

    m_cases = generatedCases();
    QStringList directories;
    for (const Case &c : std::as_const(m_cases)) {
        const QString root = m_workspace.filePath(c.name);
        testsupport::writeHistory(root, c.spec);
        directories += root;
    }
    QProcess oracle;
    oracle.start(python.path, {QStringLiteral(HEADWAY_TESTS_DIR "/oracle/alembic_oracle.py"), QStringLiteral("--stdin"),
                                 QStringLiteral("--timeout"), QStringLiteral("20")});
    QVERIFY2(oracle.waitForStarted(), qPrintable(oracle.errorString()));
    oracle.write(directories.join(QLatin1Char('\n')).toUtf8() + '\n');
    oracle.closeWriteChannel();
    QVERIFY2(oracle.waitForFinished(qEnvironmentVariableIntValue("HEADWAY_ORACLE_TIMEOUT") > 0 ? qEnvironmentVariableIntValue("HEADWAY_ORACLE_TIMEOUT") : 600000), "the Alembic oracle did not finish within 10 minutes");
    QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    const QList<QByteArray> lines = oracle.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject answer = QJsonDocument::fromJson(line).object();
        m_oracle.insert(QFileInfo(answer.value(QStringLiteral("dir")).toString()).fileName(), answer);
    }
    QCOMPARE(m_oracle.size(), m_cases.size());
    qInfo("Alembic (%s) answered for %lld generated histories", qPrintable(python.path),
          static_cast<long long>(m_oracle.size()));
}

void TestAlembicDifferential::matchesAlembic_data()
{
    QTest::addColumn<QString>("name");
    for (const Case &c : generatedCases())
        if (c.spec.breakage == HistorySpec::Breakage::None)
            QTest::newRow(qPrintable(c.name)) << c.name;
}

void TestAlembicDifferential::matchesAlembic()
{
    QFETCH(QString, name);
    const QJsonObject alembic = m_oracle.value(name);
    QVERIFY2(alembic.value(QStringLiteral("ok")).toBool(),
             qPrintable(QStringLiteral("Alembic failed on a sound history: ") + alembic.value(QStringLiteral("error")).toString()));
    const Repository repository = RepositoryLoader::load(m_workspace.filePath(name));
    QVERIFY2(!hasErrors(repository.diagnostics),
             qPrintable(repository.diagnostics.isEmpty() ? QString() : repository.diagnostics.first().message));
    const RevisionGraph &graph = repository.graph;

    QCOMPARE(ids(graph, graph.heads()), strings(alembic.value(QStringLiteral("heads"))));
    QCOMPARE(ids(graph, graph.realHeads()), strings(alembic.value(QStringLiteral("real_heads"))));
    QCOMPARE(ids(graph, graph.bases()), strings(alembic.value(QStringLiteral("bases"))));
    QCOMPARE(ids(graph, graph.historyOrder()), strings(alembic.value(QStringLiteral("history"))));

    const QJsonObject revisions = alembic.value(QStringLiteral("revisions")).toObject();
    QCOMPARE(graph.size(), static_cast<int>(revisions.size()));
    for (auto it = revisions.constBegin(); it != revisions.constEnd(); ++it) {
        const int index = graph.indexOf(it.key());
        QVERIFY2(index >= 0, qPrintable(QStringLiteral("Headway lacks revision ") + it.key()));
        const RevisionNode &node = graph.node(index);
        const QJsonObject expected = it.value().toObject();
        const QString where = QStringLiteral("revision %1: ").arg(node.id);
        QVERIFY2(node.downRevisions == strings(expected.value(QStringLiteral("down_revisions"))), qPrintable(where + QStringLiteral("down_revisions")));
        QVERIFY2(sorted(ids(graph, node.dependencies)) == sorted(strings(expected.value(QStringLiteral("dependencies")))),
                 qPrintable(where + QStringLiteral("dependencies")));
        QVERIFY2(node.branchLabels == strings(expected.value(QStringLiteral("branch_labels"))),
                 qPrintable(where + QStringLiteral("branch labels ") + node.branchLabels.join(QLatin1Char(',')) + QStringLiteral(" vs ")
                            + strings(expected.value(QStringLiteral("branch_labels"))).join(QLatin1Char(','))));
        QVERIFY2(sorted(ids(graph, node.children)) == strings(expected.value(QStringLiteral("nextrev"))), qPrintable(where + QStringLiteral("children")));
        QVERIFY2(node.isHead() == expected.value(QStringLiteral("is_head")).toBool(), qPrintable(where + QStringLiteral("is_head")));
        QVERIFY2(node.isBase() == expected.value(QStringLiteral("is_base")).toBool(), qPrintable(where + QStringLiteral("is_base")));
        QVERIFY2(node.isBranchPoint() == expected.value(QStringLiteral("is_branch_point")).toBool(), qPrintable(where + QStringLiteral("is_branch_point")));
        QVERIFY2(node.isMergePoint() == expected.value(QStringLiteral("is_merge_point")).toBool(), qPrintable(where + QStringLiteral("is_merge_point")));
        QVERIFY2(repository.fileOf(index).doc == expected.value(QStringLiteral("doc")).toString(), qPrintable(where + QStringLiteral("doc")));
        QVERIFY2(repository.relativePath(repository.fileOf(index).path) == expected.value(QStringLiteral("path")).toString(),
                 qPrintable(where + QStringLiteral("path")));
    }
}

void TestAlembicDifferential::brokenHistoriesGiveAlembicsProblems_data()
{
    QTest::addColumn<QString>("name");
    for (const Case &c : generatedCases())
        if (c.spec.breakage != HistorySpec::Breakage::None)
            QTest::newRow(qPrintable(c.name)) << c.name;
}

void TestAlembicDifferential::brokenHistoriesGiveAlembicsProblems()
{
    QFETCH(QString, name);
    const QJsonObject alembic = m_oracle.value(name);
    const Repository repository = RepositoryLoader::load(m_workspace.filePath(name));
    QVERIFY2(hasErrors(repository.diagnostics), "a broken history must give an error");
    const QString error = alembic.value(QStringLiteral("error")).toString();
    const QStringList warnings = strings(alembic.value(QStringLiteral("warnings")));

    if (name.contains(QLatin1String("missing-parent"))) {
        // Alembic warns "Revision X referenced from Y is not present", then fails.
        static const QRegularExpression pattern(QStringLiteral("Revision (\\S+) referenced from"));
        QString missing;
        for (const QString &w : warnings)
            if (const auto m = pattern.match(w); m.hasMatch())
                missing = m.captured(1);
        QVERIFY2(!missing.isEmpty(), qPrintable(QStringLiteral("Alembic said: ") + warnings.join(QLatin1String(" | ")) + error));
        QVERIFY2(hasDiagnostic(repository, QStringLiteral("missing-revision"),
                               QStringLiteral("Can't locate revision identified by '%1'").arg(missing)),
                 qPrintable(QStringLiteral("expected a missing-revision diagnostic for ") + missing));
    } else if (name.contains(QLatin1String("cycle"))) {
        QVERIFY2(!alembic.value(QStringLiteral("ok")).toBool(), "Alembic accepted a cycle");
        if (alembic.value(QStringLiteral("error_type")).toString() == QLatin1String("AlembicHung")) {
            // A cycle entered through a merge point escapes Alembic's check and
            // its history walk never ends; Headway must still name the cycle.
            QVERIFY(hasDiagnostic(repository, QStringLiteral("cycle"), QStringLiteral("Cycle is detected in revisions")));
            return;
        }
        QVERIFY2(hasDiagnostic(repository, QStringLiteral("cycle"), error) || hasDiagnostic(repository, QStringLiteral("dependency-cycle"), error),
                 qPrintable(QStringLiteral("Alembic: ") + error + QStringLiteral("\nHeadway: ")
                            + repository.diagnostics.first().message));
    } else {
        static const QRegularExpression pattern(QStringLiteral("Revision (\\S+) is present more than once"));
        QString duplicate;
        for (const QString &w : warnings)
            if (const auto m = pattern.match(w); m.hasMatch())
                duplicate = m.captured(1);
        QVERIFY2(!duplicate.isEmpty(), qPrintable(QStringLiteral("Alembic said: ") + warnings.join(QLatin1String(" | "))));
        QVERIFY2(hasDiagnostic(repository, QStringLiteral("duplicate-revision"),
                               QStringLiteral("Revision %1 is present more than once").arg(duplicate)),
                 "expected a duplicate-revision diagnostic naming the same id");
    }
}

QTEST_GUILESS_MAIN(TestAlembicDifferential)
#include "tst_alembicdifferential.moc"
