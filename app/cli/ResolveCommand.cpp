// headway-cli resolve over the core workflow: revision identifiers that are
// not literals, read by importing just those files with the project's
// interpreter, and remembered.
#include "ToolRunning.h"

#include "python/PythonValueResolver.h"

namespace headway::cli {

int resolve(Context &c)
{
    auto prepared = prepare(c, repositoryArgument(c.parser, 0));
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    const Prepared &p = std::get<Prepared>(prepared);
    const QStringList paths = PythonValueResolver::filesNeedingPython(*p.repository);
    if (paths.isEmpty()) {
        if (jsonOutput(c))
            printJson(c, {{QStringLiteral("ok"), true}, {QStringLiteral("files"), QJsonArray()}});
        else
            c.out << "Every revision identifier is a literal: nothing to resolve.\n";
        return Success;
    }
    if (dryRun(c, PythonValueResolver::command(p.tool, paths)))
        return Success;
    const OperationResult result = runOperation(c, p, {}, OperationRequest::of(OperationKind::ResolveValues), Echo::Quiet);
    if (result.resolved.isEmpty()) {
        reportFailure(c, result);
        return CommandFailed;
    }
    const std::shared_ptr<const Repository> after = result.repositoryAfter ? result.repositoryAfter : p.repository;
    QJsonArray files;
    for (const ResolvedFile &file : result.resolved) {
        QJsonObject values;
        for (auto it = file.values.cbegin(); it != file.values.cend(); ++it)
            values.insert(it.key(), it.value() ? QJsonValue(QJsonArray::fromStringList(*it.value())) : QJsonValue());
        files.append(QJsonObject{{QStringLiteral("path"), after->relativePath(file.path)},
                                 {QStringLiteral("values"), values},
                                 {QStringLiteral("error"), file.error}});
        if (jsonOutput(c))
            continue;
        c.out << after->relativePath(file.path) << ": ";
        if (!file.error.isEmpty()) {
            c.out << "could not be imported: " << file.error << '\n';
            continue;
        }
        QStringList shown;
        for (auto it = file.values.cbegin(); it != file.values.cend(); ++it)
            shown += it.key() + QStringLiteral(" = ")
                     + (it.value() ? QStringLiteral("(%1)").arg(it.value()->join(QLatin1String(", "))) : QStringLiteral("None"));
        shown.sort();
        c.out << shown.join(QLatin1String("; ")) << '\n';
    }
    if (jsonOutput(c))
        printJson(c, {{QStringLiteral("ok"), result.succeeded()}, {QStringLiteral("files"), files},
                      {QStringLiteral("heads"), ids(after->graph, after->graph.heads())}});
    return result.succeeded() ? Success : CommandFailed;
}

} // namespace headway::cli
