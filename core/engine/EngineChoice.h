// Which engine a test upgrade runs on, and where: the dialect of the project's
// database URL (the database-URL variable, alembic.ini's sqlalchemy.url, or the
// Flask app's configuration as its probe reports it) unless the user chose one
// (--engine, the repository settings); --server / the settings' server URL run
// it on an existing server instead of a throwaway one.
#pragma once

#include "DatabaseEngine.h"

namespace headway {

struct EngineChoice {
    DatabaseEngine engine = DatabaseEngine::Sqlite;
    QString reason;        // "DATABASE_URL names postgresql", "--engine", ...
    DatabaseUrl projectUrl; // the project's own URL, for its dialect and driver only: never contacted
    DatabaseUrl server;    // valid: run on this existing server
    QString problem;       // the choice cannot be made, and what to do

    bool onExistingServer() const { return server.valid; }
    bool needsThrowawayServer() const { return engine != DatabaseEngine::Sqlite && !onExistingServer(); }

    // `requestedEngine` / `requestedServer`: empty for automatic / a throwaway server.
    // `projectUrl` / `urlOrigin`: the project's database URL and where it was read; empty when unknown.
    static EngineChoice decide(const QString &requestedEngine, const QString &requestedServer, const QString &projectUrl,
                               const QString &urlOrigin);
};

} // namespace headway
