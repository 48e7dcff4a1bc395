// How to run a project's own migration tool: `python -m flask db ...` for a
// Flask-Migrate project (with FLASK_APP found the way Flask finds it), or
// `python -m alembic -c alembic.ini ...` for a plain Alembic one, with the
// environment presets users type by hand today (SERVER_NAME, CACHE_TYPE).
#pragma once

#include "CommandLine.h"
#include "RunSettings.h"
#include "repository/RepositoryLayout.h"

namespace headway {

struct MigrationBackend {
    enum class Kind { FlaskMigrate, Alembic };
    Kind kind = Kind::Alembic;
    QString projectDirectory;   // where the tool runs
    QString migrationsDirectory;
    QString iniPath;
    QString flaskApp;           // the FLASK_APP value used, if any
    QString flaskAppOrigin;     // where it came from, for the "show command" panel
    QString problem;            // why the tool cannot be run; empty when it can

    QStringList requiredModules() const;
    // `python -m flask db <arguments> -d DIR` or `python -m alembic -c INI <arguments>`.
    CommandLine command(const QString &python, const QStringList &arguments, const RunSettings &settings) const;

    static MigrationBackend detect(const RepositoryLayout &layout, const RunSettings &settings = {});
};

} // namespace headway
