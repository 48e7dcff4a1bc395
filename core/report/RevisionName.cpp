#include "RevisionName.h"

#include "repository/Repository.h"

#include <algorithm>

namespace headway {

namespace {
constexpr int longestMessage = 32; // enough to recognise a migration, short enough for a list of heads
constexpr int longestId = 64;      // far above Alembic's 12 hex digits and most hand-written ids
}

QString displayedText(const QString &text, qsizetype most)
{
    if (text.size() <= most)
        return text;
    return text.left(std::max<qsizetype>(most - 16, 1)) + QChar(0x2026)
           + QStringLiteral("(%1 characters)").arg(text.size());
}

QString displayedId(const QString &id)
{
    return displayedText(id, longestId);
}

QString joinedNames(const QStringList &names, qsizetype most)
{
    if (names.size() <= most)
        return names.join(QLatin1String(", "));
    return names.mid(0, most).join(QLatin1String(", "))
           + QStringLiteral(", \u2026 and %1 more").arg(names.size() - most);
}

QString revisionName(const QString &id, const QString &message)
{
    // Only the start is shown: simplifying a megabyte docstring would cost more than it shows.
    QString shown = message.left(4 * longestMessage).simplified();
    if (shown.size() > longestMessage || message.size() > 4 * longestMessage)
        shown = shown.left(longestMessage - 1).trimmed() + QChar(0x2026);
    return shown.isEmpty() ? displayedId(id) : QStringLiteral("%1 (%2)").arg(displayedId(id), shown);
}

QString revisionName(const Repository &repository, int revision)
{
    return revisionName(repository.graph.node(revision).id, repository.fileOf(revision).doc);
}

} // namespace headway
