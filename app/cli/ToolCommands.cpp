// The table of headway-cli commands that run the project's own flask db /
// alembic, with their options; the commands themselves live in
// DatabaseCommands, MergeCommands, TestUpgradeCommand and ResolveCommand.
#include "ToolRunning.h"

namespace headway::cli {

QList<Command> migrationCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QList<QCommandLineOption> toolOptions{
        json,
        QCommandLineOption(QStringList{QStringLiteral("v"), QStringLiteral("verbose")},
                           QStringLiteral("Show every command Headway runs and its output.")),
        QCommandLineOption(QStringLiteral("python"), QStringLiteral("Run with this interpreter instead of the discovered one."),
                           QStringLiteral("path")),
        QCommandLineOption(QStringLiteral("flask-app"), QStringLiteral("FLASK_APP to use (default: .flaskenv, .env, wsgi.py, app.py)."),
                           QStringLiteral("app")),
        QCommandLineOption(QStringLiteral("env"),
                           QStringLiteral("Set NAME=VALUE for the command (repeatable; NAME= removes a preset). Presets: "
                                          "SERVER_NAME=localhost CACHE_TYPE=NullCache."),
                           QStringLiteral("assignment")),
        QCommandLineOption(QStringLiteral("timeout"), QStringLiteral("Stop a command after SECONDS (default 1800)."),
                           QStringLiteral("seconds")),
        QCommandLineOption(QStringLiteral("dry-run"), QStringLiteral("Print the command(s) as shell text and run nothing.")),
    };
    const QCommandLineOption yes(QStringList{QStringLiteral("y"), QStringLiteral("yes")},
                                 QStringLiteral("Do not ask before undoing migrations, stamping, or merging named branches."));
    const QCommandLineOption sql(QStringLiteral("sql"), QStringLiteral("Print the SQL (Alembic's offline mode) instead of running it."));
    const QCommandLineOption noBackup(QStringLiteral("no-backup"), QStringLiteral("Do not copy a SQLite database aside first."));
    const QCommandLineOption message(QStringList{QStringLiteral("m"), QStringLiteral("message")},
                                     QStringLiteral("The merge message: say what is merged."), QStringLiteral("message"));
    return {
        {"current", "Show the database's revisions and what it lacks.", "[REPOSITORY]", current, toolOptions},
        {"upgrade", "Upgrade the database (default target: heads).", "[REV] [REPOSITORY]", upgrade,
         toolOptions + QList<QCommandLineOption>{sql, noBackup}},
        {"downgrade", "Downgrade the database after showing what is undone.", "REV [REPOSITORY]", downgrade,
         toolOptions + QList<QCommandLineOption>{sql, noBackup, yes}},
        {"stamp", "Record a revision in the database without running migrations.", "REV [REPOSITORY]", stamp,
         toolOptions + QList<QCommandLineOption>{noBackup, yes}},
        {"merge", "Merge heads (two or more; default all) into one revision.", "[HEADS...] [REPOSITORY]", merge,
         toolOptions + QList<QCommandLineOption>{message, yes, QCommandLineOption(QStringLiteral("all"), QStringLiteral("Merge every head."))}},
        {"test-upgrade", "Upgrade, step down to base and up again on a scratch database, then run the project's migration tests.",
         "[REPOSITORY]", testUpgrade,
         toolOptions + QList<QCommandLineOption>{
             QCommandLineOption(QStringLiteral("no-project-tests"), QStringLiteral("Skip the project's own migration tests.")),
             QCommandLineOption(QStringLiteral("test-command"),
                                QStringLiteral("The project's migration tests as arguments to its Python (default: "
                                               "-m pytest -q tests/test_migration*.py if present)."),
                                QStringLiteral("arguments")),
             QCommandLineOption(QStringLiteral("engine"),
                                QStringLiteral("Run on sqlite, postgresql or mariadb (default: the dialect of the project's "
                                               "database URL; a throwaway server for postgresql and mariadb)."),
                                QStringLiteral("engine")),
             QCommandLineOption(QStringLiteral("server"),
                                QStringLiteral("Run on this existing server instead of a throwaway one: Headway creates "
                                               "headway_scratch_<random> there and drops it afterwards."),
                                QStringLiteral("url")),
             yes}},
        {"rehearse", "Rehearse a merge: every path a deployed database can take to the merged state, on scratch "
                     "databases; exit 0 only when all pass with one schema.",
         "[HEADS...] [REPOSITORY]", rehearse,
         toolOptions + QList<QCommandLineOption>{
             QCommandLineOption(QStringLiteral("engine"), QStringLiteral("Rehearse on sqlite, postgresql or mariadb (default: the project's)."),
                                QStringLiteral("engine")),
             QCommandLineOption(QStringLiteral("server"),
                                QStringLiteral("Rehearse on this existing server: Headway creates headway_scratch_<random> "
                                               "there and drops it afterwards."),
                                QStringLiteral("url")),
             yes}},
        {"resolve", "Resolve non-literal revision identifiers by importing just those files with the project's Python.",
         "[REPOSITORY]", resolve, toolOptions},
        {"fix", "If there are several heads: merge them all (or only a named branch's), verify, print the git add.", "[REPOSITORY]", fix,
         toolOptions + QList<QCommandLineOption>{message}},
    };
}

} // namespace headway::cli
