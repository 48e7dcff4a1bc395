// Values the static reader cannot see (e.g. `branch_labels = (constants.FEATURE,)`)
// resolved on the user's request: the project's interpreter imports just those
// files and reports revision, down_revision, branch_labels and depends_on.
// Results are remembered per file with its size and modification time, so a
// changed file is read statically again until it is resolved again.
#pragma once

#include "runner/CommandLine.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace headway {

class MigrationTool;
struct Repository;

struct ResolvedFile {
    QString path;
    qint64 size = -1;
    qint64 modifiedMs = -1;
    QHash<QString, std::optional<QStringList>> values; // variable -> strings, or nullopt for None
    QString error; // the import failed; values stay unresolved

    bool matches(const QString &filePath) const; // same path, size and modification time
};

class PythonValueResolver
{
public:
    // Files with a revision identifier that is not a literal.
    static QStringList filesNeedingPython(const Repository &repository);
    static CommandLine command(const MigrationTool &tool, const QStringList &paths);
    static QList<ResolvedFile> parseOutput(const QString &output);
};

// Resolved values kept between runs (shared by headway and headway-cli).
class ResolvedValueCache
{
public:
    static QString defaultPath();
    static QList<ResolvedFile> load(const QString &cachePath = defaultPath());
    // Adds or replaces entries by path.
    static bool store(const QList<ResolvedFile> &files, const QString &cachePath = defaultPath());
};

} // namespace headway
