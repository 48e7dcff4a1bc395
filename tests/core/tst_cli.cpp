// headway-cli as scripts and CI pipelines use it: output like Alembic's, the
// documented exit codes and JSON fields, and bad input that never crashes or
// hangs it. Runs the real binary on the bundled demo and on repositories made here.
#include "ModuleFixtures.h"
#include "CiReports.h"
#include "CliRun.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace headway;
using test::migration;
using test::writeFile;

namespace {

using Run = test::CliRun;

Run runCli(const QStringList &arguments, const QString &workingDirectory = {},
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return test::runCli(arguments, {workingDirectory, environment, 60000});
}

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("HEADWAY_CLI")).isExecutable(), "HEADWAY_CLI must name the built headway-cli");
        QVERIFY(m_dir.isValid());
        m_demo = QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo");
    }

    void headsOfTheDemoLikeAlembic()
    {
        const Run run = runCli({"heads", m_demo});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        static const QRegularExpression head("^[0-9a-f]{12} \\(head\\)$");
        for (const QString &line : lines)
            QVERIFY2(head.match(line).hasMatch(), qPrintable(line));
    }

    void historyOfTheDemoLikeAlembic()
    {
        const Run run = runCli({"history", m_demo});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.last().startsWith("<base> -> "));
        QVERIFY(lines.last().endsWith(", create user table"));
        QVERIFY(lines.at(2).contains("(branchpoint)"));
    }

    void checkExitCodes()
    {
        QCOMPARE(runCli({"check", m_demo}).exitCode, 1);

        const QString healthy = m_dir.filePath("healthy");
        writeFile(healthy + "/versions/a_x.py", migration("aaaa", ""));
        writeFile(healthy + "/versions/b_x.py", migration("bbbb", "aaaa"));
        const Run ok = runCli({"check", healthy});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.contains("OK: one head (bbbb)"));

        const QString broken = m_dir.filePath("broken");
        writeFile(broken + "/versions/a_x.py", migration("aaaa", ""));
        writeFile(broken + "/versions/b_x.py", migration("bbbb", "gone"));
        const Run bad = runCli({"check", broken});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.out.contains("versions/b_x.py:12: error [missing-revision]: Can't locate revision identified by 'gone'"),
                 qPrintable(bad.out));
        QVERIFY(bad.out.contains("Fix: "));
    }

    void checkJsonContract()
    {
        const Run run = runCli({"check", "--json", m_demo});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject object = json(run);
        QCOMPARE(object.value("status").toString(), QStringLiteral("multiple-heads"));
        QCOMPARE(object.value("exit_code").toInt(), 1);
        QCOMPARE(object.value("heads").toArray().size(), 2);
        QCOMPARE(object.value("diagnostics").toArray().first().toObject().value("code").toString(),
                 QStringLiteral("multiple-heads"));
    }

    // check --format github|junit|sarif: what a pull request shows, with the text's exit codes.
    void checkForCiOnAHealthyRepository()
    {
        const QString root = m_dir.filePath("ci-healthy");
        writeFile(root + "/versions/a_x.py", migration("aaaa", ""));
        writeFile(root + "/versions/b_x.py", migration("bbbb", "aaaa"));
        const Run text = runCli({"check", root});
        const Run explicitText = runCli({"check", "--format", "text", root});
        QCOMPARE(explicitText.exitCode, text.exitCode);
        QCOMPARE(explicitText.out, text.out);

        const Run github = runCli({"check", "--format", "github", root});
        QCOMPARE(github.exitCode, 0);
        QVERIFY2(github.out.isEmpty(), qPrintable(github.out)); // nothing to annotate

        const Run junit = runCli({"check", "--format", "junit", root});
        QCOMPARE(junit.exitCode, 0);
        const test::JunitReport report = test::readJunit(junit.out);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.suites, 1);
        QCOMPARE(report.cases.size(), report.declaredTests);
        QCOMPARE(report.failures(), 0);
        QCOMPARE(report.declaredFailures, 0);
        QStringList names;
        for (const test::JunitCase &testCase : report.cases)
            names += testCase.name.section(':', 0, 0);
        for (const char *check : {"multiple-heads", "missing-revision", "cycle", "syntax-error", "invalid-config"})
            QVERIFY2(names.contains(QLatin1String(check)), qPrintable(QStringLiteral("no passing test case for %1").arg(check)));

        const Run sarif = runCli({"check", "--format", "sarif", root});
        QCOMPARE(sarif.exitCode, 0);
        const test::SarifLog log = test::readSarif(sarif.out);
        QCOMPARE(log.version, QStringLiteral("2.1.0"));
        QVERIFY2(log.schema.contains("sarif-2.1.0"), qPrintable(log.schema));
        QCOMPARE(log.ruleIds, names); // the same checks, in the same order
        QVERIFY(log.results.isEmpty());
    }

    void checkForCiWithSeveralHeads()
    {
        const QStringList heads{"b3a83eea3022", "dd710196dcb0"};
        const Run github = runCli({"check", "--format", "github", m_demo});
        QCOMPARE(github.exitCode, 1);
        static const QRegularExpression line(
            "^::error file=migrations/versions/[^,:]+\\.py,line=\\d+,title=multiple-heads%3A Several heads to merge"
            "::Multiple head revisions are present: 2 heads: [^\\n]*%0AFix: [^\\n]*headway-cli merge[^\\n]*\n$");
        QVERIFY2(line.match(github.out).hasMatch(), qPrintable(github.out));
        const test::GithubAnnotations commands = test::readGithub(github.out);
        QCOMPARE(commands.annotations.size(), 1);
        for (const QString &head : heads)
            QVERIFY2(commands.annotations.first().message.contains(head), qPrintable(head));
        QVERIFY(commands.annotations.first().message.contains("Merge Heads"));

        const Run junit = runCli({"check", "--format", "junit", m_demo});
        QCOMPARE(junit.exitCode, 1);
        const test::JunitReport report = test::readJunit(junit.out);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.cases.size(), report.declaredTests);
        QCOMPARE(report.failures(), 1);
        QCOMPARE(report.declaredFailures, 1);
        for (const test::JunitCase &testCase : report.cases)
            if (testCase.failed) {
                QCOMPARE(testCase.failureType, QStringLiteral("multiple-heads"));
                QVERIFY2(testCase.file.startsWith("migrations/versions/") && testCase.file.endsWith(".py"), qPrintable(testCase.file));
                QVERIFY(testCase.line > 0);
            }

        const Run sarif = runCli({"check", "--format", "sarif", m_demo});
        QCOMPARE(sarif.exitCode, 1);
        const test::SarifLog log = test::readSarif(sarif.out);
        QCOMPARE(log.results.size(), 1);
        const test::SarifResult &result = log.results.first();
        QCOMPARE(result.ruleId, QStringLiteral("multiple-heads"));
        QCOMPARE(log.ruleIds.value(result.ruleIndex), QStringLiteral("multiple-heads"));
        QCOMPARE(result.level, QStringLiteral("error"));
        QVERIFY2(result.uri.startsWith("migrations/versions/") && result.uri.endsWith(".py"), qPrintable(result.uri));
        QVERIFY(result.startLine > 0);
        QCOMPARE(result.relatedLocations, 1); // the other head's file
    }

    void checkForCiOnABrokenRepository()
    {
        // ',' and ':' in the file name must be escaped in GitHub's file= property.
        const QString root = m_dir.filePath("ci-broken");
        const QString path = "versions/b_x,1:2.py";
        writeFile(root + "/versions/a_x.py", migration("aaaa", ""));
        writeFile(root + "/" + path, migration("bbbb", "gone"));
        const Run github = runCli({"check", "--format", "github", root});
        QCOMPARE(github.exitCode, 2);
        QVERIFY2(github.out.startsWith("::error file=versions/b_x%2C1%3A2.py,line=12,title=missing-revision%3A "),
                 qPrintable(github.out));
        // The error, then the two heads it leaves (bbbb has no parent) as a warning.
        const test::GithubAnnotations commands = test::readGithub(github.out);
        QVERIFY2(commands.problem.isEmpty(), qPrintable(commands.problem));
        QCOMPARE(commands.annotations.size(), 2);
        QCOMPARE(commands.annotations.last().command, QStringLiteral("warning"));
        QVERIFY(commands.annotations.last().title.startsWith("multiple-heads: "));
        const test::GithubAnnotation &command = commands.annotations.first();
        QCOMPARE(command.command, QStringLiteral("error"));
        QCOMPARE(command.file, path);
        QCOMPARE(command.line, 12);
        QVERIFY(command.message.startsWith("Can't locate revision identified by 'gone'"));
        QVERIFY(command.message.contains("\nFix: "));

        const Run junit = runCli({"check", "--format", "junit", root});
        QCOMPARE(junit.exitCode, 2);
        const test::JunitReport report = test::readJunit(junit.out);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.failures(), 1);
        for (const test::JunitCase &testCase : report.cases)
            if (testCase.failed) {
                QCOMPARE(testCase.failureType, QStringLiteral("missing-revision"));
                QCOMPARE(testCase.file, path);
                QCOMPARE(testCase.line, 12);
            }

        const Run sarif = runCli({"check", "--format", "sarif", root});
        QCOMPARE(sarif.exitCode, 2);
        const test::SarifLog log = test::readSarif(sarif.out);
        QCOMPARE(log.results.size(), 2);
        QCOMPARE(log.results.last().level, QStringLiteral("warning"));
        QCOMPARE(log.results.first().ruleId, QStringLiteral("missing-revision"));
        QCOMPARE(log.results.first().level, QStringLiteral("error"));
        QCOMPARE(log.results.first().uri, path);
        QCOMPARE(log.results.first().startLine, 12);

        // Nothing to check is broken too, and still has a place code scanning accepts.
        const Run missing = runCli({"check", "--format", "sarif", m_dir.filePath("ci-missing")});
        QCOMPARE(missing.exitCode, 2);
        const test::SarifLog nothing = test::readSarif(missing.out);
        QCOMPARE(nothing.results.size(), 1);
        QCOMPARE(nothing.results.first().ruleId, QStringLiteral("no-migrations"));
        QVERIFY(!nothing.results.first().uri.isEmpty());

        QCOMPARE(runCli({"check", "--format", "yaml", root}).exitCode, 64);
        QCOMPARE(json(runCli({"check", "--json", "--format", "github", root})).value("status").toString(),
                 QStringLiteral("broken")); // --json is --format json, as for conflicts
    }

    void graphJsonContract()
    {
        const Run run = runCli({"graph", "--format", "json", m_demo});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject graph = json(run);
        QCOMPARE(graph.value("versions").toArray(), QJsonArray{"migrations/versions"});
        const QJsonArray revisions = graph.value("revisions").toArray();
        QCOMPARE(revisions.size(), 5);
        for (const QJsonValue &value : revisions) {
            const QJsonObject revision = value.toObject();
            for (const char *key : {"id", "down_revisions", "depends_on", "branch_labels", "message", "create_date", "path",
                                    "is_head", "is_base", "is_branch_point", "is_merge_point"})
                QVERIFY2(revision.contains(QLatin1String(key)), key);
            QVERIFY(revision.value("path").toString().startsWith("migrations/versions/"));
        }
        QCOMPARE(graph.value("heads").toArray().size(), 2);
        QCOMPARE(graph.value("bases").toArray().size(), 1);
        for (const QJsonValue &value : graph.value("diagnostics").toArray())
            for (const char *key : {"severity", "code", "message", "path", "line"})
                QVERIFY2(value.toObject().contains(QLatin1String(key)), key);
        // Revisions come in history order.
        const QStringList history = runCli({"history", m_demo}).out.split('\n', Qt::SkipEmptyParts);
        for (int i = 0; i < revisions.size(); ++i)
            QVERIFY(history.at(i).contains(revisions.at(i).toObject().value("id").toString()));
    }

    void constantsFromTheProjectsModulesInJson()
    {
        const QString alembic = test::writeNeutronCheckout(m_dir.filePath("neutron"));
        const Run run = runCli({"graph", "--format", "json", alembic});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains("non-literal-value"), qPrintable(run.err));
        QHash<QString, QJsonObject> revisions;
        for (const QJsonValue &value : json(run).value("revisions").toArray())
            revisions.insert(value.toObject().value("id").toString(), value.toObject());
        const QJsonObject expand = revisions.value("1a0000000001");
        QCOMPARE(expand.value("branch_labels").toArray(), (QJsonArray{"expand", "liberty"}));
        QCOMPARE(expand.value("resolved_from_module").toObject(),
                 (QJsonObject{{"branch_labels", QJsonObject{{"cli.EXPAND_BRANCH", "neutron/db/migration/cli.py"}}}}));
        QCOMPARE(revisions.value("1a0000000002").value("depends_on").toArray(), QJsonArray{"contract"});
        // Revisions whose values are all literals carry an empty object.
        for (const QJsonObject &revision : std::as_const(revisions))
            QVERIFY(revision.value("resolved_from_module").isObject());

        const Run show = runCli({"show", "contract", alembic});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.startsWith("Rev: 2b0000000001"), qPrintable(show.out));
    }

    // The labels read from neutron/db/migration make both heads named branches:
    // `check` passes and names them; without the module, the heads are unlabelled.
    void neutronCheckoutPassesCheckThroughItsModules()
    {
        const QString alembic = test::writeNeutronCheckout(m_dir.filePath("neutron-check"));
        const Run check = runCli({"check", "--json", alembic});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        const QJsonObject named = json(check).value("named_branches").toObject();
        QCOMPARE(named.value("expand").toArray(), QJsonArray{"1a0000000003"});
        QCOMPARE(named.value("contract").toArray(), QJsonArray{"2b0000000001"});

        QVERIFY(QFile::remove(m_dir.filePath("neutron-check/neutron/db/migration/cli.py")));
        const Run without = runCli({"check", alembic});
        QCOMPARE(without.exitCode, 1);
        QVERIFY2(without.out.contains("non-literal-value") && without.out.contains("cli.EXPAND_BRANCH"), qPrintable(without.out));
    }

    void graphDotToFile()
    {
        const QString output = m_dir.filePath("demo.dot");
        QCOMPARE(runCli({"graph", "--format", "dot", "-o", output, m_demo}).exitCode, 0);
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString dot = QString::fromUtf8(file.readAll());
        QVERIFY(dot.startsWith("digraph"));
        for (const QJsonValue &id : json(runCli({"heads", "--json", m_demo})).value("heads").toArray())
            QVERIFY(dot.contains(id.toObject().value("id").toString()));
    }

    void showResolvesPrefixesAndExplainsFailures()
    {
        // The base is the last history line: "<base> -> ID, message".
        const QString base = runCli({"history", m_demo}).out.split('\n', Qt::SkipEmptyParts).last();
        const QString id = base.section(' ', 2, 2).remove(',');
        QCOMPARE(id.size(), 12);
        const Run run = runCli({"show", id.left(6), m_demo});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Rev: " + id));
        QVERIFY(run.out.contains("Parent: <base>"));
        const Run head = runCli({"show", "head", m_demo});
        QCOMPARE(head.exitCode, 2);
        QVERIFY(head.err.contains("Multiple head revisions are present for given argument 'head'"));
        QCOMPARE(runCli({"show", "ffffffff", m_demo}).exitCode, 2);
        QCOMPARE(runCli({"show", "--json", "heads", m_demo}).exitCode, 0);
    }

    void helpVersionAndUsageErrors()
    {
        QCOMPARE(runCli({"--version"}).exitCode, 0);
        QVERIFY(runCli({"--help"}).out.contains("Exit codes"));
        QCOMPARE(runCli({"heads", "--help"}).exitCode, 0);
        QCOMPARE(runCli({"frobnicate"}).exitCode, 64);
        QCOMPARE(runCli({"heads", "--no-such-option"}).exitCode, 64);
        QCOMPARE(runCli({"graph", "--format", "png", m_demo}).exitCode, 64);
    }

    void noMigrationsIsAClearError()
    {
        const QString empty = m_dir.filePath("nothing");
        QDir().mkpath(empty);
        const Run run = runCli({"heads", empty});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("No Alembic migrations found"));
        QCOMPARE(runCli({"check", m_dir.filePath("missing-dir")}).exitCode, 2);
    }

    void readOnlyCommandsNeedNoPython()
    {
        // No PATH at all: nothing but the migration files is needed.
        QProcessEnvironment bare;
        bare.insert("HOME", QDir::homePath());
        const Run run = runCli({"heads", m_demo}, {}, bare);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.split('\n', Qt::SkipEmptyParts).size(), 2);
    }

    void badInputNeverCrashesOrHangs()
    {
        const QString root = m_dir.filePath("bad/versions");
        writeFile(root + "/a_good.py", migration("aaaa", ""));
        writeFile(root + "/b_binary.py", QByteArray("\x7f" "ELF\0\0\1\2", 8));
        writeFile(root + "/c_latin1.py", QByteArray("revision = 'cccc'\ndown_revision = 'aaaa'\n# caf\xe9\n"));
        writeFile(root + "/d_empty.py", QByteArray());
        writeFile(root + "/e_syntax.py", QByteArray("revision = 'eeee'\ndown_revision = ('aaaa',\n"));
        QByteArray big(50 * 1024 * 1024, ' ');
        big.prepend("revision = 'ffff'\ndown_revision = 'aaaa'\nx = '''");
        big.append("'''\n");
        writeFile(root + "/f_big.py", big);
        QVERIFY(QFile::link(root + "/nowhere.py", root + "/g_broken_link.py"));
        QVERIFY(QFile::link(root + "/h_loop2.py", root + "/h_loop1.py"));
        QVERIFY(QFile::link(root + "/h_loop1.py", root + "/h_loop2.py"));
        QCOMPARE(::mkfifo(QFile::encodeName(root + "/i_fifo.py").constData(), 0600), 0);
        if (::geteuid() != 0) { // root reads everything, so only test permissions as a user
            writeFile(root + "/j_unreadable.py", migration("jjjj", "aaaa"));
            QFile::setPermissions(root + "/j_unreadable.py", QFileDevice::Permissions());
        }

        const Run check = runCli({"check", root});
        QCOMPARE(check.exitCode, 2);
        for (const char *expected : {"b_binary.py: error [binary-file]", "c_latin1.py:3: error [encoding-error]",
                                     "d_empty.py: error [empty-file]", "e_syntax.py:2: error [syntax-error]",
                                     "g_broken_link.py: error [unreadable-file]", "h_loop1.py: error [unreadable-file]",
                                     "i_fifo.py: warning [not-a-file]"})
            QVERIFY2(check.out.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(expected, check.out)));
        // The readable files still make a graph.
        const Run heads = runCli({"heads", root});
        QCOMPARE(heads.exitCode, 0);
        QVERIFY2(heads.out.contains("cccc (head)") && heads.out.contains("ffff (head)"), qPrintable(heads.out));
    }

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
