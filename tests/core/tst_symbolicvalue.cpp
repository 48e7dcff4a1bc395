// The symbolic form of a value that is not a literal: strings and dotted names,
// alone or as the elements of one tuple, list or set, become a list the loader
// may finish by looking the names up; anything else (calls, operators,
// subscripts, nesting, dicts, keywords) has no symbolic form.
#include "parser/SymbolicValue.h"

#include <QtTest>

using namespace headway;

namespace {

// Lexes `x = <expression>` and reads what follows the `=`; "name" marks references.
QString symbolic(const QByteArray &expression)
{
    const QByteArray source = "x = " + expression + "\n";
    PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
    std::vector<PythonToken> tokens;
    if (!lexer.nextModuleLevelLine(tokens) || tokens.size() < 2)
        return QStringLiteral("<lexer failed>");
    const SymbolicValue value = evaluateSymbolic(std::span<const PythonToken>(tokens).subspan(2));
    if (value.isEmpty())
        return QStringLiteral("-");
    QStringList parts;
    for (const SymbolicElement &element : value.elements)
        parts += element.reference ? QStringLiteral("<%1>").arg(element.text) : QStringLiteral("'%1'").arg(element.text);
    return (value.sequence ? QStringLiteral("seq ") : QString()) + parts.join(QLatin1Char(' '));
}

} // namespace

class TestSymbolicValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsStringsAndNames_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::addColumn<QString>("expected");
        QTest::newRow("attribute") << QByteArray("cli.EXPAND_BRANCH") << "<cli.EXPAND_BRANCH>";
        QTest::newRow("bare name") << QByteArray("EXPAND") << "<EXPAND>";
        QTest::newRow("grouped name") << QByteArray("((EXPAND))") << "<EXPAND>";
        QTest::newRow("one-element tuple") << QByteArray("(cli.EXPAND_BRANCH,)") << "seq <cli.EXPAND_BRANCH>";
        QTest::newRow("bare tuple") << QByteArray("'a', cli.B") << "seq 'a' <cli.B>";
        QTest::newRow("mixed tuple") << QByteArray("('ocata01', migration.CONTRACT_BRANCH)")
                                     << "seq 'ocata01' <migration.CONTRACT_BRANCH>";
        QTest::newRow("list over lines") << QByteArray("[\n    a.b.C,\n    'x' 'y',\n]") << "seq <a.b.C> 'xy'";
        QTest::newRow("set") << QByteArray("{A, B}") << "seq <A> <B>";
        QTest::newRow("grouped element") << QByteArray("((A), 'b')") << "seq <A> 'b'";
    }
    void readsStringsAndNames()
    {
        QFETCH(QByteArray, expression);
        QFETCH(QString, expected);
        QCOMPARE(symbolic(expression), expected);
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QByteArray>("expression");
        QTest::newRow("literal string") << QByteArray("'expand'");
        QTest::newRow("literal tuple") << QByteArray("('a', 'b')");
        QTest::newRow("call") << QByteArray("get_branch()");
        QTest::newRow("method call") << QByteArray("cli.get()");
        QTest::newRow("operator") << QByteArray("A + 'x'");
        QTest::newRow("subscript") << QByteArray("LABELS[0]");
        QTest::newRow("nested tuple") << QByteArray("((A,), 'b')");
        QTest::newRow("None element") << QByteArray("(None, A)");
        QTest::newRow("keyword") << QByteArray("True");
        QTest::newRow("dict") << QByteArray("{A: B}");
        QTest::newRow("empty element") << QByteArray("(A,,)");
        QTest::newRow("f-string with a field") << QByteArray("(A, f'{x}')");
        QTest::newRow("leading dot") << QByteArray("(.A,)");
    }
    void refusesEverythingElse()
    {
        QFETCH(QByteArray, expression);
        QCOMPARE(symbolic(expression), QStringLiteral("-"));
    }

    void deepGroupingStaysBounded()
    {
        // The lexer stops at 200 brackets; this stays within and still reads.
        const QByteArray deep = QByteArray(150, '(') + "A" + QByteArray(150, ')');
        QCOMPARE(symbolic(deep), QStringLiteral("<A>"));
    }
};

QTEST_GUILESS_MAIN(TestSymbolicValue)
#include "tst_symbolicvalue.moc"
