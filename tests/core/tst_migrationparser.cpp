// The static parser reads every way real projects write their migration
// identifiers, and reports what it cannot read with the file and line.
#include "parser/MigrationParser.h"

#include <QtTest>

using namespace headway;

class TestMigrationParser : public QObject
{
    Q_OBJECT

private:
    static QStringList codes(const MigrationFile &file)
    {
        QStringList list;
        for (const Diagnostic &d : file.diagnostics)
            list += d.code;
        return list;
    }

private Q_SLOTS:
    void readsIdentifiers_data();
    void readsIdentifiers();
    void readsDocAsAlembicDoes_data();
    void readsDocAsAlembicDoes();
    void reportsProblems_data();
    void reportsProblems();
    void reportsLinesOfIdentifiers();
    void headerDisagreementIsANote();
    void tupleRevisesHeaderAgreesWithTheVariable();
    void legacyFileNameGivesRevision();
    void readsLatin1DeclaredFiles();
    void nonLiteralKeepsRestOfFile();
};

void TestMigrationParser::readsIdentifiers_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("depends");

    const QStringList none;
    QTest::newRow("single quotes") << QByteArray("revision = 'abc'\ndown_revision = 'def'\n")
                                   << "abc" << QStringList{"def"} << none << none;
    QTest::newRow("double quotes, None") << QByteArray("revision = \"abc\"\ndown_revision = None\n")
                                         << "abc" << none << none << none;
    QTest::newRow("triple quotes") << QByteArray("revision = '''abc'''\ndown_revision = \"\"\"def\"\"\"\n")
                                   << "abc" << QStringList{"def"} << none << none;
    QTest::newRow("string prefixes") << QByteArray("revision = u'abc'\ndown_revision = r\"def\"\n")
                                     << "abc" << QStringList{"def"} << none << none;
    QTest::newRow("implicit concatenation")
        << QByteArray("revision = 'ab' \"cd\"\ndown_revision = ('ef'\n    'gh')\n") << "abcd"
        << QStringList{"efgh"} << none << none;
    QTest::newRow("tuple merge") << QByteArray("revision = 'm'\ndown_revision = ('a', 'b')\n") << "m"
                                 << QStringList{"a", "b"} << none << none;
    QTest::newRow("list, multi-line, trailing comma")
        << QByteArray("revision = 'm'\ndown_revision = [\n    'a',  # fork\n    'b',\n    'c',\n]\n")
        << "m" << QStringList{"a", "b", "c"} << none << none;
    QTest::newRow("bare tuple") << QByteArray("revision = 'm'\ndown_revision = 'a', 'b'\n") << "m"
                                << QStringList{"a", "b"} << none << none;
    QTest::newRow("one-element tuple") << QByteArray("revision = 'm'\ndown_revision = ('a',)\n") << "m"
                                       << QStringList{"a"} << none << none;
    QTest::newRow("type annotations")
        << QByteArray("from typing import Sequence, Union\n\n"
                      "revision: str = \"abc\"\n"
                      "down_revision: Union[str, Sequence[str], None] = \"def\"\n"
                      "branch_labels: Union[str, Sequence[str], None] = None\n"
                      "depends_on: Union[str, Sequence[str], None] = None\n")
        << "abc" << QStringList{"def"} << none << none;
    QTest::newRow("annotated tuple")
        << QByteArray("revision: str = 'm'\ndown_revision: Union[str, Sequence[str], None] = (\n    'a',\n    'b',\n)\n")
        << "m" << QStringList{"a", "b"} << none << none;
    QTest::newRow("branch label string") << QByteArray("revision = 'a'\ndown_revision = None\nbranch_labels = 'feature'\n")
                                         << "a" << none << QStringList{"feature"} << none;
    QTest::newRow("branch label tuple") << QByteArray("revision = 'a'\ndown_revision = None\nbranch_labels = ('x', 'y')\n")
                                        << "a" << none << QStringList{"x", "y"} << none;
    QTest::newRow("depends_on string") << QByteArray("revision = 'a'\ndown_revision = None\ndepends_on = 'b'\n")
                                       << "a" << none << none << QStringList{"b"};
    QTest::newRow("empty values mean none")
        << QByteArray("revision = 'a'\ndown_revision = None\ndepends_on = ''\nbranch_labels = ()\n") << "a"
        << none << none << none;
    QTest::newRow("comments everywhere")
        << QByteArray("# header\nrevision = 'a'  # the id\n# between\ndown_revision = 'b'  # parent\n")
        << "a" << QStringList{"b"} << none << none;
    QTest::newRow("CRLF line ends") << QByteArray("\"\"\"doc\r\n\r\nmore\r\n\"\"\"\r\nrevision = 'a'\r\ndown_revision = ('b',\r\n  'c')\r\n")
                                    << "a" << QStringList{"b", "c"} << none << none;
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFrevision = 'a'\ndown_revision = None\n") << "a"
                                     << none << none << none;
    QTest::newRow("tabs") << QByteArray("revision\t=\t'a'\ndown_revision\t=\tNone\ndef upgrade():\n\tpass\n") << "a"
                          << none << none << none;
    QTest::newRow("indented assignments are not module level")
        << QByteArray("revision = 'a'\ndown_revision = None\ndef f():\n    revision = 'zzz'\n    down_revision = 'q'\n")
        << "a" << none << none << none;
    QTest::newRow("last assignment wins")
        << QByteArray("revision = 'a'\ndown_revision = 'x'\ndown_revision = 'y'\n") << "a" << QStringList{"y"}
        << none << none;
    QTest::newRow("semicolons") << QByteArray("revision = 'a'; down_revision = 'b'\n") << "a" << QStringList{"b"}
                                << none << none;
    QTest::newRow("chained assignment") << QByteArray("revision = 'a'\ndown_revision = depends_on = 'b'\n") << "a"
                                        << QStringList{"b"} << none << QStringList{"b"};
    QTest::newRow("tuple unpacking") << QByteArray("revision, down_revision = 'a', 'b'\n") << "a"
                                     << QStringList{"b"} << none << none;
    QTest::newRow("escapes") << QByteArray("revision = 'a\\x62c'\ndown_revision = None\n") << "abc" << none << none
                             << none;
    QTest::newRow("line continuation")
        << QByteArray("revision = \\\n    'a'\ndown_revision = None\n") << "a" << none << none << none;
    QTest::newRow("strings with quotes and hashes inside")
        << QByteArray("x = \"it's # not a comment\"\nrevision = 'a'\ndown_revision = None\n") << "a" << none
        << none << none;
    QTest::newRow("set literal labels") << QByteArray("revision = 'a'\ndown_revision = None\nbranch_labels = {'x'}\n")
                                        << "a" << none << QStringList{"x"} << none;
    QTest::newRow("body with brackets and strings")
        << QByteArray("revision = 'a'\ndown_revision = None\n\ndef upgrade():\n    op.create_table('t',\n"
                      "        sa.Column('id', sa.Integer(), nullable=False),\n    )\n    op.execute(\"\"\"\nrevision = 'evil'\n\"\"\")\n")
        << "a" << none << none << none;
}

void TestMigrationParser::readsIdentifiers()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, revision);
    QFETCH(QStringList, down);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, depends);
    const MigrationFile file = MigrationParser::parse(QStringLiteral("/x/m.py"), source);
    QVERIFY2(!hasErrors(file.diagnostics), qPrintable(codes(file).join(QLatin1Char(','))));
    QCOMPARE(file.revisionId(), revision);
    QCOMPARE(file.downRevision.values, down);
    QCOMPARE(file.branchLabels.values, labels);
    QCOMPARE(file.dependsOn.values, depends);
}

void TestMigrationParser::readsDocAsAlembicDoes_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("doc");
    QTest::addColumn<QString>("createDate");

    QTest::newRow("template") << QByteArray("\"\"\"add user table\n\nRevision ID: a\nRevises: \nCreate Date: 2024-01-02 03:04:05.123456\n\n\"\"\"\nrevision = 'a'\ndown_revision = None\n")
                              << "add user table" << "2024-01-02 03:04:05.123456";
    QTest::newRow("first paragraph spans lines")
        << QByteArray("\"\"\"add user\ntable and more\n\nRevision ID: a\n\"\"\"\nrevision = 'a'\ndown_revision = None\n")
        << "add user\ntable and more" << "";
    QTest::newRow("single quoted docstring") << QByteArray("'just this'\nrevision = 'a'\ndown_revision = None\n")
                                             << "just this" << "";
    QTest::newRow("no docstring") << QByteArray("import x\nrevision = 'a'\ndown_revision = None\n") << "" << "";
    QTest::newRow("string after imports is no docstring")
        << QByteArray("import sqlalchemy as sa\n\"\"\"late\"\"\"\nrevision = 'a'\ndown_revision = None\n") << "" << "";
    QTest::newRow("f-string is no docstring") << QByteArray("f'doc'\nrevision = 'a'\ndown_revision = None\n") << "" << "";
    QTest::newRow("leading comments allowed")
        << QByteArray("# -*- coding: utf-8 -*-\n\"\"\"  spaced doc  \"\"\"\nrevision = 'a'\ndown_revision = None\n")
        << "spaced doc" << "";
}

void TestMigrationParser::readsDocAsAlembicDoes()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, doc);
    QFETCH(QString, createDate);
    const MigrationFile file = MigrationParser::parse(QStringLiteral("/x/m.py"), source);
    QCOMPARE(file.doc, doc);
    QCOMPARE(file.createDate, createDate);
}

void TestMigrationParser::reportsProblems_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");

    QTest::newRow("no revision") << QByteArray("down_revision = None\n") << "x_add.py" << "no-revision-variable" << 0;
    QTest::newRow("no down_revision") << QByteArray("\nrevision = 'a'\n") << "a.py" << "missing-down-revision" << 2;
    QTest::newRow("empty file") << QByteArray("") << "x_add.py" << "empty-file" << 0;
    QTest::newRow("binary") << QByteArray("revision = 'a'\0\1\2", 17) << "x.py" << "binary-file" << 0;
    QTest::newRow("not utf-8") << QByteArray("revision = 'a'\ndown_revision = None\n# caf\xe9\n") << "x.py"
                               << "encoding-error" << 3;
    QTest::newRow("unterminated string") << QByteArray("revision = 'a'\ndown_revision = None\nx = '''oops\n\n")
                                         << "x.py" << "syntax-error" << 3;
    QTest::newRow("unclosed bracket") << QByteArray("revision = 'a'\ndown_revision = ('b',\n\n") << "x.py"
                                      << "syntax-error" << 2;
    QTest::newRow("merge conflict markers") << QByteArray("revision = 'a'\n<<<<<<< HEAD\ndown_revision = 'b'\n=======\n")
                                            << "x.py" << "syntax-error" << 2;
    QTest::newRow("non-literal branch_labels")
        << QByteArray("revision = 'a'\ndown_revision = None\nbranch_labels = (cli.EXPAND_BRANCH,)\n") << "x.py"
        << "non-literal-value" << 3;
    QTest::newRow("non-literal depends_on")
        << QByteArray("revision = 'a'\ndown_revision = None\n\ndepends_on = resolved_depends_on\n") << "x.py"
        << "non-literal-value" << 4;
    QTest::newRow("non-literal revision") << QByteArray("revision = make_id()\ndown_revision = None\n") << "x.py"
                                          << "non-literal-value" << 1;
    QTest::newRow("bytes revision") << QByteArray("revision = b'a'\ndown_revision = None\n") << "x.py"
                                    << "non-literal-value" << 1;
    QTest::newRow("revision is None") << QByteArray("revision = None\ndown_revision = None\n") << "x.py"
                                      << "invalid-revision" << 1;
}

void TestMigrationParser::reportsProblems()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, fileName);
    QFETCH(QString, code);
    QFETCH(int, line);
    const QString path = QStringLiteral("/repo/versions/") + fileName;
    const MigrationFile file = MigrationParser::parse(path, source);
    const auto found = std::find_if(file.diagnostics.cbegin(), file.diagnostics.cend(),
                                    [&](const Diagnostic &d) { return d.code == code; });
    QVERIFY2(found != file.diagnostics.cend(),
             qPrintable(QStringLiteral("expected %1, got [%2]").arg(code, codes(file).join(QLatin1Char(',')))));
    QCOMPARE(found->path, path);
    QCOMPARE(found->line, line);
    QVERIFY2(!found->hint.isEmpty(), "every problem says what to do");
}

void TestMigrationParser::reportsLinesOfIdentifiers()
{
    const MigrationFile file = MigrationParser::parse(
        QStringLiteral("/x/m.py"),
        QByteArray("\"\"\"doc\n\nRevision ID: a\nRevises: b\nCreate Date: now\n\"\"\"\nimport x\n\nrevision = 'a'\n"
                   "down_revision = (\n  'b',\n)\nbranch_labels = None\ndepends_on = None\n"));
    QCOMPARE(file.revision.line, 9);
    QCOMPARE(file.downRevision.line, 10);
    QCOMPARE(file.branchLabels.line, 13);
    QCOMPARE(file.dependsOn.line, 14);
    QCOMPARE(file.createDateLine, 5);
    QCOMPARE(file.docLine, 1);
}

void TestMigrationParser::headerDisagreementIsANote()
{
    const MigrationFile file = MigrationParser::parse(
        QStringLiteral("/x/m.py"),
        QByteArray("\"\"\"doc\n\nRevision ID: zzz\nRevises: yyy\n\"\"\"\nrevision = 'a'\ndown_revision = 'b'\n"));
    QCOMPARE(file.revisionId(), QStringLiteral("a"));
    QCOMPARE(file.downRevision.values, QStringList{QStringLiteral("b")});
    QCOMPARE(codes(file), (QStringList{QStringLiteral("header-mismatch"), QStringLiteral("header-mismatch")}));
    QVERIFY(!hasErrors(file.diagnostics));
    QCOMPARE(file.diagnostics.first().line, 3);
}

void TestMigrationParser::tupleRevisesHeaderAgreesWithTheVariable()
{
    // As `alembic merge` writes it (seen in Apache Superset's history).
    const MigrationFile file = MigrationParser::parse(
        QStringLiteral("/x/m.py"),
        QByteArray("\"\"\"merge 55e910 and 65b2ee\n\nRevision ID: 0cf47cfa673f\nRevises: ('55e910a74826', '65b2eefd8247')\n"
                   "Create Date: 2018-08-31 13:23:54.913168\n\n\"\"\"\n\n# revision identifiers, used by Alembic.\n"
                   "revision = '0cf47cfa673f'\ndown_revision = ('55e910a74826', '65b2eefd8247')\n"));
    QVERIFY2(file.diagnostics.isEmpty(), qPrintable(codes(file).join(',')));
    QCOMPARE(file.downRevision.values.size(), 2);
}

void TestMigrationParser::legacyFileNameGivesRevision()
{
    const MigrationFile file = MigrationParser::parse(QStringLiteral("/x/1a2b3c.py"), QByteArray("down_revision = None\n"));
    QCOMPARE(file.revisionId(), QStringLiteral("1a2b3c"));
    QVERIFY(!hasErrors(file.diagnostics));
}

void TestMigrationParser::readsLatin1DeclaredFiles()
{
    const MigrationFile file = MigrationParser::parse(
        QStringLiteral("/x/m.py"),
        QByteArray("# -*- coding: latin-1 -*-\n\"\"\"caf\xe9 table\"\"\"\nrevision = 'a'\ndown_revision = None\n"));
    QVERIFY(!hasErrors(file.diagnostics));
    QCOMPARE(file.doc, QString::fromUtf8("caf\xc3\xa9 table"));
}

void TestMigrationParser::nonLiteralKeepsRestOfFile()
{
    const MigrationFile file = MigrationParser::parse(
        QStringLiteral("/x/m.py"),
        QByteArray("revision = 'a'\ndown_revision = 'b'\nbranch_labels = (cli.EXPAND_BRANCH,)\ndepends_on = None\n"));
    QVERIFY(!hasErrors(file.diagnostics));
    QCOMPARE(file.revisionId(), QStringLiteral("a"));
    QCOMPARE(file.downRevision.values, QStringList{QStringLiteral("b")});
    QVERIFY(file.branchLabels.present && !file.branchLabels.literal);
    QVERIFY(file.diagnostics.first().message.contains(QLatin1String("cli.EXPAND_BRANCH")));
}

QTEST_GUILESS_MAIN(TestMigrationParser)
#include "tst_migrationparser.moc"
