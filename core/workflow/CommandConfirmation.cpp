#include "workflow/CommandConfirmation.h"

#include "report/RevisionName.h"
#include "repository/Repository.h"

#include <QCoreApplication>

namespace headway {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headway::CommandConfirmation", text);
}

QStringList names(const Repository &repository, const QList<int> &revisions, const QString &prefix)
{
    QStringList lines;
    for (int revision : revisions)
        lines.append(prefix + revisionName(repository, revision));
    return lines;
}

} // namespace

CommandConfirmation CommandConfirmation::forPlan(const Repository &repository, const MigrationPlan &plan,
                                                 const CommandLine &line)
{
    CommandConfirmation confirmation;
    confirmation.line = line;
    const QString after = plan.resulting.isEmpty()
                              ? tr("base (no migration applied)")
                              : names(repository, plan.resulting, {}).join(QLatin1String(", "));
    switch (plan.kind) {
    case MigrationPlan::Kind::Downgrade:
        confirmation.title = tr("Downgrade the database?");
        confirmation.question = tr("Downgrading to %1 undoes %2 migration(s), newest first. The database will be at %3.")
                                    .arg(plan.target)
                                    .arg(plan.revisions.size())
                                    .arg(after);
        confirmation.effects = names(repository, plan.revisions, tr("Undo "));
        confirmation.warning = tr("Undoing a migration usually drops tables or columns and the data in them.");
        confirmation.acceptText = tr("Downgrade");
        break;
    case MigrationPlan::Kind::Stamp:
        confirmation.title = tr("Stamp the database?");
        confirmation.question = tr("Stamping %1 only rewrites the recorded revisions: no migration runs and the "
                                   "schema stays as it is. The database will be recorded at %2.")
                                    .arg(plan.target, after);
        confirmation.effects = names(repository, plan.markedApplied, tr("Mark applied: "))
                               + names(repository, plan.markedUnapplied, tr("Mark unapplied: "));
        confirmation.warning = tr("If the schema does not match what is recorded, later upgrades fail or skip work.");
        confirmation.acceptText = tr("Stamp");
        break;
    case MigrationPlan::Kind::Upgrade:
        confirmation.title = tr("Upgrade the database?");
        confirmation.question = tr("Upgrading to %1 runs %2 migration(s), oldest first. The database will be at %3.")
                                    .arg(plan.target)
                                    .arg(plan.revisions.size())
                                    .arg(after);
        confirmation.effects = names(repository, plan.revisions, tr("Run "));
        confirmation.acceptText = tr("Upgrade");
        confirmation.destructive = false;
        break;
    }
    confirmation.changesNothing = confirmation.effects.isEmpty() && plan.kind != MigrationPlan::Kind::Stamp;
    if (confirmation.effects.isEmpty())
        confirmation.effects.append(tr("Nothing changes: the database is already there."));
    return confirmation;
}

} // namespace headway
