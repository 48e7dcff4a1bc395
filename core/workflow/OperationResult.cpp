#include "workflow/OperationResult.h"

#include <QCoreApplication>

namespace headway {

bool isChanging(OperationKind kind)
{
    switch (kind) {
    case OperationKind::Upgrade:
    case OperationKind::Downgrade:
    case OperationKind::Stamp:
    case OperationKind::Merge:
    case OperationKind::Restore:
        return true;
    default:
        return false;
    }
}

DatabaseState DatabaseState::fromCurrent(const StepResult &result, const RevisionGraph &graph)
{
    DatabaseState state;
    if (!result.result.succeeded()) {
        const QString last = result.result.output.trimmed().section(QLatin1Char('\n'), -1).trimmed();
        state.problem = result.explanation.recognised()
                            ? result.explanation.summary
                            : QCoreApplication::translate("headway::DatabaseState", "`current` failed: %1").arg(last);
        return state;
    }
    const CurrentRevisions current = CurrentRevisions::parse(result.result.output, graph);
    state.revisions = current.revisions;
    state.known = true;
    if (!current.unknown.isEmpty())
        state.problem = QCoreApplication::translate("headway::DatabaseState",
                                                    "The database is at %1, which no migration file declares: it "
                                                    "was migrated from another branch or checkout.")
                            .arg(current.unknown.join(QLatin1String(", ")));
    return state;
}

const StepResult *OperationResult::failedStep() const
{
    for (const StepResult &step : steps)
        if (!step.skipped && !step.result.succeeded() && !step.step.optional)
            return &step;
    return nullptr;
}

QString outcomeName(OperationResult::Outcome outcome)
{
    switch (outcome) {
    case OperationResult::Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case OperationResult::Outcome::Failed:
        return QStringLiteral("failed");
    case OperationResult::Outcome::TimedOut:
        return QStringLiteral("timed-out");
    case OperationResult::Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case OperationResult::Outcome::NotConfirmed:
        return QStringLiteral("not-confirmed");
    case OperationResult::Outcome::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

} // namespace headway
