#include "ServerBinaries.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace headway {

namespace {

// The first directory holding every one of `names` as an executable.
QString directoryWithAll(const QStringList &directories, const QStringList &names)
{
    for (const QString &directory : directories) {
        const bool all = std::all_of(names.cbegin(), names.cend(), [&](const QString &name) {
            const QFileInfo info(QDir(directory).filePath(name));
            return info.isFile() && info.isExecutable();
        });
        if (all)
            return directory;
    }
    return {};
}

// The first of `names` found in `directories`.
QString firstProgram(const QStringList &directories, const QStringList &names)
{
    for (const QString &directory : directories)
        for (const QString &name : names) {
            const QFileInfo info(QDir(directory).filePath(name));
            if (info.isFile() && info.isExecutable())
                return info.absoluteFilePath();
        }
    return {};
}

// /usr/lib/postgresql/15/bin before /usr/lib/postgresql/13/bin: the newest server.
QStringList postgresqlVersionDirectories(const QString &root)
{
    QStringList versions = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return a.toDouble() > b.toDouble();
    });
    QStringList directories;
    for (const QString &version : versions)
        directories += QDir(root).filePath(version + QStringLiteral("/bin"));
    return directories;
}

} // namespace

QString ServerBinaries::package() const
{
    return engine == DatabaseEngine::MariaDb ? QStringLiteral("mariadb-server") : QStringLiteral("postgresql");
}

QString ServerBinaries::overrideVariable(DatabaseEngine engine)
{
    return engine == DatabaseEngine::MariaDb ? QStringLiteral("HEADWAY_MARIADB_BIN") : QStringLiteral("HEADWAY_POSTGRESQL_BIN");
}

ServerBinaries ServerBinaries::locate(DatabaseEngine engine, const QProcessEnvironment &environment,
                                      const QString &postgresqlRoot)
{
    ServerBinaries binaries;
    binaries.engine = engine;
    const QString chosen = environment.value(overrideVariable(engine));
    const QStringList path = environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    QStringList directories;
    if (!chosen.isEmpty())
        directories = {chosen};
    if (engine == DatabaseEngine::PostgreSql) {
        if (chosen.isEmpty())
            directories = postgresqlVersionDirectories(postgresqlRoot) + path;
        const QString directory = directoryWithAll(directories, {QStringLiteral("initdb"), QStringLiteral("postgres")});
        if (!directory.isEmpty()) {
            binaries.initProgram = QDir(directory).filePath(QStringLiteral("initdb"));
            binaries.serverProgram = QDir(directory).filePath(QStringLiteral("postgres"));
            const QString parent = QFileInfo(directory).dir().dirName();
            if (!parent.isEmpty() && parent.at(0).isDigit())
                binaries.version = parent;
        }
    } else if (engine == DatabaseEngine::MariaDb) {
        if (chosen.isEmpty())
            directories = QStringList{QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")} + path;
        binaries.initProgram = firstProgram(directories, {QStringLiteral("mariadb-install-db"), QStringLiteral("mysql_install_db")});
        binaries.serverProgram = firstProgram(directories, {QStringLiteral("mariadbd"), QStringLiteral("mysqld")});
    } else {
        return binaries; // SQLite needs no server
    }
    if (binaries.initProgram.isEmpty() || binaries.serverProgram.isEmpty()) {
        binaries.initProgram.clear();
        binaries.serverProgram.clear();
        binaries.problem =
            QStringLiteral("%1's server programs are not installed (looked in %2): install the %3 package "
                           "(sudo apt install %3), or set %4 to the directory that holds them.")
                .arg(engineDisplayName(engine),
                     chosen.isEmpty() ? (engine == DatabaseEngine::PostgreSql ? postgresqlRoot + QStringLiteral("/*/bin and PATH")
                                                                              : QStringLiteral("/usr/sbin, /usr/bin and PATH"))
                                      : chosen,
                     binaries.package(), overrideVariable(engine));
    }
    return binaries;
}

} // namespace headway
