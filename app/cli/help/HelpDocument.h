// The help of a program, read from its Markdown-like source (the format is
// described at the top of app/cli/help/headway-cli.md): the one text that the
// terminal help and the manual page are both rendered from. Qt Core only, so
// the CLI and the build-time generator share it.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace headway::help {

// One entry of a list: an option (`-v, --verbose`), an exit code (`2`), a file.
struct HelpItem {
    QString term; // empty for an item without one
    QString text;
    // The option names the term spells (`-v`, `--verbose`), without value names.
    QStringList optionNames() const;
};

struct HelpBlock {
    enum class Kind { Paragraph, Verbatim, List };
    Kind kind = Kind::Paragraph;
    QString text;          // a paragraph joined into one line; verbatim lines with their breaks
    QString label;         // a list's label line ("Options:"), may be empty
    QList<HelpItem> items; // a list's entries
};

struct HelpCommand {
    QString name;
    QString summary;
    QStringList synopsis;
    QList<HelpBlock> description; // paragraphs and examples, not the option and exit code lists
    QList<HelpItem> options;      // with the run options already spliced in
    QList<HelpItem> exitCodes;
};

// A `##` section: a group of commands, or a section of its own (Options, Files, ...).
struct HelpSection {
    QString title;
    QList<HelpBlock> blocks;
    QList<HelpCommand> commands;
    bool isGroup() const { return !commands.isEmpty(); }
    // The entries of its lists, in order.
    QList<HelpItem> items() const;
};

struct HelpParseError {
    int line = 0;
    QString message;
};

class HelpDocument
{
public:
    // The parsed document, or the first problem with its line.
    static HelpDocument parse(const QString &source, HelpParseError *error);

    QString program;
    QString summary;
    QStringList synopsis;
    QList<HelpBlock> description;
    QList<HelpSection> sections;

    bool isValid() const { return !program.isEmpty(); }
    const HelpCommand *command(const QString &name) const;
    const HelpSection *section(const QString &title) const;
    QStringList commandNames() const;
};

} // namespace headway::help
