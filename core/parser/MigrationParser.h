// Reads one migration file without executing it: the revision identifiers,
// the docstring message and headers, each with its line, plus diagnostics for
// anything Python would reject or Headway cannot read statically.
#pragma once

#include "MigrationFile.h"

#include <QByteArray>

namespace headway {

class MigrationParser
{
public:
    // Parses source already read from `path` (used for messages and legacy ids).
    static MigrationFile parse(const QString &path, QByteArrayView source);

    // Reads and parses the file; unreadable, binary or oversized files give diagnostics.
    static MigrationFile parseFile(const QString &path);

    static constexpr qint64 maximumFileSize = 64ll * 1024 * 1024;
};

} // namespace headway
