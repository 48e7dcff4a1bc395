// Real git repositories for tests: run git with a fixed identity and dates, and
// the small steps the fork tests repeat (write a migration, commit, clone).
#pragma once

#include "TestFiles.h"

#include <QProcess>
#include <QStringList>

namespace headway::test {

struct GitResult {
    int exitCode = -1;
    QString out;
    QString err;
    bool ok() const { return exitCode == 0; }
};

inline GitResult runGit(const QString &directory, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
        environment.insert(QLatin1String(name), QStringLiteral("Headway Test"));
    for (const char *name : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
        environment.insert(QLatin1String(name), QStringLiteral("test@headway.invalid"));
    environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    environment.insert(QStringLiteral("HOME"), directory); // no user configuration leaks in
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("git"), arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// Fails the calling test (QVERIFY-style) when git fails, with git's message.
#define HW_GIT(directory, ...)                                                                          \
    do {                                                                                                \
        const headway::test::GitResult result_ = headway::test::runGit(directory, __VA_ARGS__);         \
        QVERIFY2(result_.ok(), qPrintable(QStringLiteral("git failed in %1: %2").arg(directory, result_.err))); \
    } while (false)

inline QString gitOut(const QString &directory, const QStringList &arguments)
{
    return runGit(directory, arguments).out.trimmed();
}

inline void writeAlembicProject(const QString &root)
{
    writeFile(root + QStringLiteral("/alembic.ini"), "[alembic]\nscript_location = migrations\n");
    writeFile(root + QStringLiteral("/migrations/env.py"), "# env\n");
}

inline QString migrationPath(const QString &root, const QString &revision)
{
    return root + QStringLiteral("/migrations/versions/") + revision + QStringLiteral("_change.py");
}

// A migration creating table `table` (so two branches can collide on it).
inline void writeMigration(const QString &root, const QString &revision, const QString &down, const QString &table = {})
{
    QByteArray text = migration(revision, down, QStringLiteral("change ") + revision);
    if (!table.isEmpty())
        text.replace("def upgrade():\n    pass\n",
                     QStringLiteral("def upgrade():\n    op.create_table('%1', sa.Column('id', sa.Integer(), nullable=False))\n")
                         .arg(table)
                         .toUtf8());
    writeFile(migrationPath(root, revision), text);
}

} // namespace headway::test
