// The directories the project's interpreter imports from (its sys.path), so
// constants a migration imports from an installed package can be read
// statically too. Asking starts the interpreter once, with an argument list,
// through runToCompletion; the answer is cached next to the values resolved
// through Python, keyed by the interpreter's path and modification time.
// Blocks while it asks: call it off the GUI thread (the loader calls it on the
// loading thread, and only when a module is not found in the project).
#pragma once

#include "repository/RepositoryLayout.h"
#include "runner/CommandLine.h"

#include <QStringList>

namespace headway {

class InterpreterSysPath
{
public:
    static CommandLine command(const QString &python, const QString &workingDirectory = {});
    // The directories the command printed: absolute, existing, each once.
    static QStringList parseOutput(const QString &output);

    // `python`'s sys.path, from the cache while the interpreter is unchanged; empty when asking fails.
    static QStringList of(const QString &python, const QString &cachePath = defaultCachePath(),
                          int timeoutMs = 15000);
    // The interpreter that runs the project's migration tool (the user's choice for the
    // repository, else discovery, as for the tool's commands), then its sys.path.
    static QStringList forProject(const RepositoryLayout &layout, const QString &cachePath = defaultCachePath());

    static QString defaultCachePath();
};

} // namespace headway
