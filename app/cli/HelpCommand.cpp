// `headway-cli help [COMMAND]`: the overview or one command's page, both from
// help/headway-cli.md (compiled in), the same text the manual page is made of.
#include "CliCommands.h"
#include "CliContext.h"

#include "TerminalHelp.h"

#include <QFile>

namespace headway::cli {

namespace {

// Parsed once; the build renders the same file into the manual page, so it parses.
const help::HelpDocument &document()
{
    static const help::HelpDocument parsed = [] {
        QFile source(QStringLiteral(":/headway-cli/help/headway-cli.md"));
        help::HelpParseError error;
        const QString text = source.open(QIODevice::ReadOnly) ? QString::fromUtf8(source.readAll()) : QString();
        help::HelpDocument document = help::HelpDocument::parse(text, &error);
        if (!document.isValid())
            qWarning("headway-cli: the built-in help does not parse (line %d: %s)", error.line, qPrintable(error.message));
        return document;
    }();
    return parsed;
}

} // namespace

QString overviewText()
{
    return help::TerminalHelp(document()).overview();
}

int printHelp(const QStringList &topics, QTextStream &out, QTextStream &err)
{
    if (topics.isEmpty()) {
        out << overviewText();
        return Success;
    }
    const help::HelpCommand *command = topics.size() == 1 ? document().command(topics.first()) : nullptr;
    if (!command) {
        err << "headway-cli: " << (topics.size() == 1 ? QStringLiteral("no command '%1'").arg(topics.first())
                                                      : QStringLiteral("help takes one command"))
            << "; `headway-cli help` lists the commands\n";
        return UsageError;
    }
    out << help::TerminalHelp(document()).command(*command);
    return Success;
}

} // namespace headway::cli
