#include "HelpDocument.h"

#include <QHash>
#include <QRegularExpression>

#include <utility>

namespace headway::help {

namespace {

const QString titleSeparator = QStringLiteral(" \u2014 "); // "NAME — SUMMARY"

// The part of a section title before its parenthesis: "Run options (...)" is "Run options".
QString sectionKey(const QString &title)
{
    const qsizetype open = title.indexOf(QLatin1String(" ("));
    return (open < 0 ? title : title.left(open)).trimmed();
}

HelpItem parseItem(const QString &body)
{
    HelpItem item;
    if (!body.startsWith(QLatin1Char('`'))) {
        item.text = body;
        return item;
    }
    const qsizetype colon = body.indexOf(QLatin1String("`:"));
    if (colon > 0) {
        item.term = body.mid(1, colon - 1);
        item.text = body.mid(colon + 2).trimmed();
    } else if (body.endsWith(QLatin1Char('`')) && body.count(QLatin1Char('`')) == 2) {
        item.term = body.mid(1, body.size() - 2);
    } else {
        item.text = body;
        return item;
    }
    // `A`, `B`: two terms that share one text.
    item.term.replace(QLatin1String("`, `"), QLatin1String(", "));
    return item;
}

// Reads the lines into blocks, headings into the document's structure.
class Parser
{
public:
    explicit Parser(HelpParseError *error) : m_error(error) {}

    HelpDocument run(const QString &source)
    {
        const QStringList lines = source.split(QLatin1Char('\n'));
        bool inComment = false;
        for (m_line = 1; m_line <= lines.size() && m_failed.isEmpty(); ++m_line) {
            QString line = lines.at(m_line - 1);
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            if (inComment || line.trimmed().startsWith(QLatin1String("<!--"))) {
                inComment = !line.contains(QLatin1String("-->"));
                continue;
            }
            take(line);
        }
        closeBlock();
        flushBlocks();
        if (m_failed.isEmpty())
            finish();
        if (!m_failed.isEmpty()) {
            if (m_error)
                *m_error = {m_failedLine, m_failed};
            return {};
        }
        return m_document;
    }

private:
    void fail(const QString &message, int line = 0)
    {
        if (m_failed.isEmpty()) {
            m_failed = message;
            m_failedLine = line > 0 ? line : m_line;
        }
    }

    void take(const QString &line)
    {
        if (line.trimmed().isEmpty()) {
            closeBlock();
        } else if (!m_document.isValid() && !line.startsWith(QLatin1String("# "))) {
            fail(QStringLiteral("text before the '# PROGRAM \u2014 SUMMARY' heading"));
        } else if (line.startsWith(QLatin1String("### "))) {
            heading(3, line.mid(4).trimmed());
        } else if (line.startsWith(QLatin1String("## "))) {
            heading(2, line.mid(3).trimmed());
        } else if (line.startsWith(QLatin1String("# "))) {
            heading(1, line.mid(2).trimmed());
        } else if (m_open && m_open->kind == HelpBlock::Kind::List && line.startsWith(QLatin1String("  "))) {
            HelpItem &item = m_open->items.last();
            item.text += (item.text.isEmpty() ? QString() : QStringLiteral(" ")) + line.trimmed();
        } else if (line.startsWith(QLatin1String("    "))) {
            if (!m_open || m_open->kind != HelpBlock::Kind::Verbatim)
                openBlock(HelpBlock::Kind::Verbatim);
            m_open->text += (m_open->text.isEmpty() ? QString() : QStringLiteral("\n")) + line.mid(4);
        } else if (line.startsWith(QLatin1String("- "))) {
            listItem(parseItem(line.mid(2).trimmed()));
        } else {
            if (!m_open || m_open->kind != HelpBlock::Kind::Paragraph)
                openBlock(HelpBlock::Kind::Paragraph);
            m_open->text += (m_open->text.isEmpty() ? QString() : QStringLiteral(" ")) + line.trimmed();
        }
    }

    void listItem(const HelpItem &item)
    {
        if (m_open && m_open->kind == HelpBlock::Kind::List) {
            m_open->items += item;
            return;
        }
        // "Options:" right above the list is its label.
        QString label;
        if (m_open && m_open->kind == HelpBlock::Kind::Paragraph && m_open->text.endsWith(QLatin1Char(':'))
            && !m_open->text.contains(QLatin1String(". "))) {
            label = m_open->text;
            m_blocks.removeLast();
        }
        closeBlock();
        openBlock(HelpBlock::Kind::List);
        m_open->label = label;
        m_open->items += item;
    }

    void openBlock(HelpBlock::Kind kind)
    {
        closeBlock();
        HelpBlock block;
        block.kind = kind;
        m_blocks += block;
        m_open = &m_blocks.last();
    }

    void closeBlock() { m_open = nullptr; }

    void heading(int level, const QString &text)
    {
        closeBlock();
        flushBlocks();
        const qsizetype separator = text.indexOf(titleSeparator);
        const QString name = separator < 0 ? text : text.left(separator).trimmed();
        const QString summary = separator < 0 ? QString() : text.mid(separator + titleSeparator.size()).trimmed();
        if (level == 1) {
            if (m_document.isValid() || name.isEmpty() || summary.isEmpty())
                fail(QStringLiteral("the document needs exactly one '# PROGRAM \u2014 SUMMARY' heading, first"));
            m_document.program = name;
            m_document.summary = summary;
            m_target = Target::Program;
        } else if (level == 2) {
            m_document.sections += HelpSection{text, {}, {}};
            m_target = Target::Section;
        } else if (m_target == Target::Program) {
            fail(QStringLiteral("command '%1' is outside a '##' group").arg(name));
        } else if (name.isEmpty() || summary.isEmpty()) {
            fail(QStringLiteral("a command heading needs '### NAME \u2014 SUMMARY'"));
        } else if (m_document.command(name)) {
            fail(QStringLiteral("command '%1' is described twice").arg(name));
        } else {
            m_document.sections.last().commands += HelpCommand{name, summary, {}, {}, {}, {}};
            m_commandLines.insert(name, m_line);
            m_target = Target::Command;
        }
    }

    // Hands the blocks read since the last heading to what that heading started.
    void flushBlocks()
    {
        const QList<HelpBlock> blocks = std::exchange(m_blocks, {});
        for (const HelpBlock &block : blocks) {
            switch (m_target) {
            case Target::Program:
                if (block.kind == HelpBlock::Kind::Verbatim && m_document.synopsis.isEmpty())
                    m_document.synopsis = block.text.split(QLatin1Char('\n'));
                else
                    m_document.description += block;
                break;
            case Target::Section:
                m_document.sections.last().blocks += block;
                break;
            case Target::Command:
                commandBlock(m_document.sections.last().commands.last(), block);
                break;
            case Target::None:
                break;
            }
        }
    }

    static void commandBlock(HelpCommand &command, const HelpBlock &block)
    {
        if (block.kind == HelpBlock::Kind::Verbatim && command.synopsis.isEmpty())
            command.synopsis = block.text.split(QLatin1Char('\n'));
        else if (block.kind == HelpBlock::Kind::List && block.label == QLatin1String("Options:"))
            command.options += block.items;
        else if (block.kind == HelpBlock::Kind::List && block.label == QLatin1String("Exit codes:"))
            command.exitCodes += block.items;
        else
            command.description += block;
    }

    // Splices shared option lists in and checks what every command must have.
    void finish()
    {
        if (!m_document.isValid()) {
            fail(QStringLiteral("no '# PROGRAM \u2014 SUMMARY' heading"), 1);
            return;
        }
        static const QRegularExpression exitCode(QStringLiteral("^\\d+$"));
        for (HelpSection &section : m_document.sections) {
            for (HelpCommand &command : section.commands) {
                const int line = m_commandLines.value(command.name);
                const QString prefix = m_document.program + QLatin1Char(' ') + command.name;
                if (command.synopsis.isEmpty() || !command.synopsis.first().startsWith(prefix))
                    fail(QStringLiteral("command '%1' needs a synopsis line starting '%2'").arg(command.name, prefix), line);
                QList<HelpItem> options;
                for (const HelpItem &item : std::as_const(command.options)) {
                    if (!item.term.isEmpty() && item.text.isEmpty() && item.term == item.term.toUpper()) {
                        const HelpSection *shared = sharedOptions(item.term);
                        if (!shared)
                            fail(QStringLiteral("command '%1' includes %2, which no section is").arg(command.name, item.term), line);
                        else
                            options += shared->items();
                    } else if (item.optionNames().isEmpty()) {
                        fail(QStringLiteral("command '%1': option '%2' names no option").arg(command.name, item.term), line);
                    } else {
                        options += item;
                    }
                }
                command.options = options;
                for (const HelpItem &item : std::as_const(command.exitCodes))
                    if (!exitCode.match(item.term).hasMatch())
                        fail(QStringLiteral("command '%1': exit code '%2' is not a number").arg(command.name, item.term), line);
            }
        }
    }

    const HelpSection *sharedOptions(const QString &term) const
    {
        for (const HelpSection &section : m_document.sections)
            if (!section.isGroup() && sectionKey(section.title).toUpper() == term)
                return &section;
        return nullptr;
    }

    enum class Target { None, Program, Section, Command };

    HelpParseError *m_error;
    HelpDocument m_document;
    QList<HelpBlock> m_blocks;
    HelpBlock *m_open = nullptr;
    Target m_target = Target::None;
    QHash<QString, int> m_commandLines;
    int m_line = 0;
    QString m_failed;
    int m_failedLine = 0;
};

} // namespace

QStringList HelpItem::optionNames() const
{
    QStringList names;
    for (const QString &part : term.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().section(QLatin1Char(' '), 0, 0);
        if (name.startsWith(QLatin1Char('-')))
            names += name;
    }
    return names;
}

QList<HelpItem> HelpSection::items() const
{
    QList<HelpItem> all;
    for (const HelpBlock &block : blocks)
        all += block.items;
    return all;
}

HelpDocument HelpDocument::parse(const QString &source, HelpParseError *error)
{
    return Parser(error).run(source);
}

const HelpCommand *HelpDocument::command(const QString &name) const
{
    for (const HelpSection &section : sections)
        for (const HelpCommand &command : section.commands)
            if (command.name == name)
                return &command;
    return nullptr;
}

const HelpSection *HelpDocument::section(const QString &title) const
{
    for (const HelpSection &candidate : sections)
        if (sectionKey(candidate.title) == title)
            return &candidate;
    return nullptr;
}

QStringList HelpDocument::commandNames() const
{
    QStringList names;
    for (const HelpSection &section : sections)
        for (const HelpCommand &command : section.commands)
            names += command.name;
    return names;
}

} // namespace headway::help
