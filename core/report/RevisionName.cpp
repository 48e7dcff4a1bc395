#include "RevisionName.h"

#include "repository/Repository.h"

namespace headway {

namespace {
constexpr int longestMessage = 32; // enough to recognise a migration, short enough for a list of heads
}

QString revisionName(const QString &id, const QString &message)
{
    QString shown = message.simplified();
    if (shown.size() > longestMessage)
        shown = shown.left(longestMessage - 1).trimmed() + QChar(0x2026);
    return shown.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(id, shown);
}

QString revisionName(const Repository &repository, int revision)
{
    return revisionName(repository.graph.node(revision).id, repository.fileOf(revision).doc);
}

} // namespace headway
