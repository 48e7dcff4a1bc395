// alembic.ini is read the way Python's configparser reads it for Alembic:
// both delimiters, continuation lines, full-line comments only, case-blind
// keys, [DEFAULT] and Alembic's %(here)s, and the files configparser refuses
// (no header, a key or section twice, bad interpolation) are reported with
// their line.
#include "config/IniFile.h"

#include "TestFiles.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

const QHash<QString, QString> alembicDefaults{{QStringLiteral("here"), QStringLiteral("/h")}};

IniFile parse(const QByteArray &text, const QHash<QString, QString> &defaults = alembicDefaults)
{
    return IniFile::parse(QStringLiteral("/project/alembic.ini"), text, defaults);
}

QString valueOf(const IniFile &ini, const QString &section, const QString &key)
{
    return ini.value(section, key).value_or(QStringLiteral("<absent>"));
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines += QStringLiteral("%1 line %2: %3").arg(d.code).arg(d.line).arg(d.message);
    return lines.isEmpty() ? QStringLiteral("no diagnostics") : lines.join(QLatin1String("; "));
}

} // namespace

class TestIniFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsValues_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("value");

        QTest::newRow("equals") << QByteArray("[alembic]\nscript_location = migrations\n") << "alembic" << "script_location" << true << "migrations";
        QTest::newRow("colon") << QByteArray("[a]\nurl: sqlite:///x.db\n") << "a" << "url" << true << "sqlite:///x.db";
        QTest::newRow("first delimiter splits, equals first") << QByteArray("[a]\nt = a=b:c\n") << "a" << "t" << true << "a=b:c";
        QTest::newRow("first delimiter splits, colon first") << QByteArray("[a]\nx:y = z\n") << "a" << "x" << true << "y = z";
        QTest::newRow("keys ignore case") << QByteArray("[a]\nScript_Location = m\n") << "a" << "SCRIPT_LOCATION" << true << "m";
        QTest::newRow("section names keep case") << QByteArray("[A]\nk = 1\n") << "a" << "k" << false << "";
        QTest::newRow("whitespace around key and value") << QByteArray("[a]\n   k\t=\t  v  v  \n") << "a" << "k" << true << "v  v";
        QTest::newRow("spaces inside a key") << QByteArray("[a]\nsqlalchemy url = x\n") << "a" << "sqlalchemy url" << true << "x";
        QTest::newRow("empty value") << QByteArray("[a]\nk =\n") << "a" << "k" << true << "";
        QTest::newRow("a hash after the value is part of it") << QByteArray("[a]\nk = v # not a comment\n") << "a" << "k" << true << "v # not a comment";
        QTest::newRow("a semicolon after the value is part of it") << QByteArray("[a]\nk = v ; too\n") << "a" << "k" << true << "v ; too";
        QTest::newRow("full-line comments") << QByteArray("# c\n; c\n[a]\n  # c\nk = v\n; c\n") << "a" << "k" << true << "v";
        QTest::newRow("continuation lines") << QByteArray("[a]\nk = one\n  two\n\tthree\n") << "a" << "k" << true << "one\ntwo\nthree";
        QTest::newRow("blank line inside a value") << QByteArray("[a]\nk = one\n\n  two\n\nj = x\n") << "a" << "k" << true << "one\n\ntwo";
        QTest::newRow("trailing blank lines dropped") << QByteArray("[a]\nk = one\n  two\n\n\n") << "a" << "k" << true << "one\ntwo";
        QTest::newRow("indented comment inside a value") << QByteArray("[a]\nk = one\n  # c\n  two\n") << "a" << "k" << true << "one\ntwo";
        QTest::newRow("unindented comment inside a value") << QByteArray("[a]\nk = one\n# c\n  two\n") << "a" << "k" << true << "one\ntwo";
        QTest::newRow("value starting on the next line") << QByteArray("[a]\nk =\n  first\n  second\n") << "a" << "k" << true << "\nfirst\nsecond";
        QTest::newRow("deeper line continues an indented key") << QByteArray("[a]\n  k = one\n    more\n  j = two\n") << "a" << "k" << true << "one\nmore";
        QTest::newRow("same indentation starts a new key") << QByteArray("[a]\n  k = one\n  j = two\n") << "a" << "j" << true << "two";
        QTest::newRow("indented key-like line continues") << QByteArray("[a]\nk = one\n   j = two\n") << "a" << "k" << true << "one\nj = two";
        QTest::newRow("indented header-like line continues") << QByteArray("[a]\nk = v\n  [b]\n") << "a" << "k" << true << "v\n[b]";
        QTest::newRow("CRLF line ends") << QByteArray("[a]\r\nk = one\r\n  two\r\n") << "a" << "k" << true << "one\ntwo";
        QTest::newRow("CR line ends") << QByteArray("[a]\rk = 1\r  2\r") << "a" << "k" << true << "1\n2";
        QTest::newRow("text after a header is ignored") << QByteArray("[a] ; main\nk = 1\n") << "a" << "k" << true << "1";
        QTest::newRow("header ends at the last bracket") << QByteArray("[a]]\nk = 1\n") << "a]" << "k" << true << "1";
        QTest::newRow("UTF-8 value") << QByteArray("[a]\nk = caf\xc3\xa9\n") << "a" << "k" << true << QString::fromUtf8("caf\xc3\xa9");
        QTest::newRow("DEFAULT fills in") << QByteArray("[DEFAULT]\nk = d\n[a]\nj = 1\n") << "a" << "k" << true << "d";
        QTest::newRow("section overrides DEFAULT") << QByteArray("[DEFAULT]\nk = d\n[a]\nk = s\n") << "a" << "k" << true << "s";
        QTest::newRow("[default] is an ordinary section") << QByteArray("[default]\nk = d\n[a]\n") << "a" << "k" << false << "";
        QTest::newRow("DEFAULT read directly") << QByteArray("[DEFAULT]\nk = d\n") << "DEFAULT" << "k" << true << "d";
        QTest::newRow("passed-in default read from DEFAULT") << QByteArray("[a]\n") << "DEFAULT" << "here" << true << "/h";
        QTest::newRow("passed-in default") << QByteArray("[a]\n") << "a" << "here" << true << "/h";
        QTest::newRow("missing section has no defaults") << QByteArray("[DEFAULT]\nk = d\n") << "alembic" << "k" << false << "";
        QTest::newRow("missing section has no passed-in defaults") << QByteArray("[a]\n") << "alembic" << "here" << false << "";
        QTest::newRow("missing key") << QByteArray("[a]\nk = 1\n") << "a" << "j" << false << "";
        QTest::newRow("key of another section") << QByteArray("[a]\nk = 1\n[b]\n") << "b" << "k" << false << "";

        QTest::newRow("%(here)s") << QByteArray("[a]\nk = %(here)s/versions\n") << "a" << "k" << true << "/h/versions";
        QTest::newRow("interpolated names ignore case") << QByteArray("[a]\nk = %(HERE)s/x\n") << "a" << "k" << true << "/h/x";
        QTest::newRow("file's DEFAULT overrides a passed-in default") << QByteArray("[DEFAULT]\nhere = /file\n[a]\nk = %(here)s/x\n") << "a" << "k" << true << "/file/x";
        QTest::newRow("section key overrides a passed-in default") << QByteArray("[a]\nhere = /mine\nk = %(here)s\n") << "a" << "k" << true << "/mine";
        QTest::newRow("same-section reference") << QByteArray("[a]\nbase = /srv\nk = %(base)s/db\n") << "a" << "k" << true << "/srv/db";
        QTest::newRow("reference defined later") << QByteArray("[a]\nk = %(base)s/db\nbase = /srv\n") << "a" << "k" << true << "/srv/db";
        QTest::newRow("reference to DEFAULT") << QByteArray("[DEFAULT]\nroot = /r\n[a]\nk = %(root)s\n") << "a" << "k" << true << "/r";
        QTest::newRow("DEFAULT refers to the asking section") << QByteArray("[DEFAULT]\nk = %(x)s!\n[a]\nx = A\n") << "a" << "k" << true << "A!";
        QTest::newRow("chained references") << QByteArray("[a]\nx = 1\ny = %(x)s2\nk = %(y)s3\n") << "a" << "k" << true << "123";
        QTest::newRow("literal percent") << QByteArray("[a]\nk = 100%%\n") << "a" << "k" << true << "100%";
        QTest::newRow("literal percent through a reference") << QByteArray("[a]\nk = 100%%\nj = %(k)s!\n") << "a" << "j" << true << "100%!";
        QTest::newRow("interpolation on every line") << QByteArray("[a]\nk = %(here)s/a\n  %(here)s/b\n") << "a" << "k" << true << "/h/a\n/h/b";
    }

    void readsValues()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(bool, present);
        QFETCH(QString, value);
        const IniFile ini = parse(text);
        const std::optional<QString> read = ini.value(section, key);
        const QString problem = present ? QStringLiteral("%1 is missing from [%2]").arg(key, section)
                                        : QStringLiteral("%1 in [%2] should be absent, read \"%3\"")
                                              .arg(key, section, read.value_or(QString()));
        QVERIFY2(read.has_value() == present, qPrintable(problem));
        if (present)
            QCOMPARE(*read, value);
        QVERIFY2(ini.isValid() && ini.diagnostics().isEmpty(), qPrintable(describe(ini.diagnostics())));
    }

    void reportsWhatConfigparserRefuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("lookup"); // "section/key" to read first: interpolation is checked when read
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");

        QTest::newRow("key before any header") << QByteArray("k = 1\n[a]\n") << "" << false
                                               << "File contains no section headers before line 1" << 1;
        QTest::newRow("byte order mark hides the header") << QByteArray("\xEF\xBB\xBF[alembic]\nk = 1\n") << "" << false
                                                          << "File contains no section headers before line 1" << 1;
        QTest::newRow("empty brackets are no header") << QByteArray("[]\nk = 1\n") << "" << false
                                                      << "File contains no section headers before line 1" << 1;
        QTest::newRow("line without a delimiter") << QByteArray("[a]\nk = 1\nnovalue\n") << "" << false
                                                  << "Cannot parse line 3 of /project/alembic.ini" << 3;
        QTest::newRow("empty key") << QByteArray("[a]\n= v\n") << "" << false << "Cannot parse line 2" << 2;
        QTest::newRow("empty key before a colon") << QByteArray("[a]\n  : v\n") << "" << false << "Cannot parse line 2" << 2;
        QTest::newRow("option twice") << QByteArray("[a]\nk = 1\n\nk = 2\n") << "" << false
                                      << "Option 'k' in [a] already exists: line 2 of /project/alembic.ini gives it first" << 4;
        QTest::newRow("option twice in another case") << QByteArray("[a]\nk = 1\nK: 2\n") << "" << false
                                                      << "Option 'k' in [a] already exists: line 2" << 3;
        QTest::newRow("section twice") << QByteArray("[a]\nk = 1\n[b]\n[a]\nj = 2\n") << "" << false
                                       << "Section [a] already exists: line 1" << 4;
        QTest::newRow("option twice across DEFAULT blocks") << QByteArray("[DEFAULT]\nk = 1\n[DEFAULT]\nk = 2\n") << "" << false
                                                            << "Option 'k' in [DEFAULT] already exists: line 2" << 4;
        QTest::newRow("undefined reference") << QByteArray("[a]\nk = %(nope)s\n") << "a/k" << true
                                             << "Bad value substitution: 'k' in [a] refers to '%(nope)s', which is not defined" << 2;
        QTest::newRow("reference to another section") << QByteArray("[b]\nx = 1\n[a]\nk = %(x)s\n") << "a/k" << true
                                                      << "Bad value substitution: 'k' in [a] refers to '%(x)s', which is not defined" << 4;
        QTest::newRow("self reference") << QByteArray("[a]\n\nk = %(k)s\n") << "a/k" << true
                                        << "Value of 'k' in [a] refers to itself through %(...)s" << 3;
        QTest::newRow("circular references") << QByteArray("[a]\nk = %(j)s\nj = %(k)s\n") << "a/k" << true
                                             << "refers to itself through %(...)s" << -1;
        QTest::newRow("lone percent") << QByteArray("[a]\nk = 5%\n") << "a/k" << true
                                      << "'%' must be followed by '%' or '(' in the value of 'k' in [a]" << 2;
        QTest::newRow("unclosed reference") << QByteArray("[a]\nk = %(here\n") << "a/k" << true
                                            << "'%' must be followed by '%' or '(' in the value of 'k' in [a]" << 2;
        QTest::newRow("percent then a letter") << QByteArray("[a]\nk = %s\n") << "a/k" << true
                                               << "'%' must be followed by '%' or '('" << 2;
    }

    void reportsWhatConfigparserRefuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, lookup);
        QFETCH(bool, valid);
        QFETCH(QString, message);
        QFETCH(int, line);
        const IniFile ini = parse(text);
        if (!lookup.isEmpty())
            (void)ini.value(lookup.section(QLatin1Char('/'), 0, 0), lookup.section(QLatin1Char('/'), 1));
        QCOMPARE(ini.isValid(), valid);
        const auto found = std::find_if(ini.diagnostics().cbegin(), ini.diagnostics().cend(),
                                        [&](const Diagnostic &d) { return d.message.contains(message); });
        QVERIFY2(found != ini.diagnostics().cend(),
                 qPrintable(QStringLiteral("expected \"%1\", got: %2").arg(message, describe(ini.diagnostics()))));
        QCOMPARE(found->severity, Severity::Error);
        QCOMPARE(found->code, QStringLiteral("invalid-config"));
        QCOMPARE(found->path, QStringLiteral("/project/alembic.ini"));
        if (line >= 0)
            QCOMPARE(found->line, line);
        QVERIFY2(!found->hint.isEmpty(), "every problem says what to do");
    }

    void keepsReadingAfterABadLine()
    {
        const IniFile ini = parse("[a]\nbroken line\nk = 1\nk = 2\n[b]\nj = 3\n");
        QVERIFY(!ini.isValid());
        QCOMPARE(ini.diagnostics().size(), 2);
        QCOMPARE(valueOf(ini, "a", "k"), QStringLiteral("2"));
        QCOMPARE(valueOf(ini, "b", "j"), QStringLiteral("3"));
    }

    void byteOrderMarkIsReportedButTheRestIsRead()
    {
        const IniFile ini = parse("\xEF\xBB\xBF[alembic]\nscript_location = m\n");
        QVERIFY(!ini.isValid());
        QCOMPARE(ini.diagnostics().size(), 1);
        QVERIFY2(ini.diagnostics().first().message.contains("byte order mark"), qPrintable(describe(ini.diagnostics())));
        QCOMPARE(valueOf(ini, "alembic", "script_location"), QStringLiteral("m"));
        QCOMPARE(ini.line("alembic", "script_location"), 2);
    }

    void knowsSectionsAndLines()
    {
        const IniFile ini = parse("[a] trailing\n\nk = 1\n  more\nJ = 2\n  [c]\n[b]\n");
        QVERIFY(ini.hasSection("a"));
        QVERIFY(ini.hasSection("b"));
        QVERIFY2(!ini.hasSection("c"), "an indented header continues the value above it");
        QVERIFY(!ini.hasSection("a trailing"));
        QCOMPARE(ini.line("a", "k"), 3);
        QCOMPARE(ini.line("a", "j"), 5);
        QCOMPARE(ini.line("a", "missing"), 0);
        QCOMPARE(valueOf(ini, "a", "j"), QStringLiteral("2\n[c]"));
    }

    void passedInDefaultsIgnoreCase()
    {
        const IniFile ini = parse("[a]\nk = %(here)s/v\n", {{"HERE", "/upper"}});
        QCOMPARE(valueOf(ini, "a", "k"), QStringLiteral("/upper/v"));
        QCOMPARE(valueOf(ini, "a", "Here"), QStringLiteral("/upper"));
    }

    void repeatedLookupsReportOnce()
    {
        // Values are interpolated when read; reading one twice must not pile up reports.
        const IniFile ini = parse("[a]\nk = %(nope)s\n");
        QCOMPARE(valueOf(ini, "a", "k"), QStringLiteral(""));
        const qsizetype once = ini.diagnostics().size();
        QCOMPARE(once, 1);
        (void)ini.value("a", "k");
        QCOMPARE(ini.diagnostics().size(), once);
    }

    void circularReferencesStopAtTheFirstLoop()
    {
        // Ten references a level: walking every branch down to the depth limit would take 10^11 steps.
        const QByteArray toB = QByteArray("%(b)s").repeated(10);
        const QByteArray toA = QByteArray("%(a)s").repeated(10);
        const IniFile ini = parse("[x]\na = " + toB + "\nb = " + toA + "\n");
        QVERIFY(ini.value("x", "a").has_value());
        QCOMPARE(ini.diagnostics().size(), 1);
        QVERIFY2(ini.diagnostics().first().message.contains("refers to itself through %(...)s"),
                 qPrintable(describe(ini.diagnostics())));
    }

    void loadsFromDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("alembic.ini");
        test::writeFile(path, "[alembic]\r\nscript_location = %(here)s/migrations\r\n");
        const IniFile ini = IniFile::load(path, {{"here", dir.path()}});
        QVERIFY2(ini.isValid(), qPrintable(describe(ini.diagnostics())));
        QCOMPARE(ini.path(), path);
        QCOMPARE(valueOf(ini, "alembic", "script_location"), dir.path() + "/migrations");

        const IniFile missing = IniFile::load(dir.filePath("nope.ini"), {});
        QVERIFY(!missing.isValid());
        QCOMPARE(missing.diagnostics().size(), 1);
        QCOMPARE(missing.diagnostics().first().code, QStringLiteral("unreadable-config"));
        QVERIFY2(missing.diagnostics().first().message.contains(dir.filePath("nope.ini")),
                 qPrintable(missing.diagnostics().first().message));
        QVERIFY(!missing.value("alembic", "script_location"));
    }
};

QTEST_GUILESS_MAIN(TestIniFile)
#include "tst_inifile.moc"
