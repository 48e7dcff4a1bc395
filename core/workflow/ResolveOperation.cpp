#include "workflow/ResolveOperation.h"

#include "workflow/BackgroundWork.h"
#include "python/PythonValueResolver.h"
#include "workflow/Workflow.h"

namespace headway {

ResolveOperation::ResolveOperation(OperationContext context, OperationRequest request, WorkflowPorts ports,
                                   QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
    const int files = int(PythonValueResolver::filesNeedingPython(*this->context().repository).size());
    setTitle(tr("Resolve %n file(s) with Python", nullptr, files));
}

void ResolveOperation::run()
{
    const QString refusal = Workflow::refusal(context(), request());
    if (!refusal.isEmpty()) {
        finish(OperationResult::Outcome::Refused, refusal);
        return;
    }
    const QStringList paths = PythonValueResolver::filesNeedingPython(*context().repository);
    result().command = PythonValueResolver::command(context().tool, paths);
    runSteps({CommandStep{title(), result().command}}, [this](const QList<StepResult> &results, bool) {
        const QList<ResolvedFile> resolved = PythonValueResolver::parseOutput(results.value(0).result.output);
        if (resolved.isEmpty()) {
            finishFromSteps(false, {});
            return;
        }
        store(resolved);
    });
}

void ResolveOperation::store(const QList<ResolvedFile> &resolved)
{
    result().resolved = resolved;
    runInBackground(this, [resolved] { return ResolvedValueCache::store(resolved); }, [this](bool stored) {
        if (!stored) {
            finish(OperationResult::Outcome::Failed,
                   tr("The resolved values could not be saved in %1").arg(ResolvedValueCache::defaultPath()));
            return;
        }
        QStringList failures;
        for (const ResolvedFile &file : std::as_const(result().resolved))
            if (!file.error.isEmpty())
                failures += QStringLiteral("%1: %2").arg(context().repository->relativePath(file.path), file.error);
        const auto done = [this, failures](std::shared_ptr<const Repository> after) {
            result().repositoryAfter = after;
            if (!failures.isEmpty())
                finish(OperationResult::Outcome::Failed,
                       tr("Some files could not be imported: %1").arg(failures.join(QLatin1String("; "))));
            else
                finish(OperationResult::Outcome::Succeeded, tr("Values resolved through Python"));
        };
        if (ports().source)
            ports().source->reload(done);
        else
            done(nullptr);
    }, QThreadPool::globalInstance());
}

} // namespace headway
