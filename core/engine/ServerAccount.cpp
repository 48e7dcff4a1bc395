#include "ServerAccount.h"

#include <pwd.h>
#include <unistd.h>

namespace headway {

ServerAccount ServerAccount::forServer(DatabaseEngine engine)
{
    ServerAccount account;
    if (::geteuid() != 0)
        return account;
    const char *own = engine == DatabaseEngine::MariaDb ? "mysql" : "postgres";
    for (const char *name : {own, "nobody"}) {
        // getpwnam_r: the loader thread may look up users at the same time.
        struct passwd entry {};
        struct passwd *found = nullptr;
        char buffer[4096];
        if (::getpwnam_r(name, &entry, buffer, sizeof buffer, &found) == 0 && found && found->pw_uid != 0) {
            account.userId = int(found->pw_uid);
            account.groupId = int(found->pw_gid);
            account.name = QString::fromLocal8Bit(name);
            return account;
        }
    }
    account.problem = QStringLiteral("Headway runs as root and this machine has no unprivileged account (%1 or nobody) "
                                     "to run the throwaway %2 server as; run Headway as a normal user.")
                          .arg(QString::fromLatin1(own), engineDisplayName(engine));
    return account;
}

} // namespace headway
