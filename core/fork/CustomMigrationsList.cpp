#include "CustomMigrationsList.h"

#include "io/AtomicFile.h"
#include "repository/Repository.h"

#include <QFile>

namespace headway {

const QString CustomMigrationsList::startMarker = QStringLiteral("<!-- headway:custom-migrations:start -->");
const QString CustomMigrationsList::endMarker = QStringLiteral("<!-- headway:custom-migrations:end -->");

namespace {

QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' ')).trimmed();
}

} // namespace

QString CustomMigrationsList::block(const Repository &repository, const OriginReport &origins)
{
    QStringList lines{startMarker,
                      QStringLiteral("<!-- Written by `headway-cli custom-migrations`; edit outside these markers. -->"),
                      QString(),
                      QStringLiteral("Migrations this fork has and %1 does not (uncommitted ones are marked):").arg(origins.upstream.name),
                      QString(),
                      QStringLiteral("| Revision | Message | Date | File | Commit |"),
                      QStringLiteral("|---|---|---|---|---|")};
    int count = 0;
    // Oldest first: the order they were written in.
    for (qsizetype i = origins.revisions.size() - 1; i >= 0; --i) {
        const RevisionOrigin &origin = origins.revisions.at(i);
        if (origin.origin == Origin::Upstream || origin.origin == Origin::Shared)
            continue;
        const MigrationFile &file = repository.fileOf(origin.node);
        const QString date = !file.createDate.isEmpty() ? file.createDate.left(10) : origin.added.date.left(10);
        const QString commit = origin.added.commit.isEmpty() ? originName(origin.origin) : QStringLiteral("`%1`").arg(origin.added.commit.left(10));
        lines += QStringLiteral("| `%1` | %2 | %3 | `%4` | %5 |")
                     .arg(cell(origin.revision), cell(file.doc), cell(date), cell(origin.path), commit);
        ++count;
    }
    if (count == 0)
        lines += QStringLiteral("| | none | | | |");
    lines += endMarker;
    return lines.join(QLatin1Char('\n'));
}

QString CustomMigrationsList::merged(const QString &existing, const QString &block)
{
    const qsizetype start = existing.indexOf(startMarker);
    const qsizetype end = start < 0 ? -1 : existing.indexOf(endMarker, start);
    if (start >= 0 && end >= 0)
        return existing.left(start) + block + existing.mid(end + endMarker.size());
    if (existing.isEmpty())
        return QStringLiteral("# Custom migrations\n\n") + block + QLatin1Char('\n');
    return existing + (existing.endsWith(QLatin1Char('\n')) ? QStringLiteral("\n") : QStringLiteral("\n\n")) + block + QLatin1Char('\n');
}

CustomMigrationsWrite CustomMigrationsList::write(const Repository &repository, const OriginReport &origins, const QString &path)
{
    CustomMigrationsWrite result;
    if (!origins.available) {
        result.error = origins.note;
        return result;
    }
    result.path = path.isEmpty() ? origins.checkout.absolutePath(QStringLiteral("CUSTOM_MIGRATIONS.md")) : path;
    QByteArray before;
    if (QFile file(result.path); file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = QStringLiteral("Cannot read %1: %2").arg(result.path, file.errorString());
            return result;
        }
        before = file.readAll();
    }
    const QString text = block(repository, origins);
    result.migrations = int(text.count(QStringLiteral("\n| `")));
    const QByteArray after = merged(QString::fromUtf8(before), text).toUtf8();
    if (after == before)
        return result;
    result.changed = true;
    result.error = AtomicFile::write(result.path, after, AtomicFile::MissingFolder::Fail);
    return result;
}

} // namespace headway
