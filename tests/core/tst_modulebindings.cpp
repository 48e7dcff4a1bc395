// What a module binds at module level, read statically: every form of import
// with the module and name it binds, assignments with their literal values
// (chained, annotated, unpacked), and def, class and `+=` as bindings that are
// no constants; a later binding of a name replaces an earlier one.
#include "parser/ModuleBindings.h"

#include <QtTest>

using namespace headway;

namespace {

ModuleBindings bindingsOf(const QByteArray &source)
{
    PythonLexer lexer(std::string_view(source.constData(), static_cast<std::size_t>(source.size())));
    std::vector<PythonToken> tokens;
    ModuleBindings bindings;
    while (lexer.nextModuleLevelLine(tokens))
        for (const auto statement : splitTopLevel(tokens, ";"))
            readBindings(statement, bindings);
    return bindings;
}

// One line per binding: "name: import module[:member] [level N] [top]" or "name = value" or "name ! reason".
QStringList described(const ModuleBindings &bindings)
{
    QStringList lines;
    for (const ModuleBinding &b : bindings) {
        switch (b.kind) {
        case ModuleBinding::Kind::Import:
            lines += QStringLiteral("%1: import %2%3%4%5")
                         .arg(b.name, b.import.module, b.import.member.isEmpty() ? QString() : QString(QLatin1Char(':') + b.import.member),
                              b.import.level ? QStringLiteral(" level %1").arg(b.import.level) : QString(),
                              b.import.topPackage ? QStringLiteral(" top") : QString());
            break;
        case ModuleBinding::Kind::Assignment:
            lines += b.value.kind == PythonLiteral::Kind::NotLiteral
                         ? QStringLiteral("%1 = ? (%2)").arg(b.name, b.value.reason)
                     : b.value.kind == PythonLiteral::Kind::None ? QStringLiteral("%1 = None").arg(b.name)
                                                                 : QStringLiteral("%1 = %2").arg(b.name, b.value.strings.join(QLatin1Char(',')));
            break;
        case ModuleBinding::Kind::Other:
            lines += QStringLiteral("%1 ! %2").arg(b.name, b.value.reason);
            break;
        }
    }
    return lines;
}

} // namespace

class TestModuleBindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatEachStatementBinds_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("import a.b.c") << QByteArray("import neutron.db.migration.cli\n")
                                      << QStringList{"neutron: import neutron.db.migration.cli top"};
        QTest::newRow("import a.b as x, y") << QByteArray("import neutron.db.migration as m, os\n")
                                            << QStringList{"m: import neutron.db.migration", "os: import os top"};
        QTest::newRow("from a.b import c") << QByteArray("from neutron.db.migration import cli\n")
                                           << QStringList{"cli: import neutron.db.migration:cli"};
        QTest::newRow("from a import (b as c, d,)") << QByteArray("from glance.db import (\n    migration as m,\n    api,\n)\n")
                                                    << QStringList{"m: import glance.db:migration", "api: import glance.db:api"};
        QTest::newRow("relative") << QByteArray("from .cli import EXPAND\nfrom .. import base\n")
                                  << QStringList{"EXPAND: import cli:EXPAND level 1", "base: import :base level 2"};
        QTest::newRow("star binds nothing we follow") << QByteArray("from a import *\n") << QStringList{};
        QTest::newRow("assignments") << QByteArray("A = 'a'\nB = C = \"c\"\nD: str = 'd'\nE = None\nF = ('x', 'y')\n")
                                     << QStringList{"A = a", "B = c", "C = c", "D = d", "E = None", "F = x,y"};
        QTest::newRow("unpacking") << QByteArray("A, B = 'a', 'b'\nC, D = make()\n")
                                   << QStringList{"A = a", "B = b", "C = ? (it is unpacked from an expression)",
                                                  "D = ? (it is unpacked from an expression)"};
        QTest::newRow("not literal") << QByteArray("A = os.environ['A']\n")
                                     << QStringList{"A = ? (it is an expression, not a string literal)"};
        QTest::newRow("def, class, +=") << QByteArray("def A():\n    pass\nclass B:\n    pass\nasync def C():\n    pass\nD += 'x'\n")
                                        << QStringList{"A ! it is a function", "B ! it is a class", "C ! it is a function",
                                                       "D ! it is changed by `+=` on line 7"};
        QTest::newRow("indented statements bind nothing at module level")
            << QByteArray("if True:\n    A = 'a'\n    import b\n") << QStringList{};
        QTest::newRow("semicolons") << QByteArray("import a; A = 'x'\n") << QStringList{"a: import a top", "A = x"};
        QTest::newRow("comparisons and calls are no assignments") << QByteArray("A == 'b'\nf(a='b')\n") << QStringList{};
    }
    void readsWhatEachStatementBinds()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, expected);
        QCOMPARE(described(bindingsOf(source)), expected);
    }

    void theLastBindingWinsWithinWhatIsVisible()
    {
        const ModuleBindings bindings = bindingsOf("A = 'first'\nB = 'b'\nA = 'second'\n");
        QCOMPARE(lastBinding(bindings, "A")->value.strings, QStringList{"second"});
        QCOMPARE(lastBinding(bindings, "A", 2)->value.strings, QStringList{"first"});
        QVERIFY(!lastBinding(bindings, "B", 1));
        QVERIFY(!lastBinding(bindings, "missing"));
    }
};

QTEST_GUILESS_MAIN(TestModuleBindings)
#include "tst_modulebindings.moc"
