#include "CliCommands.h"
#include "CliContext.h"

#include "demo/DemoWorkspace.h"
#include "graph/RevisionResolver.h"
#include "io/AtomicFile.h"
#include "python/InterpreterSysPath.h"
#include "report/AlembicText.h"
#include "report/CheckFormats.h"
#include "report/DotReport.h"
#include "report/HealthCheck.h"
#include "report/JsonReport.h"
#include "repository/RepositoryLoader.h"
#include "runner/InterpreterCache.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace headway::cli {

namespace {

const QString usage = QStringLiteral(
    "Usage: headway-cli <command> [options] [REPOSITORY]\n"
    "\n"
    "REPOSITORY is a project root, an alembic.ini, a migrations directory or a versions\n"
    "directory (default: the current directory).\n"
    "\n"
    "Read-only commands (migration files only: no Python, env.py or database needed):\n"
    "  heads        the head revisions, as `alembic heads` prints them\n"
    "  history      every revision, newest first, as `alembic history` prints them\n"
    "  show REV     one revision (full id, unique prefix, branch label, head, heads, base)\n"
    "  branches     branch points and their branches\n"
    "  check        exit 0: one head, no errors; 1: several heads; 2: broken graph;\n"
    "               --format text|json|github|junit|sarif\n"
    "  graph        the whole graph: --format json|dot [-o FILE]\n"
    "  conflicts    what collides where branches meet: [HEADS...] (default: the heads;\n"
    "               one head: every past merge); --format text|json|github|junit|sarif\n"
    "  interpreter  which Python can run the project's alembic / flask db\n"
    "  demo         make and print the writable copy of the bundled demo repository\n"
    "\n"
    "Fork commands (read git's objects; never change HEAD, the index or the work tree):\n"
    "  origins          where each migration came from: fork, upstream, shared, uncommitted,\n"
    "                   untracked, with the commit that added it; --upstream REF\n"
    "  preview-merge REF  the graph after `git merge REF`, before it: heads, the merge\n"
    "                   migration needed, git and schema conflicts; exit codes as check\n"
    "  rebase REV --onto TARGET  move an unpublished migration onto TARGET (upstream's\n"
    "                   head) instead of a merge migration; refuses a published one\n"
    "  restore REV      find a missing revision's file in git history or on another ref\n"
    "                   and restore it byte for byte (never over an existing file)\n"
    "  custom-migrations  write the fork's own migrations to CUSTOM_MIGRATIONS.md\n"
    "\n"
    "Commands that run the project's own flask db / alembic:\n"
    "  current          the database's revisions and how far behind the heads it is\n"
    "  merge [HEADS...] merge heads (default: all) into one: -m MSG\n"
    "  upgrade [REV]    upgrade the database (default: heads); --sql previews the SQL\n"
    "  downgrade REV    downgrade, after showing what is undone; --sql previews the SQL\n"
    "  stamp REV        set the database's revision without running migrations\n"
    "  test-upgrade     upgrade, downgrade and upgrade again on a scratch database\n"
    "  rehearse [HEADS...]  every path a deployed database can take to the merge,\n"
    "                   on scratch databases; exit 1 when one fails or ends differently\n"
    "  fix              merge every head if there are several, verify, print the git add\n"
    "  resolve          read non-literal revision identifiers by importing those files\n"
    "\n"
    "Options: --json, --verbose, --help, --version; for commands that run the tool:\n"
    "         --python PATH, --flask-app APP, --env NAME=VALUE, --timeout SECONDS,\n"
    "         --dry-run, --yes. Run `headway-cli <command> --help` for details.\n"
    "Exit codes: 0 success, 1 several heads (check), a collision (conflicts) or a\n"
    "failing path (rehearse), 2 broken graph (check, conflicts) or no migrations /\n"
    "unknown revision, 3 no usable interpreter, 4 the migration command or a test\n"
    "step failed, 5 not confirmed (destructive command without --yes) or\n"
    "cancelled, 64 usage error.\n");

} // namespace

QString displayPath(const Repository &repository, const QString &path)
{
    return path.isEmpty() ? QString() : repository.relativePath(path);
}

QString diagnosticLine(const Repository &repository, const Diagnostic &d)
{
    QString location = displayPath(repository, d.path);
    if (!location.isEmpty() && d.line > 0)
        location += QStringLiteral(":%1").arg(d.line);
    QString line = location.isEmpty() ? QString() : location + QStringLiteral(": ");
    line += QStringLiteral("%1 [%2]: %3").arg(severityName(d.severity), d.code, d.message);
    if (!d.hint.isEmpty())
        line += QStringLiteral(" Fix: ") + d.hint;
    return line;
}

namespace {

// Problems that matter go to stderr, so stdout stays what scripts parse.
void reportProblems(Context &context, const Repository &repository, const QString &alreadyShown = {})
{
    for (const Diagnostic &d : repository.diagnostics)
        if (d.severity != Severity::Note && d.code != alreadyShown)
            context.err << "headway-cli: " << diagnosticLine(repository, d) << '\n';
}

} // namespace

void printJson(Context &context, const QJsonObject &object)
{
    context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

LoadOptions loadOptions()
{
    LoadOptions options;
    options.resolvedValues = ResolvedValueCache::load();
    // Asked only when a migration imports a constant from a module outside the project.
    options.interpreterPaths = [](const RepositoryLayout &layout) { return InterpreterSysPath::forProject(layout); };
    return options;
}

std::optional<Repository> loadRepository(Context &context, const QString &argument)
{
    Repository repository = RepositoryLoader::load(argument, loadOptions());
    if (!repository.found()) {
        for (const Diagnostic &d : repository.diagnostics)
            context.err << "headway-cli: " << d.message << "\n  " << d.hint << '\n';
        return std::nullopt;
    }
    return repository;
}

QStringList positionalArguments(const QCommandLineParser &parser)
{
    QStringList positional = parser.positionalArguments();
    for (QString &argument : positional)
        if (argument.startsWith(relativeRevisionMarker))
            argument.remove(0, relativeRevisionMarker.size());
    return positional;
}

QString repositoryArgument(const QCommandLineParser &parser, int index)
{
    const QStringList positional = positionalArguments(parser);
    return positional.size() > index ? positional.at(index) : QStringLiteral(".");
}

namespace {

int heads(Context &c)
{
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    const QList<int> &heads = c.parser.isSet(QStringLiteral("resolve-dependencies"))
                                  ? repository->graph.realHeads()
                                  : repository->graph.heads();
    if (c.parser.isSet(QStringLiteral("json"))) {
        const JsonReport json(*repository);
        printJson(c, {{QStringLiteral("heads"), json.revisions(heads)},
                      {QStringLiteral("named_branches"), json.namedBranches()},
                      {QStringLiteral("diagnostics"), json.diagnostics()}});
        return Success;
    }
    reportProblems(c, *repository, QStringLiteral("multiple-heads"));
    const AlembicText text(*repository);
    for (int head : heads)
        c.out << text.headLine(head, c.parser.isSet(QStringLiteral("verbose"))) << '\n';
    return Success;
}

int history(Context &c)
{
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    if (c.parser.isSet(QStringLiteral("json"))) {
        const JsonReport json(*repository);
        printJson(c, {{QStringLiteral("revisions"), json.revisions(repository->graph.historyOrder())},
                      {QStringLiteral("diagnostics"), json.diagnostics()}});
        return Success;
    }
    reportProblems(c, *repository);
    const AlembicText text(*repository);
    const bool verbose = c.parser.isSet(QStringLiteral("verbose"));
    for (int node : repository->graph.historyOrder())
        c.out << text.historyLine(node, verbose) << '\n';
    return Success;
}

int show(Context &c)
{
    const QStringList positional = c.parser.positionalArguments();
    if (positional.isEmpty()) {
        c.err << "headway-cli: show needs a revision: headway-cli show REV [REPOSITORY]\n";
        return UsageError;
    }
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 1));
    if (!repository)
        return Broken;
    const Resolution resolution = RevisionResolver(repository->graph).resolve(positional.first());
    if (!resolution.ok()) {
        c.err << "headway-cli: " << resolution.error << '\n';
        return Broken;
    }
    if (c.parser.isSet(QStringLiteral("json"))) {
        printJson(c, {{QStringLiteral("revisions"), JsonReport(*repository).revisions(resolution.revisions)}});
        return Success;
    }
    const AlembicText text(*repository);
    for (int node : resolution.revisions)
        c.out << text.logEntry(node) << '\n';
    return Success;
}

int branches(Context &c)
{
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    QList<int> points;
    for (int node : repository->graph.historyOrder())
        if (repository->graph.node(node).isBranchPoint())
            points += node;
    if (c.parser.isSet(QStringLiteral("json"))) {
        printJson(c, {{QStringLiteral("branch_points"), JsonReport(*repository).revisions(points)}});
        return Success;
    }
    reportProblems(c, *repository);
    const AlembicText text(*repository);
    for (int node : points)
        c.out << text.branchesEntry(node, c.parser.isSet(QStringLiteral("verbose"))) << '\n';
    return Success;
}

int check(Context &c)
{
    const std::optional<QString> format = reportFormat(c);
    if (!format)
        return UsageError;
    const Repository repository = RepositoryLoader::load(repositoryArgument(c.parser, 0), loadOptions());
    const HealthVerdict verdict = assessHealth(repository);
    if (*format == QLatin1String("json")) {
        const JsonReport json(repository);
        printJson(c, {{QStringLiteral("status"), verdict.statusName()},
                      {QStringLiteral("exit_code"), verdict.exitCode()},
                      {QStringLiteral("summary"), verdict.summary},
                      {QStringLiteral("heads"), json.ids(repository.graph.heads())},
                      {QStringLiteral("named_branches"), json.namedBranches()},
                      {QStringLiteral("diagnostics"), json.diagnostics()}});
        return verdict.exitCode();
    }
    const QList<CiAnnotation> annotations = CheckFormats::annotations(repository, verdict);
    if (printCiReport(c, *format, QStringLiteral("headway check"), CheckFormats::rules(annotations), annotations))
        return verdict.exitCode();
    for (const Diagnostic &d : repository.diagnostics)
        c.out << diagnosticLine(repository, d) << '\n';
    c.out << verdict.summary << '\n';
    return verdict.exitCode();
}

int graph(Context &c)
{
    const QString format = c.parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("dot")) {
        c.err << "headway-cli: --format must be json or dot\n";
        return UsageError;
    }
    const auto repository = loadRepository(c, repositoryArgument(c.parser, 0));
    if (!repository)
        return Broken;
    const QString document = format == QLatin1String("dot")
                                 ? dotDocument(*repository)
                                 : QString::fromUtf8(QJsonDocument(JsonReport(*repository).graph())
                                                         .toJson(QJsonDocument::Indented));
    const QString output = c.parser.value(QStringLiteral("output"));
    if (output.isEmpty() || output == QLatin1String("-")) {
        c.out << document;
        return Success;
    }
    // Whole or not at all: a script reading FILE never sees half a graph.
    if (const QString error = AtomicFile::write(output, document.toUtf8(), AtomicFile::MissingFolder::Fail);
        !error.isEmpty()) {
        c.err << "headway-cli: " << error << '\n';
        return Broken;
    }
    return Success;
}

int interpreter(Context &c)
{
    QStringList modules = c.parser.values(QStringLiteral("require"));
    QStringList split;
    for (const QString &m : std::as_const(modules))
        split += m.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (split.isEmpty())
        split = {QStringLiteral("alembic")};
    const QString argument = repositoryArgument(c.parser, 0);
    const QFileInfo info(argument);
    // Always probed afresh, so it shows what each candidate lacks now; the answer
    // is remembered for the commands that run the tool.
    const InterpreterChoice choice = InterpreterCache().refresh(
        info.isDir() ? info.absoluteFilePath() : info.absolutePath(), split);
    if (c.parser.isSet(QStringLiteral("json"))) {
        QJsonArray tried;
        for (const InterpreterCandidate &candidate : choice.tried)
            tried.append(QJsonObject{{QStringLiteral("path"), candidate.path},
                                     {QStringLiteral("origin"), candidate.origin},
                                     {QStringLiteral("version"), candidate.version},
                                     {QStringLiteral("usable"), candidate.usable()},
                                     {QStringLiteral("problem"), candidate.problem}});
        printJson(c, {{QStringLiteral("interpreter"), choice.path},
                      {QStringLiteral("required_modules"), QJsonArray::fromStringList(split)},
                      {QStringLiteral("tried"), tried}});
    } else if (choice.found()) {
        c.out << choice.path << '\n';
    } else {
        c.err << "headway-cli: " << choice.explanation(split) << '\n';
    }
    return choice.found() ? Success : NoInterpreter;
}

int demo(Context &c)
{
    const QString location = c.parser.value(QStringLiteral("path"));
    const DemoWorkspaceResult result =
        DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(),
                               location.isEmpty() ? DemoWorkspace::defaultLocation() : QFileInfo(location).absoluteFilePath());
    if (!result.ok()) {
        c.err << "headway-cli: " << result.error << '\n';
        return Broken;
    }
    c.out << result.path << '\n';
    return Success;
}

QList<Command> commands()
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption verbose(QStringList{QStringLiteral("v"), QStringLiteral("verbose")},
                                     QStringLiteral("Full details, like alembic --verbose."));
    return QList<Command>{
        {"heads", "Show the head revisions.", "[REPOSITORY]", heads,
         {json, verbose, QCommandLineOption(QStringLiteral("resolve-dependencies"),
                                            QStringLiteral("Treat depends_on as down revisions."))}},
        {"history", "List revisions newest first, in Alembic's order.", "[REPOSITORY]", history, {json, verbose}},
        {"show", "Show one revision.", "REV [REPOSITORY]", show, {json}},
        {"branches", "Show branch points.", "[REPOSITORY]", branches, {json, verbose}},
        {"check", "Check the graph: exit 0 healthy, 1 several heads, 2 broken.", "[REPOSITORY]", check,
         reportFormatOptions()},
        {"graph", "Print the whole graph.", "[REPOSITORY]", graph,
         {QCommandLineOption(QStringLiteral("format"), QStringLiteral("json or dot."), QStringLiteral("format"),
                             QStringLiteral("json")),
          QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                             QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("file"))}},
        {"demo", "Make (on first use) and print the writable copy of the bundled demo repository.", "", demo,
         {QCommandLineOption(QStringLiteral("path"), QStringLiteral("Where the copy lives (default: the user's data directory)."),
                             QStringLiteral("dir"))}},
        {"interpreter", "Find the Python that can run the project's migrations.", "[REPOSITORY]", interpreter,
         {json, QCommandLineOption(QStringLiteral("require"),
                                   QStringLiteral("Modules it must have (default: alembic)."),
                                   QStringLiteral("module"))}},
    } + migrationCommands() + analysisCommands() + forkCommands();
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        (arguments.isEmpty() ? err : out) << usage;
        return arguments.isEmpty() ? UsageError : Success;
    }
    if (arguments.first() == QLatin1String("--version")) {
        out << "headway-cli " << HEADWAY_VERSION << '\n';
        return Success;
    }
    for (const Command &command : commands()) {
        if (arguments.first() != QLatin1String(command.name))
            continue;
        Context context{{}, out, err};
        QCommandLineParser &parser = context.parser;
        parser.setApplicationDescription(QString::fromLatin1(command.description));
        parser.addOptions(command.options);
        const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                      QStringLiteral("Show this help."));
        parser.addOption(help);
        parser.addPositionalArgument(QString::fromLatin1(command.positional), QString());
        // Relative revisions like `-1` look like options to the parser: protect them.
        QStringList protectedArguments = arguments.mid(1);
        static const QRegularExpression relativeRevision(QStringLiteral(R"(^-\d+$)"));
        for (QString &argument : protectedArguments)
            if (relativeRevision.match(argument).hasMatch())
                argument.prepend(relativeRevisionMarker);
        if (!parser.parse(QStringList{QStringLiteral("headway-cli")} + protectedArguments)) {
            err << "headway-cli " << command.name << ": " << parser.errorText() << '\n';
            return UsageError;
        }
        if (parser.isSet(help)) {
            out << parser.helpText().replace(QLatin1String("headway-cli [options]"),
                                             QStringLiteral("headway-cli %1 [options]")
                                                 .arg(QLatin1String(command.name)));
            return Success;
        }
        return command.run(context);
    }
    err << "headway-cli: unknown command '" << arguments.first() << "'\n\n" << usage;
    return UsageError;
}

} // namespace headway::cli
