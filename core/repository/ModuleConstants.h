// Finds the module file for a dotted name ("neutron.db.migration.cli") under
// the project's search roots and reads its module-level literal constants,
// statically: the file goes through the same lexer as a migration file and is
// never imported or executed. Each module file is read once per load. One
// re-export (`from x import NAME` in that module) is followed, no deeper, and a
// cycle of re-exports is reported, never followed.
//
// When a module is not under the project's roots, the interpreter's sys.path
// (asked through the given function, at most once) is searched too.
#pragma once

#include "ModuleSearchPath.h"
#include "parser/ModuleBindings.h"

#include <QHash>

#include <functional>
#include <optional>

namespace headway {

struct ModuleConstant {
    PythonLiteral value; // NotLiteral when it could not be read
    QString modulePath;  // absolute path of the module file the value was read from
    QString reason;      // why it could not be read, for a message; empty on success

    bool ok() const { return reason.isEmpty(); }
};

class ModuleConstants
{
public:
    explicit ModuleConstants(ModuleSearchPath searchPath, std::function<QStringList()> interpreterPaths = {});

    // The value `name` has at the end of module `module`, as Python would leave it.
    ModuleConstant constant(const QString &module, const QString &name);
    // The module that `member` names inside `module` (`from a.b import c` then `c.X`):
    // the submodule a.b.c, or the module a.b's own import binds to c.
    QString submodule(const QString &module, const QString &member);

    const ModuleSearchPath &searchPath() const { return m_searchPath; }

private:
    struct Location {
        QString path;    // the module's file; empty when not found
        bool package = false; // an __init__.py
        QString reason;  // why not found
    };
    struct ParsedModule {
        ModuleBindings bindings;
        QString reason; // why it cannot be read
    };

    Location locate(const QString &module, bool useInterpreter = true);
    ParsedModule parsed(const QString &path); // a copy: the cache may grow while it is used
    ModuleConstant lookUp(const QString &module, const QString &name, int depth, QStringList &visited);
    QString absoluteModule(const ModuleImport &import, const QString &importer, bool importerIsPackage) const;
    QString describeRoots() const;

    ModuleSearchPath m_searchPath;
    std::function<QStringList()> m_interpreterPaths;
    std::optional<QStringList> m_interpreterRoots; // asked once, when first needed
    QHash<QString, Location> m_locations; // module name -> file
    QHash<QString, ParsedModule> m_parsed; // file -> what it binds
};

} // namespace headway
