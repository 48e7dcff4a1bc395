// The one way Headway writes a file: all of it or nothing. QSaveFile writes a
// temporary file next to the target and renames it over the target only once
// everything is on disk, so a full disk, a crash or a Cancel never leaves half
// a cache, export or config behind. Headway's own files get their folder made
// first; a place the user named must exist (a mistyped folder is an error, not
// a folder to create).
#pragma once

#include <QByteArray>
#include <QString>

namespace headway {

class AtomicFile
{
public:
    enum class MissingFolder { Create, Fail };

    // Returns an empty string on success, else the file and the system's reason,
    // e.g. "Cannot write /x/graph.dot: Permission denied".
    static QString write(const QString &path, const QByteArray &bytes,
                         MissingFolder missingFolder = MissingFolder::Create);
};

} // namespace headway
