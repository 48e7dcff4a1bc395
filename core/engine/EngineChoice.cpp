#include "EngineChoice.h"

namespace headway {

EngineChoice EngineChoice::decide(const QString &requestedEngine, const QString &requestedServer,
                                  const QString &projectUrl, const QString &urlOrigin)
{
    EngineChoice choice;
    choice.projectUrl = DatabaseUrl::parse(projectUrl);
    choice.projectUrl.password.clear(); // only its dialect and driver are used
    std::optional<DatabaseEngine> requested;
    if (!requestedEngine.trimmed().isEmpty() && requestedEngine.trimmed() != QLatin1String("auto")) {
        requested = engineFromKey(requestedEngine);
        if (!requested) {
            choice.problem = QStringLiteral("Unknown engine “%1”: choose sqlite, postgresql or mariadb.").arg(requestedEngine);
            return choice;
        }
    }
    if (!requestedServer.trimmed().isEmpty()) {
        choice.server = DatabaseUrl::parse(requestedServer);
        const std::optional<DatabaseEngine> serverEngine = choice.server.engine();
        if (!choice.server.valid || !serverEngine || *serverEngine == DatabaseEngine::Sqlite) {
            choice.problem = QStringLiteral("The server URL %1 is not a PostgreSQL or MySQL/MariaDB URL "
                                            "(postgresql://user:password@host:port/database, mysql+pymysql://…).")
                                 .arg(hidePassword(requestedServer));
            choice.server = {};
            return choice;
        }
        if (requested && *requested != *serverEngine) {
            choice.problem = QStringLiteral("The engine %1 and the server URL (%2) disagree: choose one.")
                                 .arg(engineKey(*requested), choice.server.shown());
            return choice;
        }
        choice.engine = *serverEngine;
        choice.reason = QStringLiteral("the server URL");
        return choice;
    }
    if (requested) {
        choice.engine = *requested;
        choice.reason = QStringLiteral("chosen");
        return choice;
    }
    if (projectUrl.isEmpty()) {
        choice.reason = QStringLiteral("the project's database URL is unknown");
        return choice;
    }
    const std::optional<DatabaseEngine> engine = choice.projectUrl.engine();
    if (!engine) {
        choice.problem = QStringLiteral("The project's database (%1, from %2) is %3: Headway runs test upgrades on SQLite, "
                                        "PostgreSQL or MariaDB. Choose one with --engine (or in the repository settings).")
                             .arg(hidePassword(projectUrl), urlOrigin,
                                  choice.projectUrl.valid ? choice.projectUrl.dialect : QStringLiteral("not a URL Headway can read"));
        return choice;
    }
    choice.engine = *engine;
    choice.reason = QStringLiteral("%1 names %2").arg(urlOrigin, choice.projectUrl.dialect);
    return choice;
}

} // namespace headway
