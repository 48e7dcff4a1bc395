#include "TerminalHelp.h"

namespace headway::help {

namespace {

// Besides the groups the overview shows the option lists ("Options", "Run options")
// and the exit codes; the other sections (Files, See also, ...) are the manual's.
bool inOverview(const HelpSection &section)
{
    const QString key = section.title.section(QLatin1String(" ("), 0, 0);
    return key.endsWith(QLatin1String("options"), Qt::CaseInsensitive) || key == QLatin1String("Exit codes");
}

} // namespace

TerminalHelp::TerminalHelp(const HelpDocument &document, int width) : m_document(document), m_width(width) {}

QString TerminalHelp::overview() const
{
    QString text = usage(m_document.synopsis) + QLatin1Char('\n') + blocks(m_document.description);
    int nameWidth = 0; // one column for the commands of every group
    for (const QString &name : m_document.commandNames())
        nameWidth = std::max(nameWidth, int(name.size()));
    for (const HelpSection &section : m_document.sections) {
        if (section.isGroup()) {
            QList<HelpItem> commands;
            for (const HelpCommand &command : section.commands)
                commands += HelpItem{command.name, command.summary};
            text += list(section.title + QLatin1Char(':'), commands, nameWidth, nameWidth) + QLatin1Char('\n');
        } else if (inOverview(section)) {
            text += list(section.title + QLatin1Char(':'), section.items()) + QLatin1Char('\n');
        }
    }
    return text
           + wrapped(QStringLiteral("Run `%1 help COMMAND` for a command's synopsis, options and exit codes, "
                                    "`man %1` for the manual.")
                         .arg(m_document.program),
                     0, 0);
}

QString TerminalHelp::command(const HelpCommand &command) const
{
    QString text = wrapped(m_document.program + QLatin1Char(' ') + command.name + QStringLiteral(": ") + command.summary, 2, 0)
                   + QLatin1Char('\n') + usage(command.synopsis) + QLatin1Char('\n') + blocks(command.description);
    if (!command.options.isEmpty())
        text += list(QStringLiteral("Options:"), command.options) + QLatin1Char('\n');
    if (!command.exitCodes.isEmpty())
        text += list(QStringLiteral("Exit codes:"), command.exitCodes, 4);
    return text;
}

QString TerminalHelp::usage(const QStringList &synopsis) const
{
    QString text;
    for (qsizetype i = 0; i < synopsis.size(); ++i)
        text += (i == 0 ? QStringLiteral("Usage: ") : QStringLiteral("       ")) + synopsis.at(i) + QLatin1Char('\n');
    return text;
}

QString TerminalHelp::blocks(const QList<HelpBlock> &blocks) const
{
    QString text;
    for (const HelpBlock &block : blocks) {
        switch (block.kind) {
        case HelpBlock::Kind::Paragraph:
            text += wrapped(block.text, 0, 0);
            break;
        case HelpBlock::Kind::Verbatim:
            for (const QString &line : block.text.split(QLatin1Char('\n')))
                text += QStringLiteral("    ") + line + QLatin1Char('\n');
            break;
        case HelpBlock::Kind::List:
            text += list(block.label, block.items);
            break;
        }
        text += QLatin1Char('\n');
    }
    return text;
}

QString TerminalHelp::list(const QString &label, const QList<HelpItem> &items, int maximumTermWidth,
                           int minimumTermWidth) const
{
    int termWidth = minimumTermWidth;
    for (const HelpItem &item : items)
        if (item.term.size() <= maximumTermWidth)
            termWidth = std::max(termWidth, int(item.term.size()));
    const int column = 2 + termWidth + 2;
    QString text = label.isEmpty() ? QString() : label + QLatin1Char('\n');
    for (const HelpItem &item : items) {
        QString line = QStringLiteral("  ") + item.term;
        if (item.text.isEmpty()) {
            text += line + QLatin1Char('\n');
        } else if (line.size() + 2 > column) {
            // A long term gets a line of its own; its text starts under the others'.
            text += line + QLatin1Char('\n') + QString(column, QLatin1Char(' ')) + wrapped(item.text, column, column);
        } else {
            line = line.leftJustified(column);
            text += line + wrapped(item.text, column, column);
        }
    }
    return text;
}

// Fills words into lines of m_width - 1 columns. The caller has already written
// startColumn characters of the first line; the others start at indent.
QString TerminalHelp::wrapped(const QString &text, int indent, int startColumn) const
{
    const int limit = m_width - 1;
    QString result;
    int column = startColumn;
    bool lineEmpty = true;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lineEmpty && column + 1 + word.size() > limit) {
            result += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
            lineEmpty = true;
        }
        if (!lineEmpty) {
            result += QLatin1Char(' ');
            ++column;
        }
        result += word;
        column += int(word.size());
        lineEmpty = false;
    }
    return result + QLatin1Char('\n');
}

} // namespace headway::help
