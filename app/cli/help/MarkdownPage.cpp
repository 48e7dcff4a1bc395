#include "MarkdownPage.h"

#include <QRegularExpression>

namespace headway::help {

namespace {

// GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
QString anchor(const QString &heading)
{
    static const QRegularExpression dropped(QStringLiteral("[^a-z0-9 _-]"));
    QString text = heading.toLower();
    text.remove(dropped);
    text.replace(QLatin1Char(' '), QLatin1Char('-'));
    return text;
}

QString codeBlock(const QStringList &lines)
{
    return QStringLiteral("```\n") + lines.join(QLatin1Char('\n')) + QStringLiteral("\n```\n\n");
}

// A list entry, its term (`--env NAME=VALUE`, `2`) in code.
QString itemLine(const HelpItem &item)
{
    if (item.term.isEmpty())
        return QStringLiteral("- ") + item.text + QLatin1Char('\n');
    const QString text = item.text.isEmpty() ? QString() : QStringLiteral(": ") + item.text;
    return QStringLiteral("- `") + item.term + QLatin1Char('`') + text + QLatin1Char('\n');
}

QString itemList(const QList<HelpItem> &items)
{
    QString text;
    for (const HelpItem &item : items)
        text += itemLine(item);
    return text + QLatin1Char('\n');
}

QString blocks(const QList<HelpBlock> &list)
{
    QString text;
    for (const HelpBlock &block : list) {
        switch (block.kind) {
        case HelpBlock::Kind::Paragraph:
            text += block.text + QStringLiteral("\n\n");
            break;
        case HelpBlock::Kind::Verbatim:
            text += codeBlock(block.text.split(QLatin1Char('\n')));
            break;
        case HelpBlock::Kind::List:
            if (!block.label.isEmpty())
                text += block.label + QStringLiteral("\n\n");
            text += itemList(block.items);
            break;
        }
    }
    return text;
}

QString command(const HelpCommand &command)
{
    QString text = QStringLiteral("### %1\n\n").arg(command.name);
    text += command.summary.isEmpty() ? QString() : QStringLiteral("*%1*\n\n").arg(command.summary);
    text += codeBlock(command.synopsis);
    text += blocks(command.description);
    if (!command.options.isEmpty())
        text += QStringLiteral("**Options**\n\n") + itemList(command.options);
    if (!command.exitCodes.isEmpty())
        text += QStringLiteral("**Exit codes**\n\n") + itemList(command.exitCodes);
    return text;
}

QString contents(const HelpDocument &document)
{
    QString text = QStringLiteral("## Contents\n\n");
    for (const HelpSection &section : document.sections) {
        text += QStringLiteral("- [%1](#%2)\n").arg(section.title, anchor(section.title));
        for (const HelpCommand &entry : section.commands)
            text += QStringLiteral("  - [`%1`](#%2): %3\n").arg(entry.name, anchor(entry.name), entry.summary);
    }
    return text + QLatin1Char('\n');
}

} // namespace

QString MarkdownPage::render(const HelpDocument &document, const QString &origin)
{
    QString text = QStringLiteral("<!-- Generated from %1 by headway-docgen --markdown: edit that file, not this one.\n"
                                  "     `cmake --build build --target cli-reference` writes it again. -->\n\n")
                       .arg(origin);
    text += QStringLiteral("# %1 reference\n\n*%2*\n\n").arg(document.program, document.summary);
    text += codeBlock(document.synopsis);
    text += blocks(document.description);
    text += QStringLiteral("The same text is printed by `%1 help [COMMAND]` and installed as the %1(1) manual page.\n\n")
                .arg(document.program);
    text += contents(document);
    for (const HelpSection &section : document.sections) {
        text += QStringLiteral("## %1\n\n").arg(section.title);
        text += blocks(section.blocks);
        for (const HelpCommand &entry : section.commands)
            text += command(entry);
    }
    while (text.endsWith(QStringLiteral("\n\n")))
        text.chop(1);
    return text;
}

} // namespace headway::help
