// The lexer cuts Python source into module-level logical lines the way
// CPython's tokenizer would: strings of every prefix and quote kind stay one
// token, brackets and backslashes join physical lines, indented code yields
// nothing, and broken source stops the scan with CPython's message and line.
#include "parser/PythonLexer.h"

#include <QtTest>

using namespace headway;

namespace {

struct Scan {
    QStringList lines; // each module-level logical line, its tokens joined by '|'
    std::optional<PythonSyntaxError> error;
};

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

Scan scan(const QByteArray &source)
{
    Scan result;
    PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
    std::vector<PythonToken> tokens;
    while (lexer.nextModuleLevelLine(tokens)) {
        QStringList parts;
        for (const PythonToken &token : tokens)
            parts += text(token.text);
        result.lines += parts.isEmpty() ? QStringLiteral("<a line without tokens>") : parts.join(QLatin1Char('|'));
        if (result.lines.size() > 1000)
            break; // a lexer that never advances must fail the test, not hang it
    }
    result.error = lexer.error();
    return result;
}

QString kindName(PythonToken::Kind kind)
{
    switch (kind) {
    case PythonToken::Kind::Name: return QStringLiteral("name");
    case PythonToken::Kind::String: return QStringLiteral("string");
    case PythonToken::Kind::Number: return QStringLiteral("number");
    case PythonToken::Kind::Operator: return QStringLiteral("operator");
    }
    return {};
}

QByteArray nested(char open, char close, int depth)
{
    return "x = " + QByteArray(depth, open) + "1" + QByteArray(depth, close) + "\n";
}

} // namespace

class TestPythonLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsModuleLevelLines_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("lines");

        QTest::newRow("assignment") << QByteArray("x = 1\n") << QStringList{"x|=|1"};
        QTest::newRow("no final newline") << QByteArray("x = 1") << QStringList{"x|=|1"};
        QTest::newRow("empty source") << QByteArray("") << QStringList{};
        QTest::newRow("only blank lines and comments")
            << QByteArray("\n   \n# one\n    # indented comment\n\t\n") << QStringList{};
        QTest::newRow("trailing comment") << QByteArray("x = 1  # the id\n") << QStringList{"x|=|1"};
        QTest::newRow("several lines") << QByteArray("a = 1\n\n# c\nb = 2\n") << QStringList{"a|=|1", "b|=|2"};
        QTest::newRow("semicolons keep one logical line") << QByteArray("a = 1; b = 2\n") << QStringList{"a|=|1|;|b|=|2"};
        QTest::newRow("indented body yields nothing")
            << QByteArray("def f():\n    y = 'inner'\n    return y\nz = 3\n") << QStringList{"def|f|(|)|:", "z|=|3"};
        QTest::newRow("tab-indented body") << QByteArray("if x:\n\ty = 1\nz = 2\n") << QStringList{"if|x|:", "z|=|2"};
        QTest::newRow("column-0 text inside an indented bracket belongs to the body")
            << QByteArray("def f():\n    g(\n'still the body',\nrevision = 'x')\nz = 3\n")
            << QStringList{"def|f|(|)|:", "z|=|3"};
        QTest::newRow("indented triple string hides column-0 text")
            << QByteArray("def f():\n    op.execute('''\nrevision = 'evil'\n''')\nz = 3\n")
            << QStringList{"def|f|(|)|:", "z|=|3"};
        QTest::newRow("brackets join lines") << QByteArray("x = (\n    'a',\n  # between\n    'b'\n)\n")
                                             << QStringList{"x|=|(|'a'|,|'b'|)"};
        QTest::newRow("mixed bracket kinds") << QByteArray("x = [{'a': ('b',)}]\n")
                                             << QStringList{"x|=|[|{|'a'|:|(|'b'|,|)|}|]"};
        QTest::newRow("backslash joins lines") << QByteArray("x = \\\n    1\ny = 2\n") << QStringList{"x|=|1", "y|=|2"};
        QTest::newRow("CRLF line ends") << QByteArray("a = 1\r\nb = (\r\n 2)\r\n") << QStringList{"a|=|1", "b|=|(|2|)"};
        QTest::newRow("CR line ends") << QByteArray("a = 1\rb = 2\r") << QStringList{"a|=|1", "b|=|2"};
        QTest::newRow("CR line ends around a comment line")
            << QByteArray("a = 1\r# note\rb = 2\r") << QStringList{"a|=|1", "b|=|2"};
        QTest::newRow("form feed resets the indentation") << QByteArray("\fx = 1\n") << QStringList{"x|=|1"};
        QTest::newRow("form feed then spaces is indented") << QByteArray("a = 1\n\f  y = 2\n") << QStringList{"a|=|1"};

        QTest::newRow("single and double quotes") << QByteArray("x = 'a' \"b\"\n") << QStringList{"x|=|'a'|\"b\""};
        QTest::newRow("empty strings") << QByteArray("x = '' \"\" '''''' \"\"\"\"\"\"\n")
                                       << QStringList{"x|=|''|\"\"|''''''|\"\"\"\"\"\""};
        QTest::newRow("triple quotes span lines") << QByteArray("x = '''a\nb = 2\n'''\ny = \"\"\"c\n\"\"\"\n")
                                                  << QStringList{"x|=|'''a\nb = 2\n'''", "y|=|\"\"\"c\n\"\"\""};
        QTest::newRow("quotes inside triple quotes") << QByteArray("x = '''a''b'c\"d'''\n")
                                                     << QStringList{"x|=|'''a''b'c\"d'''"};
        QTest::newRow("other quote inside") << QByteArray("x = \"it's\" 'say \"hi\"'\n")
                                            << QStringList{"x|=|\"it's\"|'say \"hi\"'"};
        QTest::newRow("escaped quote") << QByteArray("x = 'it\\'s'\n") << QStringList{"x|=|'it\\'s'"};
        QTest::newRow("escaped backslash ends before the quote") << QByteArray("x = 'a\\\\' + 'b'\n")
                                                                 << QStringList{"x|=|'a\\\\'|+|'b'"};
        QTest::newRow("raw string keeps an escaped quote inside") << QByteArray("x = r'a\\'b'\n")
                                                                  << QStringList{"x|=|r'a\\'b'"};
        QTest::newRow("backslash-newline inside a string") << QByteArray("x = 'a\\\nb'\ny = 1\n")
                                                           << QStringList{"x|=|'a\\\nb'", "y|=|1"};
        QTest::newRow("hash inside a string") << QByteArray("x = '# no comment'  # comment\n")
                                              << QStringList{"x|=|'# no comment'"};
        QTest::newRow("every valid prefix")
            << QByteArray("x = r'a' R'a' u'a' U'a' b'a' B'a' f'a' F'a' br'a' Rb'a' rB'a' fr'a' Rf'a' fR'a'\n")
            << QStringList{"x|=|r'a'|R'a'|u'a'|U'a'|b'a'|B'a'|f'a'|F'a'|br'a'|Rb'a'|rB'a'|fr'a'|Rf'a'|fR'a'"};
        QTest::newRow("prefixed triple quotes") << QByteArray("x = rb'''a\n'''\n") << QStringList{"x|=|rb'''a\n'''"};
        QTest::newRow("invalid prefixes are names")
            << QByteArray("x = ur'a' bu'a' rr'a' bf'a' xr'a'\n")
            << QStringList{"x|=|ur|'a'|bu|'a'|rr|'a'|bf|'a'|xr|'a'"};
        QTest::newRow("conflict marker text inside a string")
            << QByteArray("x = '''\n<<<<<<< HEAD\n=======\n'''\n") << QStringList{"x|=|'''\n<<<<<<< HEAD\n=======\n'''"};

        QTest::newRow("numbers") << QByteArray("x = 1_000 + 0x1F + 1e-5 + 2E+3 + 1.5j + .5 + 0o17\n")
                                 << QStringList{"x|=|1_000|+|0x1F|+|1e-5|+|2E+3|+|1.5j|+|.5|+|0o17"};
        QTest::newRow("hex digit e takes no exponent sign") << QByteArray("x = 0x1e+5\n") << QStringList{"x|=|0x1e|+|5"};
        QTest::newRow("operators") << QByteArray("a **= b // c != d -> e := f << g >>= h @ i ... ~j\n")
                                   << QStringList{"a|**=|b|//|c|!=|d|->|e|:=|f|<<|g|>>=|h|@|i|.|.|.|~|j"};
        QTest::newRow("comparison chain") << QByteArray("x = a<=b==c>d\n") << QStringList{"x|=|a|<=|b|==|c|>|d"};
        QTest::newRow("non-ASCII names") << QByteArray("caf\xc3\xa9 = 1\n") << QStringList{QString::fromUtf8("caf\xc3\xa9|=|1")};
        QTest::newRow("annotation") << QByteArray("revision: str = 'a'\n") << QStringList{"revision|:|str|=|'a'"};
        QTest::newRow("eight angle brackets are no conflict marker") << QByteArray("<<<<<<<< 2\n")
                                                                     << QStringList{"<<|<<|<<|<<|2"};
        QTest::newRow("two hundred nested brackets are allowed")
            << nested('(', ')', 200)
            << QStringList{"x|=|" + QStringList(200, "(").join('|') + "|1|" + QStringList(200, ")").join('|')};
    }

    void splitsModuleLevelLines()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, lines);
        const Scan result = scan(source);
        QVERIFY2(!result.error, result.error ? result.error->message.c_str() : "");
        QCOMPARE(result.lines, lines);
    }

    void tokensKnowTheirKindAndLine()
    {
        const QByteArray source("import x\n\nx = (\n  'a',\n  '''b\nc''', 0x1F)\ny = f\"z\"\n");
        PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
        std::vector<PythonToken> tokens;
        QStringList seen;
        while (lexer.nextModuleLevelLine(tokens))
            for (const PythonToken &token : tokens)
                seen += QStringLiteral("%1 %2 @%3").arg(kindName(token.kind), text(token.text)).arg(token.line);
        QVERIFY(!lexer.error());
        const QStringList expected{
            "name import @1", "name x @1",
            "name x @3", "operator = @3", "operator ( @3", "string 'a' @4", "operator , @4",
            "string '''b\nc''' @5", "operator , @6", "number 0x1F @6", "operator ) @6",
            "name y @7", "operator = @7", "string f\"z\" @7",
        };
        QCOMPARE(seen, expected);
    }

    void reportsSyntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");

        QTest::newRow("bracket never closed") << QByteArray("a = 1\nx = (\n  1,\n") << "'(' was never closed" << 2;
        QTest::newRow("innermost unclosed bracket") << QByteArray("x = [\n(\n") << "'(' was never closed" << 2;
        QTest::newRow("unmatched closer") << QByteArray("x = 1)\n") << "unmatched ')'" << 1;
        QTest::newRow("mismatched closer") << QByteArray("x = (1]\n")
                                           << "closing parenthesis ']' does not match opening parenthesis '('" << 1;
        QTest::newRow("mismatched closer on a later line")
            << QByteArray("x = {\n1)\n") << "closing parenthesis ')' does not match opening parenthesis '{' on line 1" << 2;
        QTest::newRow("unterminated string") << QByteArray("x = 'abc\ny = 1\n")
                                             << "unterminated string literal (detected at line 1)" << 1;
        QTest::newRow("unterminated string at the end") << QByteArray("\nx = \"abc")
                                                        << "unterminated string literal (detected at line 2)" << 2;
        QTest::newRow("unterminated triple string")
            << QByteArray("x = '''abc\ndef\n\n") << "unterminated triple-quoted string literal (detected at line 3)" << 1;
        QTest::newRow("unterminated triple string, no final newline")
            << QByteArray("x = \"\"\"abc\ndef") << "unterminated triple-quoted string literal (detected at line 2)" << 1;
        QTest::newRow("one quote too many after a triple string")
            << QByteArray("x = '''a''''\n") << "unterminated string literal (detected at line 1)" << 1;
        QTest::newRow("text after a line continuation")
            << QByteArray("x = \\ 1\n") << "unexpected character after line continuation character" << 1;
        QTest::newRow("line continuation at the end") << QByteArray("x = 1 \\") << "unexpected EOF while parsing" << 1;
        QTest::newRow("lone exclamation mark") << QByteArray("x = !a\n") << "invalid syntax" << 1;
        QTest::newRow("dollar sign") << QByteArray("x = $a\n") << "invalid character '$'" << 1;
        QTest::newRow("backtick in a body") << QByteArray("def f():\n    `x`\n") << "invalid character '`'" << 2;
        QTest::newRow("control character") << QByteArray("x = 1\x01\n") << "invalid non-printable character U+0001" << 1;
        QTest::newRow("delete character") << QByteArray("x\x7f = 1\n") << "invalid non-printable character U+007F" << 1;
        QTest::newRow("null byte") << QByteArray("x = 1\0\n", 7) << "source code cannot contain null bytes" << 1;
        QTest::newRow("unterminated string in a body")
            << QByteArray("def f():\n    x = 'abc\n") << "unterminated string literal (detected at line 2)" << 2;
        QTest::newRow("unclosed bracket in a body") << QByteArray("def f():\n    g(\n") << "'(' was never closed" << 2;
        QTest::newRow("conflict marker ours")
            << QByteArray("<<<<<<< HEAD\nx = 1\n")
            << "unresolved merge conflict marker (git left <<<<<<<, ======= or >>>>>>> here)" << 1;
        QTest::newRow("conflict marker separator")
            << QByteArray("x = 1\n=======\nx = 2\n")
            << "unresolved merge conflict marker (git left <<<<<<<, ======= or >>>>>>> here)" << 2;
        QTest::newRow("conflict marker theirs at the end")
            << QByteArray("x = 1\n>>>>>>>") << "unresolved merge conflict marker (git left <<<<<<<, ======= or >>>>>>> here)" << 2;
        QTest::newRow("201 nested brackets") << nested('(', ')', 201) << "too many nested parentheses" << 1;
        QTest::newRow("deeply nested brackets") << nested('[', ']', 100000) << "too many nested parentheses" << 1;
        QTest::newRow("deeply nested brackets in a body")
            << QByteArray("def f():\n    " + nested('{', '}', 5000)) << "too many nested parentheses" << 2;
    }

    void reportsSyntaxErrors()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, message);
        QFETCH(int, line);
        const Scan result = scan(source);
        QVERIFY2(result.error, qPrintable("no error; lines: " + result.lines.join(" / ")));
        QCOMPARE(QString::fromStdString(result.error->message), message);
        QCOMPARE(result.error->line, line);
    }

    void errorEndsTheScanButKeepsEarlierLines()
    {
        const QByteArray source("revision = 'a'\ndown_revision = ('b',\n\nz = 1\n");
        PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
        std::vector<PythonToken> tokens;
        QVERIFY(lexer.nextModuleLevelLine(tokens));
        QCOMPARE(text(tokens.front().text), QStringLiteral("revision"));
        QVERIFY2(!lexer.nextModuleLevelLine(tokens), "the unclosed bracket must end the scan");
        QVERIFY(lexer.error());
        QCOMPARE(lexer.error()->line, 2);
        QVERIFY2(!lexer.nextModuleLevelLine(tokens), "a lexer that failed stays failed");
        QCOMPARE(lexer.error()->line, 2);
    }

    void longBodiesAreScannedToTheEnd()
    {
        // A big upgrade() with strings and brackets everywhere must not hide what follows it.
        QByteArray source("revision = 'a'\ndef upgrade():\n");
        for (int i = 0; i < 20000; ++i)
            source += "    op.execute(\"UPDATE t SET x = 'it''s' WHERE y = (1)\")  # (\n";
        source += "down_revision = None\n";
        const Scan result = scan(source);
        QVERIFY2(!result.error, result.error ? result.error->message.c_str() : "");
        QCOMPARE(result.lines, (QStringList{"revision|=|'a'", "def|upgrade|(|)|:", "down_revision|=|None"}));
    }
};

QTEST_GUILESS_MAIN(TestPythonLexer)
#include "tst_pythonlexer.moc"
