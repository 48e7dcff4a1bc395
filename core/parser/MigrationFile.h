// What Headway knows about one migration file after reading it statically.
#pragma once

#include "ModuleBindings.h"
#include "SymbolicValue.h"
#include "diagnostics/Diagnostic.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace headway {

// A module-level identifier as the file assigns it.
struct AssignedValue {
    bool present = false;   // assigned at module level at all
    bool literal = false;   // its value could be read without running Python
    QStringList values;     // the strings (empty for None or an empty sequence)
    QString sourceText;     // the expression as written
    QString notLiteralReason; // why it could not be read, when it could not
    bool resolvedByPython = false; // not a literal, read by importing the file on the user's request
    int line = 0;
    // Not a literal but made of strings and names (`(cli.EXPAND_BRANCH,)`) that may be looked up.
    SymbolicValue symbolic;
    // Names read statically from the project's modules: the reference as written
    // ("cli.EXPAND_BRANCH") -> the module file it came from, relative to the repository's root.
    QHash<QString, QString> resolvedFromModule;
};

struct MigrationFile {
    QString path; // absolute

    AssignedValue revision;
    AssignedValue downRevision;
    AssignedValue branchLabels;
    AssignedValue dependsOn;

    QString longDoc;     // the module docstring, stripped (Alembic's Script.longdoc)
    QString doc;         // its first paragraph: the message Alembic prints
    int docLine = 0;
    QString createDate;  // from the "Create Date:" header line, as written
    int createDateLine = 0;

    Diagnostics diagnostics;

    // What the file binds at module level (imports, constants), in order; kept only
    // when a value above is symbolic and needs them.
    ModuleBindings bindings;

    // The revision id, if the file yields one (possibly from a legacy file name).
    QString revisionId() const { return revision.values.value(0); }
    bool hasRevision() const { return revision.present && revision.literal && revision.values.size() == 1; }
};

} // namespace headway
