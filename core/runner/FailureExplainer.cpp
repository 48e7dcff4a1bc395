#include "FailureExplainer.h"

#include <QRegularExpression>

namespace headway {

namespace {

struct Rule {
    const char *code;
    const char *pattern; // matched against each line of output, case-insensitively
    const char *summary;
    const char *fix;
};

// The most specific rules first: the first rule that matches any line decides.
const Rule rules[] = {
    {"multiple-heads", R"(Multiple head revisions are present)",
     "The migration history has several heads, so `upgrade head` does not know which one to reach.",
     "Upgrade to `heads` to apply every branch (named branches kept on purpose always do), or create a merge "
     "migration for heads that should be one (Merge heads)."},
    {"missing-revision", R"(Can't locate revision identified by '([^']*)')",
     "A revision is named (by a migration or by the database's alembic_version table) but no migration file declares it.",
     "Pull the latest changes or restore the missing file from git history; never delete migration files. If the "
     "database was stamped by another branch, stamp it to a revision that exists."},
    {"not-up-to-date", R"(Target database is not up to date)",
     "The database is behind the migrations, so Alembic refuses to generate a new revision.",
     "Upgrade the database first (flask db upgrade), then generate the migration again."},
    {"already-exists", R"((index|table|constraint|column|relation)\b.*\balready exists|already exists.*\b(index|table|constraint|column)|duplicate (column|key|check constraint|foreign key constraint|constraint) name)",
     "Two migrations create the same object: typically both branches of a merge add the same index, constraint or table.",
     "Edit one of the two migrations (or the merge migration) so the object is created only once, then test the upgrade again."},
    {"engine-feature", R"re((can't render element of type|No support for ALTER of constraints in SQLite|near "(ALTER|USING)": syntax error|UnsupportedCompilationError|type "(jsonb|json)" does not exist))re",
     "The migration uses a feature this database engine lacks (a PostgreSQL or MySQL type such as JSONB, ARRAY or SET, "
     "or ALTER COLUMN, which SQLite cannot run): it was written for the project's own engine.",
     "Run the test upgrade on the engine the project deploys to: --engine postgresql or --engine mariadb (Run Settings → "
     "Engine); Headway starts a throwaway server for it."},
    {"no-db-command", R"(No such command '?db'?)",
     "This `flask` has no `db` command: the interpreter running it lacks Flask-Migrate, or the app does not call Migrate(app, db).",
     "Choose the project's interpreter (its virtualenv) in the repository settings, or install Flask-Migrate into it."},
    {"app-import-failed", R"((Could not locate a Flask application|Failed to find Flask application|Error: While importing|Could not import '|ModuleNotFoundError|ImportError|, in (locate_app|load_app)$))",
     "The Flask application could not be imported, so no migration command can run.",
     "Check FLASK_APP and the environment variables in the repository settings (e.g. SERVER_NAME, CACHE_TYPE, DATABASE_URL), "
     "and that the interpreter has the project's dependencies."},
    {"database-locked", R"(database is locked)",
     "Another program holds a lock on the SQLite database.",
     "Stop the running app or other tools using the database file, then try again."},
};

} // namespace

FailureExplanation FailureExplainer::explain(const QString &output)
{
    const QStringList lines = output.split(QLatin1Char('\n'));
    for (const Rule &rule : rules) {
        const QRegularExpression pattern(QString::fromUtf8(rule.pattern), QRegularExpression::CaseInsensitiveOption);
        for (auto line = lines.crbegin(); line != lines.crend(); ++line) { // the last mention is the error itself
            if (pattern.match(*line).hasMatch())
                return {QString::fromLatin1(rule.code), QString::fromUtf8(rule.summary), QString::fromUtf8(rule.fix),
                        line->trimmed()};
        }
    }
    return {};
}

} // namespace headway
