// Renders a HelpDocument as a Markdown reference (docs/cli-reference.md): a
// table of contents, then every command with its synopsis, description,
// options (run options spliced in) and exit codes, so the web page says what
// `headway-cli help COMMAND` and the manual page say.
#pragma once

#include "HelpDocument.h"

namespace headway::help {

class MarkdownPage
{
public:
    // origin: the source file, named in the do-not-edit comment.
    static QString render(const HelpDocument &document, const QString &origin);
};

} // namespace headway::help
