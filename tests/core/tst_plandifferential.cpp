// MigrationPlanner against the real Alembic: on generated histories (branches,
// merges, several bases, depends_on) and random database states, the
// migrations an upgrade or downgrade runs, and whether Alembic refuses, must
// be the same. Alembic is asked through tests/oracle/alembic_plan_oracle.py,
// which makes the calls `alembic upgrade/downgrade` make, without a database.
#include "HistoryGenerator.h"
#include "plan/MigrationPlanner.h"
#include "repository/RepositoryLoader.h"
#include "runner/InterpreterDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using testsupport::HistorySpec;

namespace {

struct Query {
    QString kind;
    QStringList current;
    QString target;
};

// A database state Alembic can be in: the heads of an ancestor-closed set.
QStringList randomState(const RevisionGraph &graph, QRandomGenerator &random)
{
    if (random.bounded(6) == 0)
        return {};
    QList<int> picks;
    const int count = 1 + static_cast<int>(random.bounded(2));
    for (int i = 0; i < count; ++i)
        picks += static_cast<int>(random.bounded(graph.size()));
    std::vector<char> applied(static_cast<std::size_t>(graph.size()), 0);
    for (int pick : picks)
        for (int ancestor : graph.ancestors(pick, true))
            applied[static_cast<std::size_t>(ancestor)] = 1;
    QStringList heads;
    for (int i = 0; i < graph.size(); ++i) {
        if (!applied[static_cast<std::size_t>(i)])
            continue;
        bool covered = false;
        for (int child : graph.node(i).allChildren)
            covered = covered || applied[static_cast<std::size_t>(child)];
        if (!covered)
            heads += graph.node(i).id;
    }
    return heads;
}

QList<Query> queriesFor(const RevisionGraph &graph, quint64 seed)
{
    QRandomGenerator random(static_cast<quint32>(seed));
    QList<Query> queries;
    for (int i = 0; i < 12; ++i) {
        const QStringList current = randomState(graph, random);
        const QString revision = graph.node(static_cast<int>(random.bounded(graph.size()))).id;
        queries += {QStringLiteral("upgrade"), current, revision};
        queries += {QStringLiteral("upgrade"), current, QStringLiteral("heads")};
        queries += {QStringLiteral("downgrade"), current, revision};
        queries += {QStringLiteral("downgrade"), current, QStringLiteral("base")};
        if (!current.isEmpty()) {
            const QString head = current.at(static_cast<int>(random.bounded(current.size())));
            queries += {QStringLiteral("downgrade"), current, head + QStringLiteral("@-1")};
            queries += {QStringLiteral("downgrade"), current, QStringLiteral("-1")};
            queries += {QStringLiteral("downgrade"), current, QStringLiteral("-2")};
            queries += {QStringLiteral("downgrade"), current, revision + QStringLiteral("@-1")};
        }
    }
    return queries;
}

} // namespace

class TestPlanDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plansMatchAlembic();
};

void TestPlanDifferential::plansMatchAlembic()
{
    QTemporaryDir workspace;
    QVERIFY(workspace.isValid());
    workspace.setAutoRemove(qEnvironmentVariableIsEmpty("HEADWAY_KEEP_TEST_FILES"));
    const InterpreterChoice python = InterpreterDiscovery::find(workspace.path(), {QStringLiteral("alembic")});
    QVERIFY2(python.found(), qPrintable(python.explanation({QStringLiteral("alembic")})));

    struct Case {
        QString root;
        QList<Query> queries;
    };
    QList<Case> cases;
    QByteArray requests;
    for (quint64 seed = 1; seed <= 400; ++seed) {
        HistorySpec spec;
        spec.seed = seed;
        spec.revisionCount = 8 + static_cast<int>(seed % 5) * 6;
        spec.branchProbability = 0.25;
        spec.mergeProbability = 0.2;
        spec.extraBases = seed % 4 == 0 ? 1 : 0;
        spec.dependsOnProbability = seed % 3 == 0 ? 0.15 : 0.0;
        spec.branchLabelProbability = seed % 5 == 0 ? 0.2 : 0.0;
        const QString root = workspace.filePath(QStringLiteral("h%1").arg(seed));
        testsupport::writeHistory(root, spec);
        const Repository repository = RepositoryLoader::load(root);
        Case c{root, queriesFor(repository.graph, seed)};
        QJsonArray queries;
        for (const Query &q : std::as_const(c.queries))
            queries.append(QJsonObject{{QStringLiteral("kind"), q.kind},
                                       {QStringLiteral("current"), QJsonArray::fromStringList(q.current)},
                                       {QStringLiteral("target"), q.target}});
        requests += QJsonDocument(QJsonObject{{QStringLiteral("dir"), root}, {QStringLiteral("queries"), queries}})
                        .toJson(QJsonDocument::Compact)
                    + '\n';
        cases += c;
    }

    QProcess oracle;
    oracle.start(python.path, {QStringLiteral(HEADWAY_TESTS_DIR "/oracle/alembic_plan_oracle.py")});
    QVERIFY2(oracle.waitForStarted(), qPrintable(oracle.errorString()));
    oracle.write(requests);
    oracle.closeWriteChannel();
    QVERIFY2(oracle.waitForFinished(300000), "the Alembic plan oracle did not finish within 5 minutes");
    QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    const QList<QByteArray> lines = oracle.readAllStandardOutput().split('\n');

    int compared = 0, refusals = 0, index = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const Case &c = cases.at(index++);
        const QJsonArray answers = QJsonDocument::fromJson(line).object().value(QStringLiteral("answers")).toArray();
        QCOMPARE(answers.size(), c.queries.size());
        const Repository repository = RepositoryLoader::load(c.root);
        const MigrationPlanner planner(repository.graph);
        for (int i = 0; i < c.queries.size(); ++i) {
            const Query &q = c.queries.at(i);
            const QJsonObject alembic = answers.at(i).toObject();
            const MigrationPlan plan = q.kind == QLatin1String("upgrade") ? planner.upgrade(q.current, q.target)
                                                                          : planner.downgrade(q.current, q.target);
            const QString where = QStringLiteral("%1: %2 from [%3] to %4: Alembic %5, Headway %6")
                                      .arg(c.root, q.kind, q.current.join(QLatin1Char(' ')), q.target,
                                           QString::fromUtf8(QJsonDocument(alembic).toJson(QJsonDocument::Compact)),
                                           plan.ok() ? QStringLiteral("ok") : plan.error);
            if (q.target.startsWith(QLatin1Char('-')) && q.current.size() > 1) {
                // Alembic 1.8 warns and steps back whichever head the database lists first
                // (row order is not defined); Headway refuses and names the branches instead.
                QVERIFY2(!plan.ok() && plan.advice.contains(QStringLiteral("@")), qPrintable(where));
                ++refusals;
                continue;
            }
            QVERIFY2(plan.ok() == alembic.value(QStringLiteral("ok")).toBool(), qPrintable(where));
            if (!plan.ok()) {
                ++refusals;
                continue;
            }
            QStringList expected;
            for (const QJsonValue &id : alembic.value(QStringLiteral("revisions")).toArray())
                expected += id.toString();
            QStringList actual;
            for (int revision : plan.revisions)
                actual += repository.graph.node(revision).id;
            QStringList sortedExpected = expected, sortedActual = actual;
            sortedExpected.sort();
            sortedActual.sort();
            QVERIFY2(sortedActual == sortedExpected, qPrintable(where + QStringLiteral(" ran ") + actual.join(QLatin1Char(' '))));
            // Headway's order must be one Alembic could run: parents before children going up.
            for (int a = 0; a < plan.revisions.size(); ++a)
                for (int b = a + 1; b < plan.revisions.size(); ++b) {
                    const bool bBelowA = repository.graph.ancestors(plan.revisions.at(a), true).contains(plan.revisions.at(b));
                    QVERIFY2(q.kind == QLatin1String("upgrade") ? !bBelowA : !repository.graph.ancestors(plan.revisions.at(b), true).contains(plan.revisions.at(a)),
                             qPrintable(where + QStringLiteral(" order")));
                }
            ++compared;
        }
    }
    QCOMPARE(index, cases.size());
    qInfo("%d plans matched Alembic's, %d refusals agreed", compared, refusals);
    QVERIFY(compared > 500);
}

QTEST_GUILESS_MAIN(TestPlanDifferential)
#include "tst_plandifferential.moc"
