// The conflict finder on histories written for each collision it names
// (created twice, created and dropped, dropped twice, dropped or renamed while
// used, altered twice), on independent branches that must raise nothing,
// three heads, an audit of past merges, suppression comments and the
// per-migration warnings; then headway-cli conflicts' exit codes and formats
// (JSON fields, GitHub commands, JUnit parsed back as XML, SARIF's required
// fields) on the bundled demo.
#include "CiReports.h"
#include "CliRun.h"
#include "TestFiles.h"
#include "conflicts/ConflictFinder.h"
#include "operations/RepositoryOperations.h"
#include "repository/RepositoryLoader.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace headway;

namespace {

struct Revision {
    QString id;
    QString down; // "" base, "a" or "('a', 'b')"
    QByteArray upgrade = "    pass\n";
    QByteArray downgrade = "    pass\n";
};

QByteArray file(const Revision &revision)
{
    QByteArray text = test::migration(revision.id, revision.down, QStringLiteral("change ") + revision.id);
    text.replace("def upgrade():\n    pass\n", QByteArray(QByteArray("def upgrade():\n") + revision.upgrade));
    text.replace("def downgrade():\n    pass\n", QByteArray(QByteArray("def downgrade():\n") + revision.downgrade));
    return text;
}

QString writeRepository(const QTemporaryDir &dir, const QList<Revision> &revisions)
{
    const QString root = dir.path();
    test::writeFile(root + "/alembic.ini", "[alembic]\nscript_location = migrations\n");
    for (const Revision &revision : revisions)
        test::writeFile(root + "/migrations/versions/" + revision.id + "_change.py", file(revision));
    return root;
}

// The common shape: a base creating `users` and `posts`, then one revision per branch.
QList<Revision> twoBranches(const QByteArray &fork, const QByteArray &upstream)
{
    return {{"base", "",
             "    op.create_table('users', sa.Column('id', sa.Integer(), nullable=False), sa.Column('email', sa.String(80)))\n"
             "    op.create_table('posts', sa.Column('id', sa.Integer(), nullable=False), sa.Column('title', sa.String(80)))\n",
             "    op.drop_table('posts')\n    op.drop_table('users')\n"},
            {"fork", "base", fork, "    pass\n"},
            {"upstream", "base", upstream, "    pass\n"}};
}

struct Checked {
    Repository repository;
    ConflictReport report;
};

Checked check(const QList<Revision> &revisions)
{
    QTemporaryDir dir;
    const QString root = writeRepository(dir, revisions);
    Repository repository = RepositoryLoader::load(root);
    const RepositoryOperations operations = RepositoryOperations::read(repository);
    ConflictReport report = ConflictFinder(repository, operations).check();
    return {std::move(repository), std::move(report)};
}

QStringList collisionCodes(const ConflictReport &report)
{
    QStringList codes;
    for (const ConflictFinding &finding : report.findings)
        if (finding.collision)
            codes += finding.code;
    codes.sort();
    return codes;
}

} // namespace

class TestConflictFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collisions_data();
    void collisions();
    void findingNamesBothPlaces();
    void oneBranchAfterAnotherIsNoCollision();
    void threeHeads();
    void auditsPastMerges();
    void ignoreCommentSilences();
    void hygieneWarnings();
    void cliExitCodesAndFormats();
    void cliBrokenGraph();
};

void TestConflictFinder::collisions_data()
{
    QTest::addColumn<QByteArray>("fork");
    QTest::addColumn<QByteArray>("upstream");
    QTest::addColumn<QStringList>("expected");
    const QByteArray addPrefs = "    op.add_column('users', sa.Column('prefs', sa.JSON(), nullable=True))\n";
    QTest::newRow("same table") << QByteArray("    op.create_table('tags', sa.Column('id', sa.Integer()))\n")
                                << QByteArray("    op.create_table('tags', sa.Column('id', sa.Integer()), sa.Column('name', sa.String()))\n")
                                << QStringList{"duplicate-table"};
    QTest::newRow("same column") << addPrefs << addPrefs << QStringList{"duplicate-column"};
    QTest::newRow("same index, op.f and keywords")
        << QByteArray("    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=False)\n")
        << QByteArray("    op.create_index(index_name='ix_users_email', table_name='users', columns=['email'])\n")
        << QStringList{"duplicate-index"};
    QTest::newRow("same check constraint")
        << QByteArray("    op.create_check_constraint('ck_users_email_lower', 'users', 'email = lower(email)')\n")
        << QByteArray("    op.create_check_constraint('ck_users_email_lower', 'users', sa.text('lower(email) = email'))\n")
        << QStringList{"duplicate-constraint"};
    QTest::newRow("same unnamed unique in batch mode")
        << QByteArray("    with op.batch_alter_table('users', schema=None) as batch_op:\n        batch_op.create_unique_constraint(None, ['email'])\n")
        << QByteArray("    op.create_unique_constraint(None, 'users', ['email'])\n")
        << QStringList{"duplicate-constraint"};
    QTest::newRow("table dropped while the other adds a column")
        << QByteArray("    op.drop_table('posts')\n")
        << QByteArray("    op.add_column('posts', sa.Column('slug', sa.String(200)))\n")
        << QStringList{"dropped-while-used"};
    QTest::newRow("column dropped while the other indexes it")
        << QByteArray("    op.drop_column('users', 'email')\n")
        << QByteArray("    op.create_index('ix_users_email', 'users', ['email'])\n")
        << QStringList{"dropped-while-used"};
    QTest::newRow("dropped on both") << QByteArray("    op.drop_column('users', 'email')\n")
                                     << QByteArray("    op.drop_column('users', 'email')\n") << QStringList{"dropped-twice"};
    QTest::newRow("table renamed while the other adds a column")
        << QByteArray("    op.rename_table('posts', 'articles')\n") << QByteArray(addPrefs).replace("users", "posts")
        << QStringList{"renamed-while-used"};
    QTest::newRow("column altered on both")
        << QByteArray("    op.alter_column('users', 'email', existing_type=sa.String(80), type_=sa.String(255))\n")
        << QByteArray("    with op.batch_alter_table('users') as batch_op:\n        batch_op.alter_column('email', nullable=False)\n")
        << QStringList{"altered-twice"};
    QTest::newRow("created on one, dropped on the other")
        << QByteArray("    op.create_index('ix_users_email', 'users', ['email'])\n")
        << QByteArray("    op.drop_index('ix_users_email', table_name='users')\n") << QStringList{"created-and-dropped"};
    // No false alarms: what differs by name, or only reads, does not collide.
    QTest::newRow("different columns on one table")
        << QByteArray("    op.add_column('users', sa.Column('prefs', sa.JSON()))\n    op.create_index('ix_users_prefs', 'users', ['prefs'])\n")
        << QByteArray("    op.add_column('users', sa.Column('timezone', sa.String(40)))\n    op.create_index('ix_users_timezone', 'users', ['timezone'])\n")
        << QStringList{};
    QTest::newRow("same column name on different tables")
        << QByteArray("    op.add_column('users', sa.Column('slug', sa.String()))\n")
        << QByteArray("    op.add_column('posts', sa.Column('slug', sa.String()))\n") << QStringList{};
    QTest::newRow("same index name in different schemas")
        << QByteArray("    op.create_index('ix_email', 'users', ['email'], schema='tenant_a')\n")
        << QByteArray("    op.create_index('ix_email', 'users', ['email'], schema='tenant_b')\n") << QStringList{};
    QTest::newRow("both only insert rows")
        << QByteArray("    op.bulk_insert(sa.table('users', sa.column('email')), [{'email': 'a'}])\n")
        << QByteArray("    op.bulk_insert(sa.table('users', sa.column('email')), [{'email': 'b'}])\n") << QStringList{};
    QTest::newRow("raw SQL on both is not guessed")
        << QByteArray("    op.execute('CREATE INDEX ix_x ON users (email)')\n")
        << QByteArray("    op.execute('CREATE INDEX ix_x ON users (email)')\n") << QStringList{};
}

void TestConflictFinder::collisions()
{
    QFETCH(QByteArray, fork);
    QFETCH(QByteArray, upstream);
    QFETCH(QStringList, expected);
    const Checked checked = check(twoBranches(fork, upstream));
    QCOMPARE(checked.report.heads.size(), 2);
    QCOMPARE(collisionCodes(checked.report), expected);
    QCOMPARE(checked.report.collides(), !expected.isEmpty());
    for (const ConflictFinding &finding : checked.report.findings)
        if (finding.collision) {
            QCOMPARE(finding.revisions.size(), 2);
            QVERIFY(!finding.message.isEmpty() && !finding.fix.isEmpty());
        }
}

void TestConflictFinder::findingNamesBothPlaces()
{
    const Checked checked = check(twoBranches("    op.add_column('users', sa.Column('prefs', sa.JSON()))\n"
                                              "    op.create_check_constraint('ck_users_email_lower', 'users', 'email = lower(email)')\n",
                                              "    op.create_check_constraint(\n        'ck_users_email_lower',\n"
                                              "        'users', 'lower(email) = email')\n"));
    QCOMPARE(collisionCodes(checked.report), QStringList{"duplicate-constraint"});
    const ConflictFinding &finding = checked.report.findings.first(); // collisions come first
    QCOMPARE(finding.code, QStringLiteral("duplicate-constraint"));
    QCOMPARE(finding.object.name, QStringLiteral("ck_users_email_lower"));
    QCOMPARE(finding.object.table, QStringLiteral("users"));
    QCOMPARE(finding.locations.size(), 2);
    // Both files and the call's first line; the fix names the call to remove.
    const QStringList paths{finding.locations.at(0).path, finding.locations.at(1).path};
    QVERIFY(paths.contains(QStringLiteral("migrations/versions/fork_change.py")));
    QVERIFY(paths.contains(QStringLiteral("migrations/versions/upstream_change.py")));
    for (const FindingLocation &location : finding.locations) {
        const int expectedLine = location.revision == QLatin1String("fork") ? 17 : 16;
        QCOMPARE(location.line, expectedLine);
    }
    QVERIFY2(finding.fix.contains(QStringLiteral("create_check_constraint('ck_users_email_lower'")), qPrintable(finding.fix));
    QCOMPARE(checked.report.branches.size(), 2);
    QCOMPARE(checked.report.branches.at(0).operations.size() + checked.report.branches.at(1).operations.size(), 3);
}

void TestConflictFinder::oneBranchAfterAnotherIsNoCollision()
{
    // fork creates the index, fork2 (after it) drops and re-creates it: one line of history, no collision.
    QList<Revision> revisions = twoBranches("    op.create_index('ix_users_email', 'users', ['email'])\n",
                                            "    op.add_column('posts', sa.Column('slug', sa.String()))\n");
    revisions.append(Revision{"fork2", "fork", "    op.drop_index('ix_users_email', table_name='users')\n"
                                   "    op.create_index('ix_users_email', 'users', ['email'], unique=True)\n"});
    const Checked checked = check(revisions);
    QCOMPARE(collisionCodes(checked.report), QStringList{});
    QCOMPARE(checked.report.branches.size(), 2);
}

void TestConflictFinder::threeHeads()
{
    QList<Revision> revisions = twoBranches("    op.add_column('users', sa.Column('a', sa.String()))\n",
                                            "    op.add_column('users', sa.Column('b', sa.String()))\n");
    revisions.append(Revision{"third", "base", "    op.add_column('users', sa.Column('a', sa.String()))\n"});
    const Checked checked = check(revisions);
    QCOMPARE(checked.report.heads.size(), 3);
    QCOMPARE(collisionCodes(checked.report), QStringList{"duplicate-column"});
    QCOMPARE(checked.report.findings.first().revisions.size(), 2);
}

void TestConflictFinder::auditsPastMerges()
{
    // Merged long ago (one head now): the audit still finds the collision, at that merge.
    QList<Revision> revisions = twoBranches("    op.create_index('ix_users_email', 'users', ['email'])\n",
                                            "    op.create_index('ix_users_email', 'users', ['email'])\n");
    revisions.append(Revision{"merge1", "('fork', 'upstream')"});
    revisions.append(Revision{"later", "merge1", "    op.add_column('users', sa.Column('c', sa.String()))\n"});
    revisions.append(Revision{"side", "merge1", "    op.add_column('users', sa.Column('d', sa.String()))\n"});
    revisions.append(Revision{"merge2", "('later', 'side')"});
    const Checked checked = check(revisions);
    QVERIFY(checked.report.audit);
    QCOMPARE(checked.report.merges, (QStringList{"merge1", "merge2"}));
    QCOMPARE(collisionCodes(checked.report), QStringList{"duplicate-index"});
    QCOMPARE(checked.report.findings.first().merge, QStringLiteral("merge1"));
    // Only the merge that collides lists its branches, with the revisions involved.
    QCOMPARE(checked.report.branches.size(), 2);
    for (const BranchReport &branch : checked.report.branches) {
        QCOMPARE(branch.merge, QStringLiteral("merge1"));
        QCOMPARE(branch.operations.size(), 1);
    }
}

void TestConflictFinder::ignoreCommentSilences()
{
    const Checked checked = check(twoBranches(
        "    op.create_index('ix_users_email', 'users', ['email'])  # headway: ignore[duplicate-index]\n",
        "    op.create_index('ix_users_email', 'users', ['email'])\n    op.add_column('users', sa.Column('a', sa.String()))\n"
        "    op.add_column('users', sa.Column('a', sa.String()))  # headway: ignore[destructive]\n"));
    // The named code is silenced; another code on another line is not.
    QCOMPARE(checked.report.silenced.size(), 1);
    QCOMPARE(checked.report.silenced.first().code, QStringLiteral("duplicate-index"));
    QVERIFY(!checked.report.collides());
    const Checked wrongCode = check(twoBranches(
        "    op.create_index('ix_users_email', 'users', ['email'])  # headway: ignore[duplicate-table]\n",
        "    op.create_index('ix_users_email', 'users', ['email'])\n"));
    QCOMPARE(collisionCodes(wrongCode.report), QStringList{"duplicate-index"});
    QCOMPARE(wrongCode.report.silenced.size(), 0);
}

void TestConflictFinder::hygieneWarnings()
{
    QList<Revision> revisions = twoBranches("    op.drop_column('posts', 'title')\n",
                                            "    op.add_column('users', sa.Column('prefs', sa.JSON()))\n"
                                            "    op.create_index('ix_users_prefs', 'users', ['prefs'])\n");
    revisions[2].downgrade = "    op.drop_index('ix_users_prefs', table_name='users')\n"; // forgets the column
    revisions.append(Revision{"opaque", "base", "    op.add_column('users', sa.Column('z', sa.String()))\n",
                  "    op.execute('ALTER TABLE users DROP COLUMN z')\n"}); // raw SQL: not judged
    const Checked checked = check(revisions);
    QStringList warnings;
    for (const ConflictFinding &finding : checked.report.findings)
        if (!finding.collision)
            warnings += finding.code + QLatin1Char(' ') + finding.revisions.join(QLatin1Char(','));
    warnings.sort();
    QCOMPARE(warnings, (QStringList{"destructive fork", "downgrade-incomplete upstream"}));
    for (const ConflictFinding &finding : checked.report.findings)
        if (finding.code == QLatin1String("downgrade-incomplete"))
            QVERIFY2(finding.message.contains(QStringLiteral("column users.prefs")), qPrintable(finding.message));
    QVERIFY(!checked.report.collides()); // warnings alone do not set the exit code
    QCOMPARE(checked.report.notAnalysed.size(), 0); // raw SQL in downgrade() is not on the upgrade path
}

void TestConflictFinder::cliExitCodesAndFormats()
{
    const QString demo = QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo");
    const test::CliRun text = test::runCli({"conflicts", demo});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains(QStringLiteral("[duplicate-index]")), qPrintable(text.out));

    const test::CliRun json = test::runCli({"conflicts", "--json", demo});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject report = json.json();
    const QJsonArray findings = report.value("findings").toArray();
    QCOMPARE(findings.size(), 1);
    const QJsonObject finding = findings.first().toObject();
    for (const char *field : {"code", "severity", "object", "revisions", "locations", "message", "fix"})
        QVERIFY2(finding.contains(QLatin1String(field)), field);
    QCOMPARE(finding.value("object").toObject().value("kind").toString(), QStringLiteral("index"));
    QCOMPARE(finding.value("object").toObject().value("name").toString(), QStringLiteral("ix_user_email"));
    QCOMPARE(test::jsonStrings(finding.value("revisions")), (QStringList{"b3a83eea3022", "dd710196dcb0"}));
    for (const QJsonValue &location : finding.value("locations").toArray())
        QVERIFY(location.toObject().value("line").toInt() > 0 && location.toObject().value("path").toString().endsWith(".py"));
    QCOMPARE(report.value("branches").toArray().size(), 2);
    QVERIFY(report.value("not_analysed").isArray());

    // Naming the heads gives the same answer; one revision alone is a usage mistake.
    QCOMPARE(test::runCli({"conflicts", "b3a83eea3022", "dd710196dcb0", demo, "--json"}).json().value("findings"),
             report.value("findings"));
    QCOMPARE(test::runCli({"conflicts", "b3a83eea3022", demo}).exitCode, 2);

    const test::CliRun github = test::runCli({"conflicts", "--format", "github", demo});
    QCOMPARE(github.exitCode, 1);
    QVERIFY2(!github.out.contains("\nFix: "), "a newline in the message is escaped, never raw");
    const test::GithubAnnotations commands = test::readGithub(github.out);
    QVERIFY2(commands.problem.isEmpty(), qPrintable(commands.problem));
    QCOMPARE(commands.annotations.size(), 1);
    const test::GithubAnnotation &command = commands.annotations.first();
    QCOMPARE(command.command, QStringLiteral("error"));
    QVERIFY2(command.file.startsWith("migrations/versions/") && command.line > 0, qPrintable(github.out));
    QVERIFY(command.title.startsWith("duplicate-index: "));
    QVERIFY(command.message.contains("\nFix: "));

    const test::JunitReport junit = test::readJunit(test::runCli({"conflicts", "--format", "junit", demo}).out);
    QVERIFY2(junit.error.isEmpty(), qPrintable(junit.error));
    QVERIFY(junit.cases.size() >= 10);
    QCOMPARE(junit.failures(), 1);
    for (const test::JunitCase &testCase : junit.cases)
        if (testCase.failed)
            QVERIFY(testCase.file.endsWith(".py") && testCase.line > 0);

    const test::SarifLog sarif = test::readSarif(test::runCli({"conflicts", "--format", "sarif", demo}).out);
    QCOMPARE(sarif.version, QStringLiteral("2.1.0"));
    QCOMPARE(sarif.driver, QStringLiteral("Headway"));
    QCOMPARE(sarif.results.size(), 1);
    const test::SarifResult &result = sarif.results.first();
    QCOMPARE(result.ruleId, QStringLiteral("duplicate-index"));
    QCOMPARE(sarif.ruleIds.value(result.ruleIndex), QStringLiteral("duplicate-index"));
    QVERIFY(!result.text.isEmpty());
    QVERIFY(result.uri.endsWith(".py"));
    QVERIFY(result.startLine > 0);

    QCOMPARE(test::runCli({"conflicts", "--format", "yaml", demo}).exitCode, 64);
}

void TestConflictFinder::cliBrokenGraph()
{
    QTemporaryDir dir;
    const QString root = writeRepository(dir, {{"a", ""}, {"b", "missing"}});
    QCOMPARE(test::runCli({"conflicts", root}).exitCode, 2);
    QTemporaryDir independent;
    const QString clean = writeRepository(independent, twoBranches("    op.add_column('users', sa.Column('a', sa.String()))\n",
                                                                   "    op.add_column('users', sa.Column('b', sa.String()))\n"));
    const test::CliRun run = test::runCli({"conflicts", clean});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("No collisions")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestConflictFinder)
#include "tst_conflictfinder.moc"
