// docs/cli-reference.md is what headway-docgen --markdown makes of the help
// source today (so the web reference never lags `headway-cli help`), and the
// Markdown renderer keeps every command, option and exit code of the source.
#include "HelpDocument.h"
#include "MarkdownPage.h"

#include <QFile>
#include <QtTest>

using namespace headway::help;

namespace {

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

HelpDocument shippedSource()
{
    HelpParseError error;
    return HelpDocument::parse(readText(QStringLiteral(HEADWAY_SOURCE_DIR "/app/cli/help/headway-cli.md")), &error);
}

// The first line where two texts differ, for a message a person can act on.
QString firstDifference(const QString &expected, const QString &actual)
{
    const QStringList a = expected.split(QLatin1Char('\n'));
    const QStringList b = actual.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString left = i < a.size() ? a.at(i) : QStringLiteral("<end>");
        const QString right = i < b.size() ? b.at(i) : QStringLiteral("<end>");
        if (left != right)
            return QStringLiteral("line %1: generated \"%2\", file has \"%3\"").arg(i + 1).arg(left, right);
    }
    return QString();
}

} // namespace

class TestCliReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCommittedReferenceIsCurrent()
    {
        const HelpDocument document = shippedSource();
        QVERIFY(document.isValid());
        const QString generated = MarkdownPage::render(document, QStringLiteral("headway-cli.md"));
        const QString committed = readText(QStringLiteral(HEADWAY_SOURCE_DIR "/docs/cli-reference.md"));
        QVERIFY2(!committed.isEmpty(), "docs/cli-reference.md is missing");
        QVERIFY2(generated == committed,
                 qPrintable(QStringLiteral("docs/cli-reference.md is stale (%1); run "
                                           "`cmake --build build --target cli-reference`")
                                .arg(firstDifference(generated, committed))));
    }

    void everyCommandOptionAndExitCodeIsInTheReference()
    {
        const HelpDocument document = shippedSource();
        const QString page = MarkdownPage::render(document, QStringLiteral("headway-cli.md"));
        QVERIFY(!document.commandNames().isEmpty());
        for (const HelpSection &section : document.sections) {
            QVERIFY2(page.contains(QStringLiteral("\n## %1\n").arg(section.title)), qPrintable(section.title));
            for (const HelpCommand &command : section.commands) {
                const qsizetype at = page.indexOf(QStringLiteral("\n### %1\n").arg(command.name));
                QVERIFY2(at >= 0, qPrintable(command.name));
                QVERIFY2(page.contains(QStringLiteral("(#%1)").arg(command.name)), qPrintable(command.name));
                // Its options and exit codes come after its heading, before the next command's.
                const qsizetype next = page.indexOf(QStringLiteral("\n### "), at + 1);
                const QString body = page.mid(at, next < 0 ? -1 : next - at);
                for (const HelpItem &option : command.options)
                    QVERIFY2(body.contains(QStringLiteral("- `%1`").arg(option.term)),
                             qPrintable(command.name + QLatin1Char(' ') + option.term));
                for (const HelpItem &code : command.exitCodes)
                    QVERIFY2(body.contains(QStringLiteral("- `%1`").arg(code.term)),
                             qPrintable(command.name + QLatin1Char(' ') + code.term));
                for (const QString &line : command.synopsis)
                    QVERIFY2(body.contains(line), qPrintable(line));
            }
        }
    }

    void verbatimTextStaysInCodeBlocks()
    {
        HelpParseError error;
        const HelpDocument document = HelpDocument::parse(QStringLiteral("# tool — does things\n\n"
                                                                         "    tool <command>\n\n"
                                                                         "Intro with `code`.\n\n"
                                                                         "## Commands (all)\n\n"
                                                                         "### look — look at REV\n\n"
                                                                         "    tool look REV\n\n"
                                                                         "Looks.\n\n"
                                                                         "    $ tool look *abc*\n\n"
                                                                         "## Options\n\n"
                                                                         "- `-h`: Help.\n\n"
                                                                         "## Exit codes\n\n"
                                                                         "- `0`: success\n"),
                                                          &error);
        QVERIFY2(document.isValid(), qPrintable(error.message));
        const QString page = MarkdownPage::render(document, QStringLiteral("tool.md"));
        QVERIFY(page.contains(QStringLiteral("```\n$ tool look *abc*\n```")));
        QVERIFY(page.contains(QStringLiteral("```\ntool look REV\n```")));
        QVERIFY(page.contains(QStringLiteral("[Commands (all)](#commands-all)")));
        QVERIFY(page.contains(QStringLiteral("- `0`: success")));
        QVERIFY(page.endsWith(QStringLiteral("success\n")));
    }
};

QTEST_GUILESS_MAIN(TestCliReference)
#include "tst_clireference.moc"
