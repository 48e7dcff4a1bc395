// Hostile folders Headway has never seen: nesting far past Python's limits,
// megabyte values, thousands of heads, long chains and deep directories. The
// real headway-cli must give each a diagnostic with its file and line, keep
// every other file, and never crash, hang or print megabytes.
#include "CliRun.h"
#include "TestFiles.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using test::migration;
using test::writeFile;

namespace {

// Generous: the sanitizer build runs these too, several times slower.
test::CliRun runCli(const QStringList &arguments)
{
    test::CliOptions options;
    options.timeoutMs = 300000;
    return test::runCli(arguments, options);
}

// `count` heads, each a child of `base` (already written), named prefix + 11 hex digits.
void writeHeads(const QString &root, QChar prefix, int count, const QString &base)
{
    for (int i = 0; i < count; ++i) {
        const QString id = prefix + QStringLiteral("%1").arg(i, 11, 16, QLatin1Char('0'));
        writeFile(root + QStringLiteral("/%1.py").arg(id), migration(id, base));
    }
}

qsizetype longestLine(const QString &text)
{
    qsizetype longest = 0;
    for (const QStringView line : QStringTokenizer(text, QLatin1Char('\n')))
        longest = std::max(longest, line.size());
    return longest;
}

} // namespace

class TestHostileInputs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("HEADWAY_CLI")).isExecutable(), "HEADWAY_CLI must name the built headway-cli");
        QVERIFY(m_dir.isValid());
    }

    void nestingPastPythonsLimitIsASyntaxError_data()
    {
        QTest::addColumn<QByteArray>("open");
        QTest::addColumn<QByteArray>("close");
        QTest::addColumn<int>("depth");
        QTest::newRow("20,000 brackets") << QByteArray("[") << QByteArray("]") << 20000;
        QTest::newRow("50,000 parentheses") << QByteArray("(") << QByteArray(")") << 50000;
        QTest::newRow("200,000 braces") << QByteArray("{") << QByteArray("}") << 200000;
        QTest::newRow("201 parentheses") << QByteArray("(") << QByteArray(")") << 201;
    }

    void nestingPastPythonsLimitIsASyntaxError()
    {
        QFETCH(QByteArray, open);
        QFETCH(QByteArray, close);
        QFETCH(int, depth);
        const QString root = m_dir.filePath(QStringLiteral("nesting-%1-%2").arg(QLatin1String(open)).arg(depth));
        writeFile(root + "/a_base.py", migration("aaaa", ""));
        writeFile(root + "/b_deep.py", "revision = 'bbbb'\n\ndown_revision = " + open.repeated(depth) + "'aaaa'"
                                           + close.repeated(depth) + "\n");
        writeFile(root + "/c_next.py", migration("cccc", "aaaa"));
        const test::CliRun check = runCli({"check", root});
        QCOMPARE(check.exitCode, 2);
        QVERIFY2(check.out.contains("b_deep.py:3: error [syntax-error]: Python cannot import this file: too many nested parentheses"),
                 qPrintable(check.out.left(2000)));
        // The syntax error is the one problem: what follows it is unknown, not missing.
        QVERIFY2(!check.out.contains("missing-down-revision"), qPrintable(check.out.left(2000)));
        const test::CliRun heads = runCli({"heads", root});
        QCOMPARE(heads.exitCode, 0);
        QVERIFY2(heads.out.contains("cccc (head)"), qPrintable(heads.out));
    }

    void nestingPythonAcceptsStillReads()
    {
        // 200 levels is CPython's limit, and still a valid (if odd) file.
        const QString root = m_dir.filePath(QStringLiteral("nesting-200"));
        writeFile(root + "/a_base.py", migration("aaaa", ""));
        writeFile(root + "/b_deep.py", "revision = 'bbbb'\ndown_revision = " + QByteArray(199, '(') + "'aaaa'"
                                           + QByteArray(199, ')') + "\n");
        const test::CliRun check = runCli({"check", root});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        QVERIFY2(check.out.contains("one head (bbbb)"), qPrintable(check.out));
    }

    void megabyteValuesAreCutForPeopleAndKeptForMachines()
    {
        const QString root = m_dir.filePath(QStringLiteral("megabyte"));
        const QByteArray id(2 * 1024 * 1024, 'x');
        writeFile(root + "/a_base.py", migration("aaaa", ""));
        writeFile(root + "/b_long.py", "\"\"\"" + QByteArray(1024 * 1024, 'm') + "\"\"\"\nrevision = '" + id
                                           + "'\ndown_revision = 'aaaa'\nbranch_labels = ('" + QByteArray(512 * 1024, 'L')
                                           + "',)\n");
        writeFile(root + "/c_other.py", migration("cccc", "aaaa"));
        const test::CliRun check = runCli({"check", root});
        QCOMPARE(check.exitCode, 1); // two heads, one without a label
        QVERIFY2(check.out.contains("b_long.py:2: warning [revision-id-too-long]"), qPrintable(check.out.left(3000)));
        QVERIFY2(check.out.contains("2097152 characters"), qPrintable(check.out.left(3000)));
        QVERIFY2(longestLine(check.out) < 4000, "a diagnostic printed a megabyte value");
        // JSON keeps the full value: scripts compare ids.
        const test::CliRun graph = runCli({"graph", "--format", "json", root});
        QCOMPARE(graph.exitCode, 0);
        const QJsonArray revisions = QJsonDocument::fromJson(graph.out.toUtf8()).object().value("revisions").toArray();
        bool found = false;
        for (const QJsonValue &revision : revisions)
            found = found || revision.toObject().value("id").toString().size() == id.size();
        QVERIFY2(found, "graph --format json lost the full revision id");
    }

    void thousandsOfHeadsKeepMessagesShort()
    {
        const QString root = m_dir.filePath(QStringLiteral("heads"));
        writeFile(root + "/base.py", migration("base0", ""));
        writeHeads(root, QLatin1Char('h'), 5000, QStringLiteral("base0"));
        const test::CliRun check = runCli({"check", root});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains("5000 heads"), qPrintable(check.out.left(2000)));
        QVERIFY2(check.out.contains("and 4980 more"), qPrintable(check.out.left(2000)));
        QVERIFY2(check.out.contains("flask db merge heads"), qPrintable(check.out.left(2000)));
        QVERIFY2(longestLine(check.out) < 4000, "the multiple-heads message lists every head");
    }

    void aBranchThatDivergedEverywhereKeepsTheHintShort()
    {
        // 300 heads under one labelled root: one named branch with 300 heads.
        const QString root = m_dir.filePath(QStringLiteral("diverged"));
        writeFile(root + "/base.py", migration("base0", "", "base", "branch_labels = ('core',)"));
        writeHeads(root, QLatin1Char('d'), 300, QStringLiteral("base0"));
        const test::CliRun check = runCli({"check", root});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains("branch core has 300 heads"), qPrintable(check.out.left(2000)));
        QVERIFY2(check.out.contains("flask db merge core@heads"), qPrintable(check.out.left(2000)));
        QVERIFY2(longestLine(check.out) < 4000, "the hint lists every head of the branch");
    }

    void aLongChainLoadsWithoutDeepRecursion()
    {
        const QString root = m_dir.filePath(QStringLiteral("chain"));
        QString previous;
        const int length = 20000;
        for (int i = 0; i < length; ++i) {
            const QString id = QStringLiteral("%1").arg(i + 1, 12, 16, QLatin1Char('0'));
            writeFile(root + QStringLiteral("/%1_m.py").arg(id), migration(id, previous));
            previous = id;
        }
        const test::CliRun check = runCli({"check", root});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out.left(2000) + check.err));
        QVERIFY2(check.out.contains(QStringLiteral("one head (%1), %2 revision(s)").arg(previous).arg(length)), qPrintable(check.out));
        const test::CliRun history = runCli({"history", root});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(history.out.count(QLatin1Char('\n')), length);
    }

    void deeplyNestedVersionDirectories()
    {
        // recursive_version_locations walks every level; the path length, not the
        // stack, is the limit, and a too-long path is a diagnostic.
        const QString root = m_dir.filePath(QStringLiteral("deep"));
        writeFile(root + "/alembic.ini", "[alembic]\nscript_location = migrations\nrecursive_version_locations = true\n");
        writeFile(root + "/migrations/env.py", "");
        QString directory = root + "/migrations/versions";
        writeFile(directory + "/a_base.py", migration("aaaa", ""));
        for (int i = 0; i < 1500; ++i)
            directory += QStringLiteral("/d");
        QVERIFY(QDir().mkpath(directory));
        writeFile(directory + "/b_deep.py", migration("bbbb", "aaaa"));
        const test::CliRun check = runCli({"check", root});
        QVERIFY2(check.exitCode == 0 || check.exitCode == 2, qPrintable(check.out.left(2000) + check.err));
        QVERIFY2(check.out.contains("one head (bbbb)") || check.out.contains("unreadable"), qPrintable(check.out.left(2000)));
    }

    void manyParentsInOneMerge()
    {
        const QString root = m_dir.filePath(QStringLiteral("wide-merge"));
        QByteArray parents = "(";
        for (int i = 0; i < 20000; ++i)
            parents += "'p" + QByteArray::number(i) + "', ";
        parents += ")";
        writeFile(root + "/a_merge.py", "revision = 'mmmm'\ndown_revision = " + parents + "\n");
        const test::CliRun check = runCli({"check", root});
        QCOMPARE(check.exitCode, 2); // 20,000 missing parents
        QVERIFY2(check.out.contains("Can't locate revision identified by 'p0'"), qPrintable(check.out.left(2000)));
        QVERIFY2(check.out.size() < 16 * 1024 * 1024, "20,000 missing parents printed far too much");
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostileinputs.moc"
