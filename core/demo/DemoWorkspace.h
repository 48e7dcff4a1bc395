// The bundled demo repository, made usable: installed copies are read-only,
// so Headway works on a writable copy (made on first use) whose git history
// replays the fork-and-upstream story: a shared history, the fork's own
// migration, upstream's new migration, and the merge that left two heads.
//
// Copies files and runs git: call it off the GUI thread.
#pragma once

#include <QString>

namespace headway {

struct DemoWorkspaceResult {
    QString path;  // the writable copy, empty on failure
    QString error; // what went wrong, in words a user can act on
    bool created = false;
    bool ok() const { return error.isEmpty(); }
};

class DemoWorkspace
{
public:
    // Where the demo ships: next to the installed binary, else in the source tree.
    static QString bundledDemoDirectory();
    // The default writable location (the user's data directory).
    static QString defaultLocation();
    // Returns the existing copy at `target`, or makes it from `source`.
    static DemoWorkspaceResult prepare(const QString &source = bundledDemoDirectory(),
                                       const QString &target = defaultLocation());
};

} // namespace headway
