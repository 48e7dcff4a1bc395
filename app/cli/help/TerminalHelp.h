// Renders a HelpDocument as plain text for a terminal: the overview that
// `headway-cli help` prints and one command's page for `help COMMAND`.
#pragma once

#include "HelpDocument.h"

namespace headway::help {

class TerminalHelp
{
public:
    explicit TerminalHelp(const HelpDocument &document, int width = 80);

    // The synopsis, the description, every command with its summary under its group,
    // the shared options and the exit codes. Commands sit at two spaces exactly:
    // scripts (tests/ci/check_ci_files.py) read them from there.
    QString overview() const;
    // The command's summary, synopsis, description, options and exit codes.
    QString command(const HelpCommand &command) const;

private:
    QString usage(const QStringList &synopsis) const;
    QString blocks(const QList<HelpBlock> &blocks) const;
    QString list(const QString &label, const QList<HelpItem> &items, int maximumTermWidth = 24,
                 int minimumTermWidth = 0) const;
    QString wrapped(const QString &text, int indent, int startColumn) const;

    const HelpDocument &m_document;
    int m_width;
};

} // namespace headway::help
