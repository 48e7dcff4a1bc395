// conflicts (and rehearse): what collides when branches meet, read statically
// or proven on scratch databases. The report and its formats are core's; this
// file only turns arguments into heads and the answer into an exit code.
#include "CliCommands.h"
#include "CliContext.h"

#include "conflicts/ConflictFinder.h"
#include "graph/RevisionResolver.h"
#include "operations/RepositoryOperations.h"
#include "report/ConflictFormats.h"
#include "report/HealthCheck.h"

#include <QFileInfo>

namespace headway::cli {

// Positionals are heads, except a trailing existing path: the repository.
HeadsArguments headsArguments(const QCommandLineParser &parser)
{
    HeadsArguments arguments;
    arguments.heads = positionalArguments(parser);
    if (!arguments.heads.isEmpty() && QFileInfo::exists(arguments.heads.constLast()))
        arguments.repository = arguments.heads.takeLast();
    return arguments;
}

// Each argument names one revision; two or more together, else nothing was asked.
std::optional<QList<int>> resolveHeads(Context &c, const Repository &repository, const QStringList &arguments)
{
    QList<int> heads;
    const RevisionResolver resolver(repository.graph);
    for (const QString &argument : arguments) {
        const Resolution resolution = resolver.resolve(argument);
        if (!resolution.ok()) {
            c.err << "headway-cli: " << resolution.error << '\n';
            return std::nullopt;
        }
        for (int node : resolution.revisions)
            if (!heads.contains(node))
                heads += node;
    }
    if (!arguments.isEmpty() && heads.size() < 2) {
        c.err << "headway-cli: give two or more revisions whose branches meet (or none for the current heads)\n";
        return std::nullopt;
    }
    return heads;
}

namespace {

int conflicts(Context &c)
{
    const std::optional<QString> format = reportFormat(c);
    if (!format)
        return UsageError;
    const HeadsArguments arguments = headsArguments(c.parser);
    const auto repository = loadRepository(c, arguments.repository);
    if (!repository)
        return Broken;
    const HealthVerdict verdict = assessHealth(*repository);
    if (verdict.status == HealthVerdict::Status::Broken) {
        for (const Diagnostic &d : repository->diagnostics)
            if (d.severity == Severity::Error)
                c.err << "headway-cli: " << diagnosticLine(*repository, d) << '\n';
        c.err << "headway-cli: " << verdict.summary << '\n';
        return Broken;
    }
    const std::optional<QList<int>> heads = resolveHeads(c, *repository, arguments.heads);
    if (!heads)
        return Broken;
    const RepositoryOperations operations = RepositoryOperations::read(*repository);
    const ConflictFinder finder(*repository, operations);
    const ConflictReport report = heads->isEmpty() ? finder.check() : finder.between(*heads);
    if (*format == QLatin1String("json"))
        printJson(c, ConflictFormats::json(report));
    else if (!printCiReport(c, *format, QStringLiteral("headway conflicts"), ConflictFormats::rules(),
                            ConflictFormats::annotations(report)))
        c.out << ConflictFormats::text(report);
    return report.collides() ? MultipleHeads : Success;
}

} // namespace

QList<Command> analysisCommands()
{
    return {
        {"conflicts", "What collides when branches meet: exit 0 nothing, 1 a collision, 2 broken graph.",
         "[HEADS...] [REPOSITORY]", conflicts, reportFormatOptions()},
    };
}

} // namespace headway::cli
