// Literal values read without running Python: every string form decodes to
// the value Python gives it, tuples, lists and sets of strings become lists,
// and anything else (names, calls, operators, dicts, bytes, f-strings with
// fields, nesting deeper than Python allows) is refused with a reason.
#include "parser/PythonLiteral.h"

#include <QtTest>

using namespace headway;

namespace {

QString kindName(PythonLiteral::Kind kind)
{
    switch (kind) {
    case PythonLiteral::Kind::None: return QStringLiteral("none");
    case PythonLiteral::Kind::String: return QStringLiteral("string");
    case PythonLiteral::Kind::Sequence: return QStringLiteral("sequence");
    case PythonLiteral::Kind::NotLiteral: return QStringLiteral("not a literal");
    }
    return {};
}

// Lexes `x = <expression>` and evaluates what follows the `=`.
struct Evaluated {
    PythonLiteral literal;
    QString lexerError;
};

Evaluated evaluate(const QByteArray &expression)
{
    const QByteArray source = "x = " + expression + "\n";
    PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
    std::vector<PythonToken> tokens;
    Evaluated result;
    if (!lexer.nextModuleLevelLine(tokens) || tokens.size() < 2) {
        result.lexerError = lexer.error() ? QString::fromStdString(lexer.error()->message) : QStringLiteral("no tokens");
        return result;
    }
    result.literal = evaluateLiteral(std::span<const PythonToken>(tokens).subspan(2));
    return result;
}

QStringList joinedParts(const QByteArray &source, const char *separator)
{
    PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
    std::vector<PythonToken> tokens;
    QStringList parts;
    if (!lexer.nextModuleLevelLine(tokens))
        return {QStringLiteral("<lexer failed>")};
    for (const auto part : splitTopLevel(tokens, separator)) {
        QStringList texts;
        for (const PythonToken &token : part)
            texts += QString::fromUtf8(token.text.data(), static_cast<qsizetype>(token.text.size()));
        parts += texts.join(QLatin1Char('|'));
    }
    return parts;
}

} // namespace

class TestPythonLiteral : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluatesLiterals_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("strings");

        const QStringList none;
        QTest::newRow("None") << QByteArray("None") << "none" << none;
        QTest::newRow("parenthesised None") << QByteArray("(None)") << "none" << none;
        QTest::newRow("single quotes") << QByteArray("'abc'") << "string" << QStringList{"abc"};
        QTest::newRow("double quotes") << QByteArray("\"abc\"") << "string" << QStringList{"abc"};
        QTest::newRow("triple single quotes") << QByteArray("'''a'b'''") << "string" << QStringList{"a'b"};
        QTest::newRow("triple double quotes over lines") << QByteArray("\"\"\"a\nb\"\"\"") << "string" << QStringList{"a\nb"};
        QTest::newRow("empty string") << QByteArray("''") << "string" << QStringList{""};
        QTest::newRow("empty triple string") << QByteArray("''''''") << "string" << QStringList{""};
        QTest::newRow("u prefix") << QByteArray("u'abc'") << "string" << QStringList{"abc"};
        QTest::newRow("raw keeps backslashes") << QByteArray("r'a\\nb' R'\\d+'") << "string" << QStringList{"a\\nb\\d+"};
        QTest::newRow("raw keeps an escaped quote's backslash") << QByteArray("r'a\\'b'") << "string" << QStringList{"a\\'b"};
        QTest::newRow("simple escapes") << QByteArray("'\\t\\\\\\'\\\"\\a\\b\\f\\v\\n'") << "string"
                                        << QStringList{"\t\\'\"\a\b\f\v\n"};
        QTest::newRow("escaped carriage return stays one") << QByteArray("'a\\rb\\r\\n'") << "string" << QStringList{"a\rb\r\n"};
        QTest::newRow("numeric escapes") << QByteArray("'\\x41\\u00e9\\U0001F600\\101\\0'") << "string"
                                         << QStringList{QString::fromUtf8("A\xc3\xa9\xf0\x9f\x98\x80" "A") + QChar(0)};
        QTest::newRow("unknown escape keeps its backslash") << QByteArray("'\\d\\q'") << "string" << QStringList{"\\d\\q"};
        QTest::newRow("UTF-8 text") << QByteArray("'caf\xc3\xa9 \xe2\x9c\x93'") << "string"
                                    << QStringList{QString::fromUtf8("caf\xc3\xa9 \xe2\x9c\x93")};
        QTest::newRow("source CRLF becomes LF") << QByteArray("'''a\r\nb\rc'''") << "string" << QStringList{"a\nb\nc"};
        QTest::newRow("source CRLF in a raw string") << QByteArray("r'''a\r\nb'''") << "string" << QStringList{"a\nb"};
        QTest::newRow("backslash-newline joins") << QByteArray("'a\\\nb' 'c\\\r\nd'") << "string" << QStringList{"abcd"};
        QTest::newRow("implicit concatenation") << QByteArray("'a' \"b\" '''c''' u'd'") << "string" << QStringList{"abcd"};
        QTest::newRow("concatenation over lines") << QByteArray("('ab'\n    'cd')") << "string" << QStringList{"abcd"};
        QTest::newRow("f-string without fields") << QByteArray("f'abc' 'd'") << "string" << QStringList{"abcd"};
        QTest::newRow("f-string doubled braces") << QByteArray("f'{{x}} a}}b'") << "string" << QStringList{"{x} a}b"};
        QTest::newRow("raw f-string doubled braces") << QByteArray("rf'\\d{{2}}'") << "string" << QStringList{"\\d{2}"};
        QTest::newRow("grouping parentheses") << QByteArray("(('a'))") << "string" << QStringList{"a"};

        QTest::newRow("tuple") << QByteArray("('a', 'b')") << "sequence" << QStringList{"a", "b"};
        QTest::newRow("one-element tuple") << QByteArray("('a',)") << "sequence" << QStringList{"a"};
        QTest::newRow("bare tuple") << QByteArray("'a', 'b'") << "sequence" << QStringList{"a", "b"};
        QTest::newRow("bare one-element tuple") << QByteArray("'a',") << "sequence" << QStringList{"a"};
        QTest::newRow("list with trailing comma") << QByteArray("[\n  'a',\n  'b',\n]") << "sequence" << QStringList{"a", "b"};
        QTest::newRow("set") << QByteArray("{'a'}") << "sequence" << QStringList{"a"};
        QTest::newRow("empty tuple") << QByteArray("()") << "sequence" << none;
        QTest::newRow("empty list") << QByteArray("[]") << "sequence" << none;
        QTest::newRow("one-element list") << QByteArray("['a']") << "sequence" << QStringList{"a"};
        QTest::newRow("concatenated elements") << QByteArray("['a' 'b', 'c']") << "sequence" << QStringList{"ab", "c"};
        QTest::newRow("parenthesised elements") << QByteArray("[('a'), (('b'))]") << "sequence" << QStringList{"a", "b"};
        QTest::newRow("duplicates kept in order") << QByteArray("('b', 'a', 'b')") << "sequence" << QStringList{"b", "a", "b"};
    }

    void evaluatesLiterals()
    {
        QFETCH(QByteArray, expression);
        QFETCH(QString, kind);
        QFETCH(QStringList, strings);
        const Evaluated result = evaluate(expression);
        QVERIFY2(result.lexerError.isEmpty(), qPrintable(result.lexerError));
        QVERIFY2(kindName(result.literal.kind) == kind,
                 qPrintable(QStringLiteral("read as %1 (%2)").arg(kindName(result.literal.kind), result.literal.reason)));
        QCOMPARE(result.literal.strings, strings);
        QVERIFY2(result.literal.reason.isEmpty(), qPrintable(result.literal.reason));
    }

    void refusesWhatIsNotALiteral_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<QString>("reason");

        QTest::newRow("nothing") << QByteArray("") << "no value is given";
        QTest::newRow("name") << QByteArray("REVISION") << "it is an expression, not a string literal";
        QTest::newRow("number") << QByteArray("1") << "it is an expression, not a string literal";
        QTest::newRow("True") << QByteArray("True") << "it is an expression, not a string literal";
        QTest::newRow("attribute") << QByteArray("cli.EXPAND_BRANCH") << "it is an expression, not a string literal";
        QTest::newRow("call") << QByteArray("make_id('a')") << "it is an expression, not a string literal";
        QTest::newRow("method on a string") << QByteArray("'A'.lower()") << "it is an expression, not a string literal";
        QTest::newRow("sum of strings") << QByteArray("'a' + 'b'") << "it is an expression, not a string literal";
        QTest::newRow("string then None") << QByteArray("'a' None") << "it is an expression, not a string literal";
        QTest::newRow("conditional") << QByteArray("'a' if x else 'b'") << "it is an expression, not a string literal";
        QTest::newRow("negative number") << QByteArray("-1") << "it is an expression, not a string literal";
        QTest::newRow("called group") << QByteArray("('a')('b')") << "it is an expression, not a literal";
        QTest::newRow("subscript") << QByteArray("['a', 'b'][0]") << "it is an expression, not a literal";
        QTest::newRow("tuple plus tuple") << QByteArray("('a',) + ('b',)") << "it is an expression, not a literal";
        QTest::newRow("comprehension") << QByteArray("[x for x in 'ab']") << "it is an expression, not a string literal";
        QTest::newRow("bytes") << QByteArray("b'abc'") << "it is a bytes literal, not a str";
        QTest::newRow("raw bytes") << QByteArray("Rb'abc'") << "it is a bytes literal, not a str";
        QTest::newRow("str and bytes") << QByteArray("'a' b'b'") << "it is a bytes literal, not a str";
        QTest::newRow("f-string field") << QByteArray("f'{prefix}abc'") << "it is an f-string with replacement fields";
        QTest::newRow("f-string field after doubled braces") << QByteArray("f'{{a}}{b}'") << "it is an f-string with replacement fields";
        QTest::newRow("f-string lone closing brace") << QByteArray("f'a}b'") << "it is an f-string with a single '}'";
        QTest::newRow("empty dict") << QByteArray("{}") << "it is an empty dict";
        QTest::newRow("dict") << QByteArray("{'a': 'b'}") << "it is a dict";
        QTest::newRow("None in a tuple") << QByteArray("('a', None)") << "it contains None";
        QTest::newRow("None in a bare tuple") << QByteArray("None, 'a'") << "it contains None";
        QTest::newRow("nested tuple") << QByteArray("(('a', 'b'), 'c')") << "it nests a sequence";
        QTest::newRow("nested list") << QByteArray("[['a']]") << "it nests a sequence";
        QTest::newRow("name in a list") << QByteArray("['a', B]") << "it is an expression, not a string literal";
        QTest::newRow("empty element") << QByteArray("('a', , 'b')") << "it has an empty element";
        QTest::newRow("lone comma") << QByteArray(",") << "it has an empty element";
    }

    void refusesWhatIsNotALiteral()
    {
        QFETCH(QByteArray, expression);
        QFETCH(QString, reason);
        const Evaluated result = evaluate(expression);
        QVERIFY2(result.lexerError.isEmpty(), qPrintable(result.lexerError));
        QVERIFY2(result.literal.kind == PythonLiteral::Kind::NotLiteral,
                 qPrintable(QStringLiteral("read as %1: [%2]").arg(kindName(result.literal.kind),
                                                                   result.literal.strings.join(", "))));
        QCOMPARE(result.literal.reason, reason);
        QVERIFY2(result.literal.strings.isEmpty(), "a refused value yields no strings");
    }

    void keepsTheSourceOfWhatItRefuses()
    {
        const Evaluated result = evaluate("(  cli.EXPAND_BRANCH ,\n    other  )");
        QCOMPARE(result.literal.kind, PythonLiteral::Kind::NotLiteral);
        QCOMPARE(result.literal.sourceText, QStringLiteral("( cli.EXPAND_BRANCH , other )"));
    }

    void nestingAsDeepAsPythonAllowsIsRead()
    {
        const Evaluated grouped = evaluate(QByteArray(200, '(') + "'a'" + QByteArray(200, ')'));
        QVERIFY2(grouped.lexerError.isEmpty(), qPrintable(grouped.lexerError));
        QCOMPARE(grouped.literal.kind, PythonLiteral::Kind::String);
        QCOMPARE(grouped.literal.strings, QStringList{"a"});
        const Evaluated lists = evaluate(QByteArray(200, '[') + "'a'" + QByteArray(200, ']'));
        QCOMPARE(lists.literal.reason, QStringLiteral("it nests a sequence"));
    }

    void nestingDeeperThanPythonAllowsIsRefused()
    {
        // The lexer stops such source; tokens handed over directly must not recurse without bound
        // either (nor walk the whole span once per level).
        constexpr int depth = 5000;
        const QByteArray source = QByteArray(depth, '(') + "'a'" + QByteArray(depth, ')');
        const std::string_view view(source.constData(), static_cast<std::size_t>(source.size()));
        std::vector<PythonToken> tokens;
        for (int i = 0; i < depth; ++i)
            tokens.push_back({PythonToken::Kind::Operator, view.substr(i, 1), 1});
        tokens.push_back({PythonToken::Kind::String, view.substr(depth, 3), 1});
        for (int i = 0; i < depth; ++i)
            tokens.push_back({PythonToken::Kind::Operator, view.substr(depth + 3 + i, 1), 1});
        const PythonLiteral literal = evaluateLiteral(tokens);
        QCOMPARE(literal.kind, PythonLiteral::Kind::NotLiteral);
        QCOMPARE(literal.reason, QStringLiteral("it is nested too deeply"));
    }

    void decodesStringTokensDirectly_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("decoded");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QByteArray("'a\\x62'") << true << "ab";
        QTest::newRow("upper-case prefixes") << QByteArray("RF'\\{{'") << true << "\\{";
        QTest::newRow("bytes") << QByteArray("b'a'") << false << "";
        QTest::newRow("upper-case bytes") << QByteArray("BR'a'") << false << "";
        QTest::newRow("f-string with a field") << QByteArray("F'{a}'") << false << "";
    }

    void decodesStringTokensDirectly()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, decoded);
        QFETCH(QString, value);
        QString out;
        const std::string_view view(token.constData(), static_cast<std::size_t>(token.size()));
        QCOMPARE(decodePythonString(view, out), decoded); // no reason asked for: must not crash
        if (decoded)
            QCOMPARE(out, value);
        QString reason;
        QString again;
        QCOMPARE(decodePythonString(view, again, &reason), decoded);
        QCOMPARE(reason.isEmpty(), decoded);
    }

    void splitsAtTopLevelSeparators_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("chained assignment") << QByteArray("a = b = 'c'") << "=" << QStringList{"a", "b", "'c'"};
        QTest::newRow("keyword arguments stay whole") << QByteArray("x = f(a=1, b=[c == d])") << "="
                                                      << QStringList{"x", "f|(|a|=|1|,|b|=|[|c|==|d|]|)"};
        QTest::newRow("comparison is no assignment") << QByteArray("a != b <= c") << "=" << QStringList{"a|!=|b|<=|c"};
        QTest::newRow("annotation") << QByteArray("x: int = 5") << "=" << QStringList{"x|:|int", "5"};
        QTest::newRow("nested commas stay") << QByteArray("a, (b, c), [d, {e, f}]") << ","
                                            << QStringList{"a", "(|b|,|c|)", "[|d|,|{|e|,|f|}|]"};
        QTest::newRow("statements") << QByteArray("a = 1; b = 2;") << ";" << QStringList{"a|=|1", "b|=|2", ""};
        QTest::newRow("separators inside strings") << QByteArray("y = '=;,'") << ";" << QStringList{"y|=|'=;,'"};
        QTest::newRow("no separator") << QByteArray("x") << "," << QStringList{"x"};
    }

    void splitsAtTopLevelSeparators()
    {
        QFETCH(QByteArray, source);
        QFETCH(QString, separator);
        QFETCH(QStringList, parts);
        const QByteArray separatorBytes = separator.toUtf8();
        QCOMPARE(joinedParts(source, separatorBytes.constData()), parts);
    }
};

QTEST_GUILESS_MAIN(TestPythonLiteral)
#include "tst_pythonliteral.moc"
