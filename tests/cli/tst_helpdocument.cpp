// The help source reads into commands, options and exit codes; a malformed one is
// refused with its line; the terminal and troff renderings keep what they must.
#include "HelpDocument.h"
#include "ManPage.h"
#include "TerminalHelp.h"

#include <QFile>
#include <QtTest>

using namespace headway::help;

namespace {

const char *sample = R"(<!-- a comment
that spans lines -->
# tool — does things

    tool <command> [REPOSITORY]

Intro text
on two lines.

## Everyday commands (no setup needed)

### look — look at REV

    tool look REV [--json]

Looks. Uses `look --json`.

    $ tool look abc
    abc

Options:
- `--json`: Print JSON.
- `-v, --verbose`: Say more,
  on a continued line.
- `SHARED OPTIONS`

Exit codes:
- `0`: fine
- `2`: not found

## Shared options (for everything)

- `--timeout SECONDS`: Stop after SECONDS.

## Exit codes

- `0`: success
)";

HelpDocument parsed(const QString &text, HelpParseError *error = nullptr)
{
    HelpParseError ignored;
    return HelpDocument::parse(text, error ? error : &ignored);
}

} // namespace

class TestHelpDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsProgramCommandsOptionsAndExitCodes()
    {
        const HelpDocument document = parsed(QString::fromUtf8(sample));
        QVERIFY(document.isValid());
        QCOMPARE(document.program, QStringLiteral("tool"));
        QCOMPARE(document.summary, QStringLiteral("does things"));
        QCOMPARE(document.synopsis, QStringList{"tool <command> [REPOSITORY]"});
        QCOMPARE(document.description.size(), 1);
        QCOMPARE(document.description.first().text, QStringLiteral("Intro text on two lines."));
        QCOMPARE(document.commandNames(), QStringList{"look"});

        const HelpCommand *look = document.command("look");
        QVERIFY(look);
        QCOMPARE(look->summary, QStringLiteral("look at REV"));
        QCOMPARE(look->synopsis, QStringList{"tool look REV [--json]"});
        QCOMPARE(look->description.size(), 2); // the paragraph and the example
        QCOMPARE(look->description.at(1).kind, HelpBlock::Kind::Verbatim);
        QCOMPARE(look->description.at(1).text, QStringLiteral("$ tool look abc\nabc"));
        QCOMPARE(look->options.size(), 3); // --json, -v/--verbose and the shared --timeout spliced in
        QCOMPARE(look->options.at(1).text, QStringLiteral("Say more, on a continued line."));
        QCOMPARE(look->options.at(1).optionNames(), (QStringList{"-v", "--verbose"}));
        QCOMPARE(look->options.at(2).optionNames(), QStringList{"--timeout"});
        QCOMPARE(look->exitCodes.size(), 2);
        QCOMPARE(look->exitCodes.at(1).term, QStringLiteral("2"));
        QVERIFY(document.section("Exit codes"));
        QVERIFY(document.section("Shared options"));
    }

    void refusesAMalformedSourceWithItsLine_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("text before the program") << "stray\n# tool — x\n" << 1 << "before";
        QTest::newRow("no program") << "<!-- only -->\n" << 1 << "no '# PROGRAM";
        QTest::newRow("command outside a group") << "# tool — x\n\n### look — y\n" << 3 << "outside";
        QTest::newRow("command without summary") << "# tool — x\n## G\n### look\n" << 3 << "SUMMARY";
        QTest::newRow("wrong synopsis") << "# tool — x\n## G\n### look — y\n\n    other look\n" << 3 << "synopsis";
        QTest::newRow("twice") << "# tool — x\n## G\n### a — y\n\n    tool a\n\n### a — z\n" << 7 << "twice";
        QTest::newRow("unknown include")
            << "# tool — x\n## G\n### a — y\n\n    tool a\n\nOptions:\n- `NOWHERE`\n" << 3 << "NOWHERE";
        QTest::newRow("option without a dash")
            << "# tool — x\n## G\n### a — y\n\n    tool a\n\nOptions:\n- `json`: x\n" << 3 << "names no option";
        QTest::newRow("exit code not a number")
            << "# tool — x\n## G\n### a — y\n\n    tool a\n\nExit codes:\n- `ok`: x\n" << 3 << "not a number";
    }

    void refusesAMalformedSourceWithItsLine()
    {
        QFETCH(QString, source);
        QFETCH(int, line);
        QFETCH(QString, message);
        HelpParseError error;
        QVERIFY2(!parsed(source, &error).isValid(), "a malformed source was accepted");
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QCOMPARE(error.line, line);
    }

    void terminalHelpWrapsAndKeepsCommandsAtTwoSpaces()
    {
        const HelpDocument document = parsed(QString::fromUtf8(sample));
        const QString overview = TerminalHelp(document, 40).overview();
        QVERIFY2(overview.startsWith("Usage: tool <command> [REPOSITORY]\n"), qPrintable(overview));
        QVERIFY2(overview.contains("\nEveryday commands (no setup needed):\n  look"), qPrintable(overview));
        QVERIFY2(overview.contains("\nShared options (for everything):\n"), qPrintable(overview));
        for (const QString &line : overview.split('\n'))
            QVERIFY2(line.size() < 40, qPrintable("too wide: " + line));

        const QString page = TerminalHelp(document).command(*document.command("look"));
        QVERIFY2(page.startsWith("tool look: look at REV\n\nUsage: tool look REV [--json]\n"), qPrintable(page));
        QVERIFY2(page.contains("\n    $ tool look abc\n"), qPrintable(page));
        QVERIFY2(page.contains("\n  -v, --verbose      Say more, on a continued line.\n"), qPrintable(page));
        QVERIFY2(page.contains("\nExit codes:\n  0  fine\n  2  not found\n"), qPrintable(page));
    }

    void manPageEscapesTroffAndMarksSyntax()
    {
        const HelpDocument document = parsed(QString::fromUtf8(sample) + "\n## Notes\n\n.starts with a dot and a \\ backslash\n");
        const QString page = ManPage::render(document, {1, "2026-12-02", "Tool 1.0", "User Commands", "tool.md"});
        QVERIFY2(page.contains(".TH \"TOOL\" 1 \"2026-12-02\" \"Tool 1.0\" \"User Commands\"\n"), qPrintable(page));
        QVERIFY2(page.contains(".SH NAME\ntool \\- does things\n"), qPrintable(page));
        QVERIFY2(page.contains(".SH \"EVERYDAY COMMANDS\"\n.PP\nNo setup needed.\n"), qPrintable(page));
        QVERIFY2(page.contains(".SS \"look\"\n.RS 4\n.nf\n\\fBtool\\fR \\fBlook\\fR \\fIREV\\fR [\\fB\\-\\-json\\fR]\n"),
                 qPrintable(page));
        QVERIFY2(page.contains("Uses \\fBlook \\-\\-json\\fR."), qPrintable(page));
        QVERIFY2(page.contains(".TP\n\\fB\\-\\-timeout\\fR \\fISECONDS\\fR\nStop after SECONDS.\n"), qPrintable(page));
        QVERIFY2(page.contains(".SH \"EXIT STATUS\"\n"), qPrintable(page));
        QVERIFY2(page.contains("\n\\&.starts with a dot and a \\e backslash\n"), qPrintable(page));
    }

    void theShippedSourcesParse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("headway-cli") << QStringLiteral(HEADWAY_SOURCE_DIR "/app/cli/help/headway-cli.md");
        QTest::newRow("headway") << QStringLiteral(HEADWAY_SOURCE_DIR "/app/gui/headway.md");
    }

    void theShippedSourcesParse()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        HelpParseError error;
        const HelpDocument document = HelpDocument::parse(QString::fromUtf8(file.readAll()), &error);
        QVERIFY2(document.isValid(), qPrintable(QStringLiteral("%1:%2: %3").arg(path).arg(error.line).arg(error.message)));
        QVERIFY(document.section("Options"));
        QVERIFY(document.section("Exit codes"));
    }
};

QTEST_GUILESS_MAIN(TestHelpDocument)
#include "tst_helpdocument.moc"
