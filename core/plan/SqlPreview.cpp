#include "SqlPreview.h"

namespace headway {

SqlPreview SqlPreview::forPlan(const MigrationTool &tool, const RevisionGraph &graph, const QStringList &current,
                               const MigrationPlan &plan)
{
    SqlPreview preview;
    if (!plan.ok()) {
        preview.error = plan.error;
        return preview;
    }
    if (current.size() > 1) {
        preview.error = QStringLiteral("Offline SQL starts from one revision, and the database is at %1.")
                            .arg(current.join(QLatin1String(", ")));
        return preview;
    }
    if (plan.kind == MigrationPlan::Kind::Upgrade) {
        const QString range = current.isEmpty() ? plan.target : current.first() + QLatin1Char(':') + plan.target;
        preview.line = tool.upgrade(range, true);
    } else if (plan.kind == MigrationPlan::Kind::Downgrade) {
        if (current.isEmpty()) {
            preview.error = QStringLiteral("The database is at base: there is nothing to downgrade.");
            return preview;
        }
        if (plan.resulting.size() > 1) {
            preview.error = QStringLiteral("The downgrade leaves the database at several revisions, which one offline "
                                           "range cannot express.");
            return preview;
        }
        const QString to = plan.resulting.isEmpty() ? QStringLiteral("base") : graph.node(plan.resulting.first()).id;
        preview.line = tool.downgrade(current.first() + QLatin1Char(':') + to, true);
    } else {
        preview.error = QStringLiteral("A stamp runs no SQL of the migrations.");
    }
    return preview;
}

} // namespace headway
