// Finishes the values migration files write with names instead of literals
// (`branch_labels = (cli.EXPAND_BRANCH,)`, `depends_on = EXPAND`) by following
// the file's own module-level imports and earlier assignments to literal
// values, statically, the way Python would bind them. A value read this way is
// marked with the module each name came from and gets a `resolved-from-module`
// note; one that cannot be read keeps its `non-literal-value` diagnostic, which
// then says why the lookup failed.
#pragma once

#include "ModuleConstants.h"
#include "parser/MigrationFile.h"

namespace headway {

class ModuleValueResolver
{
public:
    explicit ModuleValueResolver(ModuleConstants &constants);

    void resolve(MigrationFile &file);

    // Whether any of the file's values could be finished this way.
    static bool hasSymbolicValues(const MigrationFile &file);

private:
    struct NameValue {
        PythonLiteral value;
        QString origin; // the module file, as shown
        QString reason; // why it could not be read
    };
    NameValue lookUp(const MigrationFile &file, const SymbolicValue &value, const QString &reference);
    void resolveValue(MigrationFile &file, const QString &name, AssignedValue &value);

    ModuleConstants &m_constants;
};

} // namespace headway
