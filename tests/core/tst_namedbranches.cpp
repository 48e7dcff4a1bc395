// Named branches kept on purpose (OpenStack's expand/contract, Invenio's one
// branch per package) pass the health check and are never told to merge;
// a named branch with two heads, or a head without a label beside named ones,
// is still several heads. Generated histories are compared with the real
// Alembic: which `<label>@head` targets it accepts, and so which verdict is right.
#include "CliRun.h"
#include "HistoryGenerator.h"
#include "graph/RevisionResolver.h"
#include "plan/MergeRequest.h"
#include "report/HealthCheck.h"
#include "report/JsonReport.h"
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
using testsupport::GeneratedRevision;

namespace {

// A history shaped in the test: trunks from one or more roots, branches off them,
// each branch labelled (or not), some forking again after their label.
struct BranchShape {
    int roots = 1;
    int branches = 2;         // per root
    double labelChance = 1.0; // a branch's first revision declares a label
    double divergeChance = 0.0;
    bool labelRoots = false;  // Invenio: every root declares its package's label
    double dependsChance = 0.0; // a branch revision depends_on another branch's revision
};

class ShapeBuilder
{
public:
    explicit ShapeBuilder(quint64 seed) : m_random(seed) {}

    QList<GeneratedRevision> build(const BranchShape &shape)
    {
        for (int r = 0; r < shape.roots; ++r) {
            int tip = add({}, shape.labelRoots ? QStringLiteral("pkg%1").arg(r) : QString());
            const int trunk = below(3);
            for (int i = 0; i < trunk; ++i)
                tip = add({tip}, {});
            QList<int> trunkRevisions{tip};
            for (int b = 0; b < shape.branches; ++b) {
                // Mostly off the trunk's tip, so the trunk itself leaves no head.
                const int from = chance(0.8) ? tip : trunkRevisions.at(below(trunkRevisions.size()));
                int last = add({from}, chance(shape.labelChance) ? freshLabel() : QString());
                for (int i = below(3); i > 0; --i)
                    last = add({last}, {});
                if (chance(shape.divergeChance)) {
                    add({last}, {});
                    add({last}, {});
                }
                if (m_revisions.size() > 2 && chance(shape.dependsChance))
                    m_revisions[last].dependsOn = {m_revisions.at(below(last)).id};
            }
        }
        return m_revisions;
    }

private:
    int add(const QList<int> &parents, const QString &label)
    {
        GeneratedRevision revision;
        revision.id = QStringLiteral("%1").arg(m_random() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
        for (int parent : parents)
            revision.downRevisions += m_revisions.at(parent).id;
        if (!label.isEmpty())
            revision.branchLabels = {label};
        m_revisions += revision;
        return static_cast<int>(m_revisions.size() - 1);
    }
    QString freshLabel() { return QStringLiteral("branch%1").arg(++m_labels); }
    int below(qsizetype n) { return static_cast<int>(m_random() % static_cast<quint64>(n)); }
    bool chance(double p) { return static_cast<double>(m_random() >> 11) * 0x1.0p-53 < p; }

    std::mt19937_64 m_random;
    QList<GeneratedRevision> m_revisions;
    int m_labels = 0;
};

struct Case {
    QString name;
    BranchShape shape;
    quint64 seed = 0;
};

QList<Case> generatedCases()
{
    QList<Case> cases;
    for (int i = 0; i < 90; ++i) {
        BranchShape shape;
        QString kind;
        switch (i % 5) {
        case 0: // one label per branch: expand / contract
            shape.branches = 2 + i % 3;
            kind = QStringLiteral("labelled");
            break;
        case 1: // a named branch that forked again
            shape.divergeChance = 0.5;
            kind = QStringLiteral("diverged");
            break;
        case 2: // some branches without a label
            shape.labelChance = 0.6;
            kind = QStringLiteral("unlabelled");
            break;
        case 3: // Invenio: labelled roots, cross-package depends_on
            shape.roots = 2 + i % 4;
            shape.branches = i % 2;
            shape.labelRoots = true;
            shape.dependsChance = 0.5;
            kind = QStringLiteral("packages");
            break;
        default: // everything at once
            shape.roots = 1 + i % 3;
            shape.labelChance = 0.8;
            shape.divergeChance = 0.2;
            shape.labelRoots = i % 2 == 0;
            shape.dependsChance = 0.3;
            kind = QStringLiteral("mixed");
        }
        cases += Case{QStringLiteral("%1-%2").arg(kind).arg(i, 2, 10, QLatin1Char('0')), shape, 7000 + static_cast<quint64>(i)};
    }
    return cases;
}

QStringList strings(const QJsonValue &value)
{
    return test::jsonStrings(value);
}

QStringList ids(const RevisionGraph &graph, const QList<int> &nodes)
{
    QStringList list;
    for (int node : nodes)
        list += graph.node(node).id;
    return list;
}

bool hasDiagnostic(const Repository &repository, const QString &code)
{
    return std::any_of(repository.diagnostics.cbegin(), repository.diagnostics.cend(),
                       [&](const Diagnostic &d) { return d.code == code; });
}

using Run = test::CliRun;

// No terminal: nobody can confirm a merge across named branches.
Run runCli(const QStringList &arguments)
{
    test::CliOptions options;
    options.noTerminal = true;
    return test::runCli(arguments, options);
}

} // namespace

class TestNamedBranches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdictMatchesAlembicsLabelHeads_data();
    void verdictMatchesAlembicsLabelHeads();
    void expandContractPassesCheck();
    void divergedBranchIsNamed();
    void unlabelledHeadBesideNamedBranches();
    void mergeWarnsAcrossBranches();
    void fixLeavesNamedBranchesAlone();
    void fixMergesOnlyTheDivergedBranch();

private:
    QString writeShape(const QString &name, const QList<GeneratedRevision> &revisions);
    QString expandContract(const QString &name, bool divergeContract);

    QTemporaryDir m_workspace;
    QHash<QString, QJsonObject> m_oracle;
};

QString TestNamedBranches::writeShape(const QString &name, const QList<GeneratedRevision> &revisions)
{
    testsupport::HistorySpec spec;
    spec.seed = qHash(name);
    const QString root = m_workspace.filePath(name);
    testsupport::writeRevisions(root, spec, revisions);
    return root;
}

// base -> kilo, then expand -> e1 and contract -> c1 (and c2 beside c1 when diverged).
QString TestNamedBranches::expandContract(const QString &name, bool divergeContract)
{
    auto revision = [](const QString &id, const QStringList &downs, const QStringList &labels = {}) {
        GeneratedRevision r;
        r.id = id;
        r.downRevisions = downs;
        r.branchLabels = labels;
        return r;
    };
    QList<GeneratedRevision> revisions{revision("0a1b2c3d4e5f", {}), revision("1f2e3d4c5b6a", {"0a1b2c3d4e5f"}),
                                       revision("5c85685d616d", {"1f2e3d4c5b6a"}, {"expand"}),
                                       revision("a1b2c3d4e5f6", {"1f2e3d4c5b6a"}, {"contract"}),
                                       revision("e0e0e0e0e0e1", {"5c85685d616d"}),
                                       revision("c0c0c0c0c0c1", {"a1b2c3d4e5f6"})};
    if (divergeContract)
        revisions += revision("c0c0c0c0c0c2", {"a1b2c3d4e5f6"});
    return writeShape(name, revisions);
}

void TestNamedBranches::initTestCase()
{
    QVERIFY(m_workspace.isValid());
    m_workspace.setAutoRemove(qEnvironmentVariableIsEmpty("HEADWAY_KEEP_TEST_FILES"));
    QVERIFY2(QFileInfo(qEnvironmentVariable("HEADWAY_CLI")).isExecutable(), "HEADWAY_CLI must name the built headway-cli");
    const InterpreterChoice python = InterpreterDiscovery::find(m_workspace.path(), {QStringLiteral("alembic")});
    QVERIFY2(python.found(), qPrintable(python.explanation({QStringLiteral("alembic")})));

    QStringList directories;
    for (const Case &c : generatedCases())
        directories += writeShape(c.name, ShapeBuilder(c.seed).build(c.shape));
    QProcess oracle;
    oracle.start(python.path, {QStringLiteral(HEADWAY_TESTS_DIR "/oracle/alembic_oracle.py"), QStringLiteral("--stdin"),
                               QStringLiteral("--timeout"), QStringLiteral("20")});
    QVERIFY2(oracle.waitForStarted(), qPrintable(oracle.errorString()));
    oracle.write(directories.join(QLatin1Char('\n')).toUtf8() + '\n');
    oracle.closeWriteChannel();
    QVERIFY2(oracle.waitForFinished(600000), "the Alembic oracle did not finish within 10 minutes");
    QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    for (const QByteArray &line : oracle.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject answer = QJsonDocument::fromJson(line).object();
        m_oracle.insert(QFileInfo(answer.value(QStringLiteral("dir")).toString()).fileName(), answer);
    }
    QCOMPARE(m_oracle.size(), generatedCases().size());
}

void TestNamedBranches::verdictMatchesAlembicsLabelHeads_data()
{
    QTest::addColumn<QString>("name");
    for (const Case &c : generatedCases())
        QTest::newRow(qPrintable(c.name)) << c.name;
}

void TestNamedBranches::verdictMatchesAlembicsLabelHeads()
{
    QFETCH(QString, name);
    const QJsonObject alembic = m_oracle.value(name);
    QVERIFY2(alembic.value(QStringLiteral("ok")).toBool(), qPrintable(alembic.value(QStringLiteral("error")).toString()));
    const Repository repository = RepositoryLoader::load(m_workspace.filePath(name));
    const RevisionGraph &graph = repository.graph;
    QCOMPARE(ids(graph, graph.heads()), strings(alembic.value(QStringLiteral("heads"))));

    // Every label: Alembic's `<label>@head` and Headway's agree, and so do the named branches.
    const QJsonObject labelHeads = alembic.value(QStringLiteral("label_heads")).toObject();
    const RevisionResolver resolver(graph);
    QHash<QString, QStringList> headwayBranches;
    for (const NamedBranch &branch : graph.namedBranches().branches())
        headwayBranches.insert(branch.label, branch.headIds);
    for (auto it = labelHeads.constBegin(); it != labelHeads.constEnd(); ++it) {
        const QJsonObject expected = it.value().toObject();
        const Resolution resolution = resolver.resolve(it.key() + QStringLiteral("@head"));
        const bool alembicAccepts = expected.value(QStringLiteral("ok")).toBool();
        QVERIFY2(resolution.ok() == alembicAccepts,
                 qPrintable(QStringLiteral("%1@head: Alembic %2, Headway %3").arg(it.key(),
                            alembicAccepts ? QStringLiteral("accepts it") : expected.value(QStringLiteral("error")).toString(),
                            resolution.ok() ? QStringLiteral("accepts it") : resolution.error)));
        if (alembicAccepts) {
            QCOMPARE(ids(graph, resolution.revisions), strings(expected.value(QStringLiteral("heads"))));
            QCOMPARE(headwayBranches.value(it.key()), strings(expected.value(QStringLiteral("heads"))));
        } else {
            QCOMPARE(expected.value(QStringLiteral("error_type")).toString(), QStringLiteral("MultipleHeads"));
            QVERIFY2(headwayBranches.value(it.key()).size() > 1, qPrintable(it.key() + QStringLiteral(" should have diverged")));
        }
    }

    // The verdict Alembic's answers call for: by design when every head has a label
    // of its own that `<label>@head` names, else several heads to merge.
    const QJsonObject revisions = alembic.value(QStringLiteral("revisions")).toObject();
    const QStringList heads = strings(alembic.value(QStringLiteral("heads")));
    bool byDesign = heads.size() > 1;
    for (const QString &head : heads) {
        const QStringList labels = strings(revisions.value(head).toObject().value(QStringLiteral("branch_labels")));
        byDesign = byDesign && !labels.isEmpty();
        for (const QString &label : labels)
            byDesign = byDesign && labelHeads.value(label).toObject().value(QStringLiteral("ok")).toBool();
    }
    const HealthVerdict verdict = assessHealth(repository);
    const HealthVerdict::Status expected = heads.size() > 1 && !byDesign ? HealthVerdict::Status::MultipleHeads
                                                                         : HealthVerdict::Status::Healthy;
    QVERIFY2(verdict.status == expected, qPrintable(name + QStringLiteral(": ") + verdict.summary));
    QCOMPARE(graph.namedBranches().byDesign(), byDesign);
    QCOMPARE(hasDiagnostic(repository, QStringLiteral("named-branches")), byDesign);
    QCOMPARE(hasDiagnostic(repository, QStringLiteral("multiple-heads")), heads.size() > 1 && !byDesign);
    qInfo("%s: %lld heads, %s", qPrintable(name), static_cast<long long>(heads.size()),
          byDesign ? "named branches by design" : heads.size() > 1 ? "heads to merge" : "one head");
    if (byDesign)
        QVERIFY(MergeRequest::suggestedHeads(repository).isEmpty());
}

void TestNamedBranches::expandContractPassesCheck()
{
    const QString root = expandContract(QStringLiteral("expand-contract"), false);
    const Run check = runCli({QStringLiteral("check"), root});
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    QVERIFY2(check.out.contains(QStringLiteral("2 named branches: ")) && check.out.contains(QStringLiteral("expand \u2192 e0e0e0e0e0e1"))
                 && check.out.contains(QStringLiteral("contract \u2192 c0c0c0c0c0c1")),
             qPrintable(check.out));
    QVERIFY2(!check.out.contains(QStringLiteral("merge migration"), Qt::CaseInsensitive), qPrintable(check.out));

    const QJsonObject json = runCli({QStringLiteral("check"), QStringLiteral("--json"), root}).json();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(json.value(QStringLiteral("exit_code")).toInt(), 0);
    const QJsonObject named = json.value(QStringLiteral("named_branches")).toObject();
    QCOMPARE(strings(named.value(QStringLiteral("expand"))), QStringList{QStringLiteral("e0e0e0e0e0e1")});
    QCOMPARE(strings(named.value(QStringLiteral("contract"))), QStringList{QStringLiteral("c0c0c0c0c0c1")});
    for (const QStringList &arguments : {QStringList{QStringLiteral("heads"), QStringLiteral("--json"), root},
                                         QStringList{QStringLiteral("graph"), QStringLiteral("--format"), QStringLiteral("json"), root}}) {
        const QJsonObject other = runCli(arguments).json();
        QVERIFY2(other.value(QStringLiteral("named_branches")).toObject() == named, qPrintable(arguments.first()));
    }
    const Repository repository = RepositoryLoader::load(root);
    QVERIFY(MergeRequest::suggestedHeads(repository).isEmpty());
    QVERIFY2(assessHealth(repository).summary.contains(QStringLiteral("expand \u2192 e0e0e0e0e0e1")),
             qPrintable(assessHealth(repository).summary));
}

void TestNamedBranches::divergedBranchIsNamed()
{
    const QString root = expandContract(QStringLiteral("diverged"), true);
    const Run check = runCli({QStringLiteral("check"), root});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains(QStringLiteral("branch contract has 2 heads")), qPrintable(check.out));
    const QJsonObject json = runCli({QStringLiteral("check"), QStringLiteral("--json"), root}).json();
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("multiple-heads"));
    QCOMPARE(strings(json.value(QStringLiteral("named_branches")).toObject().value(QStringLiteral("contract"))),
             (QStringList{QStringLiteral("c0c0c0c0c0c1"), QStringLiteral("c0c0c0c0c0c2")}));
    const Repository repository = RepositoryLoader::load(root);
    QCOMPARE(ids(repository.graph, MergeRequest::suggestedHeads(repository)),
             (QStringList{QStringLiteral("c0c0c0c0c0c1"), QStringLiteral("c0c0c0c0c0c2")}));
}

void TestNamedBranches::unlabelledHeadBesideNamedBranches()
{
    GeneratedRevision base, expand, contract, loose;
    base.id = QStringLiteral("b0b0b0b0b0b0");
    expand.id = QStringLiteral("e1e1e1e1e1e1");
    expand.downRevisions = {base.id};
    expand.branchLabels = {QStringLiteral("expand")};
    contract.id = QStringLiteral("c1c1c1c1c1c1");
    contract.downRevisions = {base.id};
    contract.branchLabels = {QStringLiteral("contract")};
    loose.id = QStringLiteral("f1f1f1f1f1f1");
    loose.downRevisions = {base.id};
    const QString root = writeShape(QStringLiteral("unlabelled"), {base, expand, contract, loose});
    const Run check = runCli({QStringLiteral("check"), root});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains(QStringLiteral("f1f1f1f1f1f1 has no branch label")), qPrintable(check.out));
    const Repository repository = RepositoryLoader::load(root);
    QVERIFY(MergeRequest::suggestedHeads(repository).isEmpty()); // only the user knows where it belongs
    const Run fix = runCli({QStringLiteral("fix"), root});
    QCOMPARE(fix.exitCode, 1);
    QVERIFY2(fix.err.contains(QStringLiteral("without a branch label")), qPrintable(fix.err));
}

void TestNamedBranches::mergeWarnsAcrossBranches()
{
    const QString root = expandContract(QStringLiteral("merge-across"), true);
    const Repository repository = RepositoryLoader::load(root);
    const RevisionGraph &graph = repository.graph;
    const int expand = graph.indexOf(QStringLiteral("e0e0e0e0e0e1"));
    const int c1 = graph.indexOf(QStringLiteral("c0c0c0c0c0c1"));
    const int c2 = graph.indexOf(QStringLiteral("c0c0c0c0c0c2"));
    QVERIFY(MergeRequest::acrossBranchesWarning(repository, {c1, c2}).isEmpty());
    const QString warning = MergeRequest::acrossBranchesWarning(repository, {expand, c1});
    QVERIFY2(warning.contains(QStringLiteral("e0e0e0e0e0e1 on expand")) && warning.contains(QStringLiteral("c0c0c0c0c0c1 on contract")),
             qPrintable(warning));

    // headway-cli asks first; without a terminal nothing is confirmed and no file is written.
    const int filesBefore = static_cast<int>(repository.files.size());
    const Run merge = runCli({QStringLiteral("merge"), QStringLiteral("e0e0e0e0e0e1"), QStringLiteral("c0c0c0c0c0c1"), root,
                              QStringLiteral("-m"), QStringLiteral("join expand and contract")});
    QVERIFY2(merge.exitCode != 0, qPrintable(merge.out + merge.err));
    QVERIFY2(merge.err.contains(QStringLiteral("different named branches")), qPrintable(merge.err));
    QCOMPARE(static_cast<int>(RepositoryLoader::load(root).files.size()), filesBefore);
}

void TestNamedBranches::fixLeavesNamedBranchesAlone()
{
    const QString root = expandContract(QStringLiteral("fix-named"), false);
    const Run fix = runCli({QStringLiteral("fix"), QStringLiteral("--json"), root});
    QCOMPARE(fix.exitCode, 0);
    QCOMPARE(fix.json().value(QStringLiteral("status")).toString(), QStringLiteral("named-branches"));
    QCOMPARE(RepositoryLoader::load(root).graph.heads().size(), 2);
}

void TestNamedBranches::fixMergesOnlyTheDivergedBranch()
{
    // The real alembic writes the merge; only contract's two heads are joined.
    const QString root = expandContract(QStringLiteral("fix-diverged"), true);
    const Run fix = runCli({QStringLiteral("fix"), QStringLiteral("--json"), root});
    QVERIFY2(fix.exitCode == 0, qPrintable(fix.out + fix.err));
    const QJsonObject json = fix.json();
    QCOMPARE(strings(json.value(QStringLiteral("heads_before"))),
             (QStringList{QStringLiteral("c0c0c0c0c0c1"), QStringLiteral("c0c0c0c0c0c2")}));
    const Repository after = RepositoryLoader::load(root);
    QCOMPARE(after.graph.heads().size(), 2);
    QVERIFY(after.graph.namedBranches().byDesign());
    QCOMPARE(assessHealth(after).exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestNamedBranches)
#include "tst_namedbranches.moc"
