// origins, preview-merge (and the other git-aware fork commands): where each
// migration came from, and the graph an upstream merge will produce before it
// is made. The work is core's (core/fork); this file turns arguments into calls
// and answers into text, JSON and exit codes.
#include "CliCommands.h"
#include "CliContext.h"

#include "fork/CustomMigrationsList.h"
#include "fork/MergePreview.h"
#include "fork/MissingRevisionFinder.h"
#include "fork/MigrationOrigins.h"
#include "fork/MigrationRebase.h"
#include "TerminalPorts.h"
#include "database/SqliteBackup.h"
#include "report/HealthCheck.h"
#include "runner/RunSettings.h"
#include "report/ForkFormats.h"

namespace headway::cli {

namespace {

// --upstream, else the ref stored for this repository (the GUI's Run Settings), else discovery.
QString upstreamOption(const Context &c, const Repository &repository)
{
    if (c.parser.isSet(QStringLiteral("upstream")))
        return c.parser.value(QStringLiteral("upstream"));
    return RunSettingsStore::load(repository.layout.baseDirectory).upstreamRef;
}

int origins(Context &c)
{
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    const OriginReport report = MigrationOrigins::classify(*repository, upstreamOption(c, *repository));
    if (c.parser.isSet(QStringLiteral("json")))
        printJson(c, ForkFormats::originsJson(report));
    else if (report.available)
        c.out << ForkFormats::originsText(report);
    else
        c.err << "headway-cli: " << report.note << '\n';
    return report.available ? Success : Broken;
}

int previewMerge(Context &c)
{
    const std::optional<QString> format = reportFormat(c);
    if (!format)
        return UsageError;
    const QStringList positionals = positionalArguments(c.parser);
    if (positionals.isEmpty()) {
        c.err << "headway-cli preview-merge: name the ref to merge, e.g. upstream/main\n";
        return UsageError;
    }
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 1));
    if (!repository)
        return Broken;
    const MergePreviewResult preview = MergePreview::preview(*repository, positionals.first(), loadOptions());
    if (*format == QLatin1String("json")) {
        printJson(c, ForkFormats::previewJson(preview));
    } else if (*format == QLatin1String("text") || !preview.ok()) {
        (preview.ok() ? c.out : c.err) << ForkFormats::previewText(preview);
    } else {
        const QList<CiAnnotation> annotations = ForkFormats::previewAnnotations(preview);
        printCiReport(c, *format, QStringLiteral("headway preview-merge"), ForkFormats::previewRules(annotations), annotations);
    }
    return preview.exitCode();
}

int rebase(Context &c)
{
    const QStringList positionals = positionalArguments(c.parser);
    const QString target = c.parser.value(QStringLiteral("onto"));
    if (positionals.isEmpty() || target.isEmpty()) {
        c.err << "headway-cli rebase: usage: rebase REV --onto TARGET [REPOSITORY]\n";
        return UsageError;
    }
    const QString argument = repositoryArgument(c.parser, 1);
    const auto repository = loadRepository(c, argument);
    if (!repository)
        return Broken;
    const RebaseCheck check = MigrationRebase::check(*repository, positionals.first(), target);
    if (!check.ok()) {
        c.err << "headway-cli: " << check.error << '\n';
        return Broken;
    }
    const QString backups = SqliteBackup::defaultDirectory();
    if (c.parser.isSet(QStringLiteral("dry-run"))) {
        const CommandConfirmation confirmation = MigrationRebase::confirmationFor(*repository, check, backups);
        c.out << confirmation.question << '\n';
        for (const QString &effect : confirmation.effects)
            c.out << "  " << effect << '\n';
        return Success;
    }
    bool confirmed = false;
    TerminalPorts terminal(c, Echo::Quiet);
    terminal.confirm(MigrationRebase::confirmationFor(*repository, check, backups), [&](bool yes) { confirmed = yes; });
    if (!confirmed)
        return NotConfirmed;
    const RebaseResult result = MigrationRebase::apply(*repository, check, backups);
    if (!result.ok()) {
        c.err << "headway-cli: " << result.error << '\n';
        return Broken;
    }
    c.out << "Rewrote " << displayPath(*repository, result.path) << " (backup: " << result.backup << ")\n";
    // Verified by reading the migrations again, as any later command will.
    const Repository after = RepositoryLoader::load(argument, loadOptions());
    const HealthVerdict verdict = assessHealth(after);
    c.out << verdict.summary << '\n';
    return verdict.exitCode();
}

int restore(Context &c)
{
    const QStringList positionals = positionalArguments(c.parser);
    if (positionals.isEmpty()) {
        c.err << "headway-cli restore: name the missing revision (as in \"Can't locate revision identified by ...\")\n";
        return UsageError;
    }
    const QString argument = repositoryArgument(c.parser, 1);
    const Repository repository = RepositoryLoader::load(argument, loadOptions());
    if (!repository.found()) {
        c.err << "headway-cli: no migrations at " << argument << '\n';
        return Broken;
    }
    const QString revision = positionals.first();
    const MissingRevisionSource source = MissingRevisionFinder::find(repository, revision);
    RestoreResult restored;
    if (source.found() && repository.graph.indexOf(revision) >= 0)
        restored.error = QStringLiteral("%1 is not missing: %2 defines it").arg(revision, displayPath(repository, repository.fileOf(repository.graph.indexOf(revision)).path));
    else if (source.found())
        restored = MissingRevisionFinder::restore(repository, source);
    if (c.parser.isSet(QStringLiteral("json"))) {
        printJson(c, {{QStringLiteral("revision"), revision},
                      {QStringLiteral("found"), source.found()},
                      {QStringLiteral("commit"), source.commit.commit.isEmpty() ? QJsonValue() : source.commit.commit},
                      {QStringLiteral("author"), source.commit.author.isEmpty() ? QJsonValue() : source.commit.author},
                      {QStringLiteral("date"), source.commit.date.isEmpty() ? QJsonValue() : source.commit.date},
                      {QStringLiteral("path"), source.path.isEmpty() ? QJsonValue() : source.path},
                      {QStringLiteral("how"), source.how.isEmpty() ? QJsonValue() : source.how},
                      {QStringLiteral("restored"), source.found() && restored.ok()},
                      {QStringLiteral("error"), source.found() ? (restored.ok() ? QJsonValue() : restored.error) : source.error}});
    } else if (!source.found()) {
        c.err << "headway-cli: " << source.error << '\n';
    } else {
        c.out << revision << " is " << source.path << ", " << source.how << " (" << source.commit.author << ", "
              << source.commit.date.left(10) << (source.subject.isEmpty() ? QString() : QStringLiteral(", \"%1\"").arg(source.subject)) << ")\n";
        if (restored.ok())
            c.out << "Restored " << restored.path << " byte for byte; commit it: git add " << source.path << '\n';
        else
            c.err << "headway-cli: " << restored.error << '\n';
    }
    return source.found() && restored.ok() ? Success : Broken;
}

int customMigrations(Context &c)
{
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    const OriginReport origins = MigrationOrigins::classify(*repository, upstreamOption(c, *repository));
    if (!origins.available) {
        c.err << "headway-cli: " << origins.note << '\n';
        return Broken;
    }
    const QString output = c.parser.value(QStringLiteral("output"));
    if (output == QLatin1String("-")) {
        c.out << CustomMigrationsList::block(*repository, origins) << '\n';
        return Success;
    }
    const CustomMigrationsWrite written = CustomMigrationsList::write(*repository, origins, output);
    if (!written.ok()) {
        c.err << "headway-cli: " << written.error << '\n';
        return Broken;
    }
    c.out << (written.changed ? "Wrote " : "Unchanged: ") << written.path << " (" << written.migrations << " of the fork's own migrations)\n";
    return Success;
}

} // namespace

QList<Command> forkCommands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption upstream(QStringLiteral("upstream"),
                                      QStringLiteral("The upstream ref (default: upstream/main, upstream/master, upstream/HEAD, "
                                                     "the other remote, origin/main, origin/master)."),
                                      QStringLiteral("ref"));
    return {
        {"origins", "Where each migration came from: the fork, upstream, both, uncommitted or untracked.", "[REPOSITORY]",
         origins, {json, upstream}},
        {"preview-merge", "The graph `git merge REF` will produce, before it: exit 0 one head, 1 several, 2 broken.",
         "REF [REPOSITORY]", previewMerge, reportFormatOptions()},
        {"rebase", "Point an unpublished migration at another parent (editing only down_revision and Revises:); "
                   "refuses a published one: exit 2.",
         "REV [REPOSITORY]", rebase,
         {QCommandLineOption(QStringLiteral("onto"), QStringLiteral("The new parent (e.g. upstream's head)."), QStringLiteral("target")),
          QCommandLineOption(QStringLiteral("yes"), QStringLiteral("Do not ask.")),
          QCommandLineOption(QStringLiteral("dry-run"), QStringLiteral("Show the edit; change nothing."))}},
        {"restore", "Find a missing revision's file in git (deleted, moved, on another ref) and restore it byte for byte; "
                    "never over an existing file: exit 2 when not found or refused.",
         "REV [REPOSITORY]", restore, {json}},
        {"custom-migrations", "Write the fork's own migrations into CUSTOM_MIGRATIONS.md at the repository root "
                              "(a generated block; the rest of the file is kept).",
         "[REPOSITORY]", customMigrations,
         {upstream, QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("Write FILE instead (- for standard output)."), QStringLiteral("file"))}},
    };
}

} // namespace headway::cli
