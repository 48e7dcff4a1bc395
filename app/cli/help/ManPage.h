// Renders a HelpDocument as a troff manual page (man(7) macros): NAME and
// SYNOPSIS from the program heading, every command of a group under that
// group's section, the other sections as they come (Exit codes as EXIT STATUS).
#pragma once

#include "HelpDocument.h"

namespace headway::help {

struct ManPageInfo {
    int section = 1;
    QString date;    // YYYY-MM-DD: the release's, so a rebuild makes the same page
    QString source;  // "Headway 0.1.0"
    QString manual = QStringLiteral("User Commands");
    QString origin;  // the source file, named in the do-not-edit comment
};

class ManPage
{
public:
    static QString render(const HelpDocument &document, const ManPageInfo &info);
};

} // namespace headway::help
