// Values the static reader cannot see (e.g. `branch_labels = (constants.FEATURE,)`)
// resolved on the user's request: the project's interpreter imports just those
// files and reports revision, down_revision, branch_labels and depends_on.
// The results are plain data (repository/ResolvedValues.h) that the loader
// applies to files unchanged since (same size and modification time).
//
// Dependencies run one way: python/ builds on runner/ (the command line comes
// from the MigrationTool) and on repository/; neither of them includes python/.
#pragma once

#include "repository/ResolvedValues.h"
#include "runner/CommandLine.h"

#include <QStringList>

namespace headway {

class MigrationTool;
struct Repository;

class PythonValueResolver
{
public:
    // Files with a revision identifier that is not a literal.
    static QStringList filesNeedingPython(const Repository &repository);
    static CommandLine command(const MigrationTool &tool, const QStringList &paths);
    static QList<ResolvedFile> parseOutput(const QString &output);
};

} // namespace headway
