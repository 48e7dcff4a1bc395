// The names a Python module binds at module level, as far as reading it
// statically tells: its imports, and its assignments with their literal values
// (a later binding replaces an earlier one, as when Python runs the module).
// The migration files' own constants and the project modules they import are
// both read with it.
#pragma once

#include "PythonLiteral.h"

#include <QList>
#include <QString>

#include <span>

namespace headway {

struct ModuleImport {
    QString module;          // the module imported, without a relative import's leading dots
    QString member;          // from-imports: the name taken from the module; empty for `import a.b`
    int level = 0;           // leading dots of a relative import (`from . import x`: 1)
    bool topPackage = false; // `import a.b.c` without `as`: binds `a` and reaches a.b.c through it
};

struct ModuleBinding {
    enum class Kind { Import, Assignment, Other };
    Kind kind = Kind::Other;
    QString name;        // the module-level name bound
    int line = 0;
    ModuleImport import; // Kind::Import
    PythonLiteral value; // Kind::Assignment: the value, NotLiteral (with a reason) when unreadable;
                         // Kind::Other (def, class, +=): the reason it is no constant
};

using ModuleBindings = QList<ModuleBinding>;

// Appends the bindings one module-level statement makes (most make none).
void readBindings(std::span<const PythonToken> statement, ModuleBindings &bindings);

// The last binding of `name` among the first `count` bindings, or nullptr.
const ModuleBinding *lastBinding(const ModuleBindings &bindings, const QString &name, qsizetype count);
inline const ModuleBinding *lastBinding(const ModuleBindings &bindings, const QString &name)
{
    return lastBinding(bindings, name, bindings.size());
}

} // namespace headway
