// Finds a repository's migrations from whatever the user points at: a project
// root (alembic.ini, or migrations/alembic.ini as Flask-Migrate lays it out),
// an alembic.ini, a script directory, or a bare versions directory; then reads
// script_location and version_locations the way Alembic does.
#pragma once

#include "RepositoryLayout.h"

namespace headway {

class RepositoryLocator
{
public:
    static RepositoryLayout locate(const QString &argument);

private:
    static void readIni(RepositoryLayout &layout, const QString &iniPath);
    static QStringList splitVersionLocations(RepositoryLayout &layout, const QString &value,
                                             const std::optional<QString> &separator, int line,
                                             int separatorLine);
};

} // namespace headway
