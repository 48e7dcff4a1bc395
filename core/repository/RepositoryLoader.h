// Loads a repository: locate, list the version files, parse them on all cores,
// build the graph. Never executes Python; never throws.
#pragma once

#include "Repository.h"
#include "ResolvedValues.h"

#include <atomic>
#include <functional>

namespace headway {

struct LoadOptions {
    int threads = 0; // 0: one per core
    // Called on the loading thread with files parsed so far; may be empty.
    std::function<void(int done, int total)> progress;
    const std::atomic<bool> *cancel = nullptr; // set to abandon the load
    // Values resolved through Python on the user's request; used for files that have not
    // changed since (same size and modification time).
    QList<ResolvedFile> resolvedValues;
    // The directories the project's interpreter imports from (its sys.path), for
    // constants a migration file imports from modules outside the project's own
    // directories. Called at most once per load, on the loading thread, and only
    // when such a module is not found in the project; the front end decides how to ask.
    std::function<QStringList(const RepositoryLayout &)> interpreterPaths;
};

class RepositoryLoader
{
public:
    static Repository load(const QString &argument, const LoadOptions &options = {});

    // Files read elsewhere (from git objects, say) made into a repository exactly as
    // load() makes the ones it reads: module values, then the graph.
    static Repository assemble(RepositoryLayout layout, QList<MigrationFile> files, const LoadOptions &options = {});

    // Parses the files in parallel, keeping their order.
    static QList<MigrationFile> parseAll(const QStringList &paths, const LoadOptions &options);

private:
    static Repository assembled(Repository repository, const LoadOptions &options);
    static void applyModuleValues(Repository &repository, const LoadOptions &options);
    static void applyResolvedValues(MigrationFile &file, const ResolvedFile &resolved);
};

} // namespace headway
