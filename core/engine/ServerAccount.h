// Which account a throwaway server runs as. PostgreSQL refuses to run as root
// and MariaDB asks not to, so when Headway itself is root (CI, containers) the
// server runs as the engine's own system user (postgres, mysql) or nobody;
// otherwise as the user running Headway.
#pragma once

#include "DatabaseEngine.h"

namespace headway {

struct ServerAccount {
    int userId = -1;  // -1: Headway's own account
    int groupId = -1;
    QString name;     // "postgres"; empty for Headway's own account
    QString problem;  // root, and no unprivileged account exists

    bool switches() const { return userId >= 0; }
    static ServerAccount forServer(DatabaseEngine engine);
};

} // namespace headway
