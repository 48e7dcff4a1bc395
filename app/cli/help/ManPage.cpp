#include "ManPage.h"

#include <QRegularExpression>

namespace headway::help {

namespace {

// Characters troff would take for its own: the escape character, and a control
// character opening a line. Hyphens in code stay ASCII minus signs (\-), so a
// command copied from the page runs.
QString escaped(QString text, bool code)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\e"));
    if (code)
        text.replace(QLatin1Char('-'), QLatin1String("\\-"));
    return text;
}

QString lineSafe(const QString &line)
{
    return line.startsWith(QLatin1Char('.')) || line.startsWith(QLatin1Char('\'')) ? QStringLiteral("\\&") + line : line;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\\(dq")) + QLatin1Char('"');
}

// Prose: `code` in bold, the rest as written.
QString prose(const QString &text)
{
    QString result;
    const QStringList parts = text.split(QLatin1Char('`'));
    for (qsizetype i = 0; i < parts.size(); ++i)
        result += i % 2 == 1 ? QStringLiteral("\\fB") + escaped(parts.at(i), true) + QStringLiteral("\\fR")
                             : escaped(parts.at(i), false);
    return lineSafe(result);
}

// A synopsis or option term: options and the program in bold, PLACEHOLDERS in italics.
QString syntax(const QString &text, const QStringList &boldWords)
{
    static const QRegularExpression word(QStringLiteral("-{0,2}[A-Za-z][A-Za-z0-9_-]*"));
    QString result;
    qsizetype at = 0;
    for (QRegularExpressionMatchIterator it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += escaped(text.mid(at, match.capturedStart() - at), true);
        const QString token = match.captured();
        const bool placeholder = token.size() > 1 && token == token.toUpper() && !token.startsWith(QLatin1Char('-'));
        if (token.startsWith(QLatin1Char('-')) || boldWords.contains(token))
            result += QStringLiteral("\\fB") + escaped(token, true) + QStringLiteral("\\fR");
        else if (placeholder)
            result += QStringLiteral("\\fI") + escaped(token, true) + QStringLiteral("\\fR");
        else
            result += escaped(token, true);
        at = match.capturedEnd();
    }
    return lineSafe(result + escaped(text.mid(at), true));
}

QString verbatim(const QStringList &lines, const QStringList &boldWords, bool markup)
{
    QString text = QStringLiteral(".RS 4\n.nf\n");
    for (const QString &line : lines)
        text += (markup ? syntax(line, boldWords) : lineSafe(escaped(line, true))) + QLatin1Char('\n');
    return text + QStringLiteral(".fi\n.RE\n");
}

QString items(const QList<HelpItem> &list, const QStringList &boldWords)
{
    QString text;
    for (const HelpItem &item : list) {
        if (item.term.isEmpty()) {
            text += QStringLiteral(".IP \\(bu 2\n") + prose(item.text) + QLatin1Char('\n');
            continue;
        }
        text += QStringLiteral(".TP\n") + syntax(item.term, boldWords) + QLatin1Char('\n');
        text += (item.text.isEmpty() ? QStringLiteral("\\&") : prose(item.text)) + QLatin1Char('\n');
    }
    return text;
}

QString blocks(const QList<HelpBlock> &list, const QStringList &boldWords)
{
    QString text;
    for (const HelpBlock &block : list) {
        switch (block.kind) {
        case HelpBlock::Kind::Paragraph:
            text += QStringLiteral(".PP\n") + prose(block.text) + QLatin1Char('\n');
            break;
        case HelpBlock::Kind::Verbatim:
            text += QStringLiteral(".PP\n") + verbatim(block.text.split(QLatin1Char('\n')), boldWords, false);
            break;
        case HelpBlock::Kind::List:
            if (!block.label.isEmpty())
                text += QStringLiteral(".PP\n") + prose(block.label) + QLatin1Char('\n');
            text += items(block.items, boldWords);
            break;
        }
    }
    return text;
}

QString sectionHeading(const QString &title)
{
    if (title == QLatin1String("Exit codes"))
        return QStringLiteral("EXIT STATUS");
    return title.toUpper();
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.');
}

// "Read-only commands (what they need)": the heading, then its parenthesis as a sentence.
QString heading(const QString &title)
{
    const qsizetype open = title.indexOf(QLatin1String(" ("));
    QString text = QStringLiteral(".SH ") + quoted(sectionHeading(open < 0 ? title : title.left(open))) + QLatin1Char('\n');
    if (open >= 0 && title.endsWith(QLatin1Char(')')))
        text += QStringLiteral(".PP\n") + prose(sentence(title.mid(open + 2).chopped(1))) + QLatin1Char('\n');
    return text;
}

QString command(const HelpCommand &command, const QStringList &boldWords)
{
    QString text = QStringLiteral(".SS ") + quoted(command.name) + QLatin1Char('\n');
    text += verbatim(command.synopsis, boldWords, true);
    text += QStringLiteral(".PP\n") + prose(sentence(command.summary)) + QLatin1Char('\n');
    text += blocks(command.description, boldWords);
    if (!command.options.isEmpty())
        text += QStringLiteral(".PP\nOptions:\n.RS 4\n") + items(command.options, boldWords) + QStringLiteral(".RE\n");
    if (!command.exitCodes.isEmpty())
        text += QStringLiteral(".PP\nExit codes:\n.RS 4\n") + items(command.exitCodes, boldWords) + QStringLiteral(".RE\n");
    return text;
}

} // namespace

QString ManPage::render(const HelpDocument &document, const ManPageInfo &info)
{
    const QStringList boldWords = QStringList{document.program, QStringLiteral("help")} + document.commandNames();
    QString text = QStringLiteral(".\\\" Generated from %1 by headway-docgen: edit that file, not this one.\n")
                       .arg(info.origin.isEmpty() ? QStringLiteral("its help source") : info.origin);
    text += QStringLiteral(".TH %1 %2 %3 %4 %5\n")
                .arg(quoted(escaped(document.program.toUpper(), true)), QString::number(info.section), quoted(info.date),
                     quoted(info.source), quoted(info.manual));
    text += QStringLiteral(".nh\n"); // no hyphenation: option names and ids stay whole
    text += QStringLiteral(".SH NAME\n%1 \\- %2\n").arg(escaped(document.program, true), prose(document.summary));
    text += QStringLiteral(".SH SYNOPSIS\n") + verbatim(document.synopsis, boldWords, true);
    text += QStringLiteral(".SH DESCRIPTION\n") + blocks(document.description, boldWords);
    for (const HelpSection &section : document.sections) {
        text += heading(section.title) + blocks(section.blocks, boldWords);
        for (const HelpCommand &entry : section.commands)
            text += command(entry, boldWords);
    }
    return text;
}

} // namespace headway::help
