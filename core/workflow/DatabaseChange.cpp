#include "workflow/DatabaseChange.h"

#include "workflow/BackgroundWork.h"
#include "workflow/CommandConfirmation.h"
#include "workflow/Workflow.h"
#include "database/DatabaseLocation.h"
#include "graph/RevisionResolver.h"
#include "plan/SqlPreview.h"

#include <QFileInfo>

namespace headway {

namespace {

QString titleFor(const OperationRequest &request)
{
    const QString target = request.plan.target;
    switch (request.kind) {
    case OperationKind::Upgrade:
        return DatabaseChange::tr("Upgrade to %1").arg(target);
    case OperationKind::Downgrade:
        return DatabaseChange::tr("Downgrade to %1").arg(target);
    case OperationKind::Stamp:
        return DatabaseChange::tr("Stamp %1").arg(target);
    case OperationKind::PreviewSql:
        return request.plan.kind == MigrationPlan::Kind::Downgrade ? DatabaseChange::tr("SQL for downgrade to %1").arg(target)
                                                                   : DatabaseChange::tr("SQL for upgrade to %1").arg(target);
    default:
        return DatabaseChange::tr("Read the database's revisions");
    }
}

bool isSymbolic(const QString &target)
{
    static const QStringList words{QStringLiteral("heads"), QStringLiteral("head"), QStringLiteral("base")};
    return words.contains(target) || target.contains(QLatin1Char('@')) || target.startsWith(QLatin1Char('+'))
           || target.startsWith(QLatin1Char('-'));
}

} // namespace

DatabaseChange::DatabaseChange(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent)
    : WorkflowOperation(std::move(context), std::move(request), ports, parent)
{
    setTitle(titleFor(this->request()));
}

QString DatabaseChange::commandTarget(const MigrationPlan &plan, const RevisionGraph &graph)
{
    if (isSymbolic(plan.target))
        return plan.target;
    const Resolution resolution = RevisionResolver(graph).resolve(plan.target);
    if (!resolution.ok() || resolution.revisions.size() != 1)
        return plan.target;
    return graph.node(resolution.revisions.first()).id;
}

CommandLine DatabaseChange::commandFor(const OperationContext &context, const OperationRequest &request, QString *error)
{
    const RevisionGraph &graph = context.repository->graph;
    const QString target = commandTarget(request.plan, graph);
    switch (request.kind) {
    case OperationKind::Upgrade:
        return context.tool.upgrade(target);
    case OperationKind::Downgrade:
        return context.tool.downgrade(target);
    case OperationKind::Stamp:
        return context.tool.stamp(target);
    case OperationKind::PreviewSql: {
        // Offline, Alembic cannot read where the database is: the range starts at its revision.
        MigrationPlan plan = request.plan;
        plan.target = target;
        const SqlPreview preview = SqlPreview::forPlan(context.tool, graph, context.database.revisions, plan);
        if (error)
            *error = preview.error;
        return preview.line;
    }
    default:
        return context.tool.current();
    }
}

void DatabaseChange::run()
{
    switch (request().kind) {
    case OperationKind::Current:
        readCurrent();
        return;
    case OperationKind::PreviewSql:
        previewSql();
        return;
    default:
        change();
        return;
    }
}

void DatabaseChange::readCurrent()
{
    result().command = context().tool.current();
    runSteps({CommandStep{title(), result().command}}, [this](const QList<StepResult> &results, bool succeeded) {
        result().after = DatabaseState::fromCurrent(results.value(0), context().repository->graph);
        finishFromSteps(succeeded, result().after.problem);
    });
}

void DatabaseChange::previewSql()
{
    QString error = request().plan.error;
    if (error.isEmpty())
        result().command = commandFor(context(), request(), &error);
    if (!error.isEmpty()) {
        finish(OperationResult::Outcome::Refused, error);
        return;
    }
    runSteps({CommandStep{title(), result().command}}, [this](const QList<StepResult> &, bool succeeded) {
        finishFromSteps(succeeded, tr("The SQL is in the console; nothing ran on the database."));
    });
}

void DatabaseChange::change()
{
    const MigrationPlan &plan = request().plan;
    const QString refusal = Workflow::refusal(context(), request());
    if (!refusal.isEmpty()) {
        finish(OperationResult::Outcome::Refused, refusal);
        return;
    }
    result().command = commandFor(context(), request(), nullptr);
    const CommandConfirmation confirmation = CommandConfirmation::forPlan(*context().repository, plan, result().command);
    confirmThen(confirmation, [this] {
        backUpThen([this] {
            runSteps({CommandStep{title(), result().command}}, [this](const QList<StepResult> &, bool succeeded) {
                // Even a failed or cancelled command may have changed the database.
                readCurrentThen([this, succeeded] { finishFromSteps(succeeded, tr("%1: done").arg(title())); });
            });
        });
    });
}

void DatabaseChange::backUpThen(std::function<void()> next)
{
    if (!request().backUp) {
        next();
        return;
    }
    const DatabaseLocation location = DatabaseLocator::locateStatically(context().tool);
    if (location.known() || context().tool.backend().kind != MigrationBackend::Kind::FlaskMigrate) {
        backUpAt(location, std::move(next));
        return;
    }
    // The URL is in the Flask app's code: ask the app, through the same wrapped subprocess.
    const CommandStep probe{tr("Find the database to back up"), DatabaseLocator::probeCommand(context().tool), true};
    runSteps({probe}, [this, next = std::move(next)](const QList<StepResult> &results, bool) {
        if (finishIfCancelRequested())
            return;
        backUpAt(DatabaseLocator::parseProbeOutput(results.value(0).result.output), next);
    });
}

void DatabaseChange::backUpAt(const DatabaseLocation &location, std::function<void()> next)
{
    if (!location.known()) {
        result().backupNote = tr("No backup made: cannot tell where the database is (%1).")
                                  .arg(location.error.section(QLatin1Char('\n'), 0, 0));
        addNote(result().backupNote);
        next();
        return;
    }
    if (!location.isSqliteFile()) {
        result().backupNote = tr("No backup made: %1 is not a SQLite file.").arg(location.url);
        addNote(result().backupNote);
        next();
        return;
    }
    const QString file = location.sqliteFile;
    runInBackground(this, [file] {
        if (!QFileInfo::exists(file))
            return SqliteBackupCopy{file, {}, {}}; // nothing to lose yet
        return SqliteBackup::make(file);
    }, [this, next = std::move(next)](const SqliteBackupCopy &copy) {
        if (finishIfCancelRequested())
            return;
        if (!copy.error.isEmpty()) {
            result().backup = copy;
            finish(OperationResult::Outcome::Failed,
                   tr("Nothing ran: the backup of %1 failed: %2").arg(copy.original, copy.error));
            return;
        }
        if (copy.made()) {
            result().backup = copy;
            addNote(tr("Backed up %1 to %2").arg(copy.original, copy.copy));
        }
        next();
    }, QThreadPool::globalInstance());
}

} // namespace headway
