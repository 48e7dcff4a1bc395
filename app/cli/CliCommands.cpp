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
#include "repository/RepositoryLocator.h"
#include "runner/MigrationBackend.h"
#include "runner/RunSettings.h"
#include "runner/InterpreterCache.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace headway::cli {

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
    const QString argument = repositoryArgument(c.parser, 0);
    const QFileInfo info(argument);
    QString projectDirectory = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    // By default what the project's own tool needs (flask_migrate for `flask db`), asked
    // where the commands that run it ask, so the remembered answer is theirs.
    if (const RepositoryLayout layout = RepositoryLocator::locate(argument); layout.found) {
        const MigrationBackend backend = MigrationBackend::detect(layout, RunSettingsStore::load(layout.baseDirectory));
        projectDirectory = backend.projectDirectory;
        if (split.isEmpty())
            split = backend.requiredModules();
    }
    if (split.isEmpty())
        split = {QStringLiteral("alembic")};
    // Always probed afresh, so it shows what each candidate lacks now; the answer
    // is remembered for the commands that run the tool.
    const InterpreterChoice choice = InterpreterCache().refresh(projectDirectory, split);
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
                                   QStringLiteral("Modules it must have (default: what the project's tool needs, flask_migrate or alembic)."),
                                   QStringLiteral("module"))}},
    } + migrationCommands() + analysisCommands() + forkCommands();
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty()) {
        err << overviewText();
        return UsageError;
    }
    if (arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h"))
        return printHelp({}, out, err);
    if (arguments.first() == QLatin1String("help"))
        return printHelp(arguments.mid(1), out, err);
    if (arguments.first() == QLatin1String("__complete"))
        return complete(arguments.mid(1), commands(), out);
    if (arguments.first() == QLatin1String("--version")) {
        out << "headway-cli " << HEADWAY_VERSION << '\n';
        return Success;
    }
    for (const Command &command : commands()) {
        if (arguments.first() != QLatin1String(command.name))
            continue;
        Context context{{}, out, err, {}};
        QCommandLineParser &parser = context.parser;
        parser.setApplicationDescription(QString::fromLatin1(command.description));
        parser.addOptions(command.options);
        for (const QCommandLineOption &option : command.options)
            context.defined += option.names();
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
            out << "\nSee `headway-cli help " << command.name << "` for its description and exit codes.\n";
            return Success;
        }
        return command.run(context);
    }
    err << "headway-cli: unknown command '" << arguments.first() << "'\n\n" << overviewText();
    return UsageError;
}

} // namespace headway::cli
