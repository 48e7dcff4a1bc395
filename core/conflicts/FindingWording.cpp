#include "FindingWording.h"

#include <algorithm>

namespace headway {

namespace FindingWording {

QString call(const MigrationOperation &operation)
{
    using Kind = MigrationOperation::Kind;
    const QString quoted = QStringLiteral("'%1'");
    QStringList arguments;
    switch (operation.kind) {
    case Kind::CreateTable:
    case Kind::DropTable:
    case Kind::CreateTableComment:
    case Kind::BulkInsert:
        arguments = {quoted.arg(operation.table)};
        break;
    case Kind::RenameTable:
        arguments = {quoted.arg(operation.table), quoted.arg(operation.newName)};
        break;
    case Kind::AddColumn:
    case Kind::DropColumn:
    case Kind::AlterColumn:
        arguments = {quoted.arg(operation.table), quoted.arg(operation.name)};
        break;
    default:
        arguments = {quoted.arg(operation.name.isEmpty() ? QStringLiteral("None") : operation.name)};
        if (!operation.table.isEmpty())
            arguments += quoted.arg(operation.table);
        break;
    }
    const QString owner = operation.batch ? QStringLiteral("batch_op.") : QStringLiteral("op.");
    return owner + operationKindName(operation.kind) + QLatin1Char('(') + arguments.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString place(const FindingLocation &location, const QString &message)
{
    const QString what = message.isEmpty() ? location.revision : QStringLiteral("%1 (%2)").arg(location.revision, message);
    return QStringLiteral("%1 at %2:%3").arg(what, location.path).arg(location.line);
}

void describeCollision(ConflictFinding &finding, const QList<const MigrationOperation *> &operations,
                       const QStringList &messages)
{
    // Every place is in the finding's locations; the sentence names the first few.
    constexpr qsizetype named = 4;
    QStringList places;
    for (qsizetype i = 0; i < std::min(named, finding.locations.size()); ++i)
        places += place(finding.locations.at(i), messages.value(i));
    if (finding.locations.size() > named)
        places += QStringLiteral("%1 more places").arg(finding.locations.size() - named);
    const QString what = finding.object.shown();
    QString subject = what;
    if (!subject.isEmpty())
        subject[0] = subject[0].toUpper(); // a sentence starts with it
    const QString where = places.join(QStringLiteral(" and "));
    const QString first = operations.isEmpty() ? QString() : call(*operations.first());
    const QString second = operations.size() < 2 ? first : call(*operations.at(1));
    const QString code = finding.code;
    if (code.startsWith(QLatin1String("duplicate-"))) {
        finding.message = QStringLiteral("%1 is created on more than one branch: by %2. Whichever runs second "
                                         "fails with \"already exists\", on every database that ran the other branch first.")
                              .arg(subject, where);
        finding.fix = QStringLiteral("Keep it on one branch only: remove the duplicate `%1` from the migration fewer "
                                     "databases have run (usually the fork's), or guard it; then merge.")
                          .arg(second);
    } else if (code == QLatin1String("created-and-dropped")) {
        finding.message = QStringLiteral("%1 is created on one branch and dropped on another: %2. The result "
                                         "depends on the order the branches run in.").arg(subject, where);
        finding.fix = QStringLiteral("Decide whether %1 should exist after the merge and keep only that branch's "
                                     "operation, or make the merge migration settle it.").arg(what);
    } else if (code == QLatin1String("dropped-twice")) {
        finding.message = QStringLiteral("%1 is dropped on more than one branch: %2. The second drop fails.").arg(subject, where);
        finding.fix = QStringLiteral("Remove `%1` from one of the branches.").arg(second);
    } else if (code == QLatin1String("dropped-while-used")) {
        finding.message = QStringLiteral("%1 is dropped on one branch while another branch still changes or uses it: %2.")
                              .arg(subject, where);
        finding.fix = QStringLiteral("Move the other branch's change onto what replaces %1, or drop it only after "
                                     "the merge, in the merge migration.").arg(what);
    } else if (code == QLatin1String("renamed-while-used")) {
        finding.message = QStringLiteral("%1 is renamed on one branch while another branch still uses its old name: %2.")
                              .arg(subject, where);
        finding.fix = QStringLiteral("Make the other branch use the new name, or rename only after the merge, in "
                                     "the merge migration.");
    } else if (code == QLatin1String("renamed-twice")) {
        finding.message = QStringLiteral("%1 is renamed on more than one branch: %2.").arg(subject, where);
        finding.fix = QStringLiteral("Keep one rename; remove `%1` from the other branch.").arg(second);
    } else if (code == QLatin1String("altered-twice")) {
        finding.message = QStringLiteral("%1 is altered on more than one branch: %2. The final definition depends "
                                         "on the order the branches run in.").arg(subject, where);
        finding.fix = QStringLiteral("Check that both changes agree, keep one, or restate the final definition in "
                                     "the merge migration.");
    }
}

} // namespace FindingWording

} // namespace headway
