#include "FailureSite.h"

#include "report/RevisionName.h"
#include "repository/Repository.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace headway {

namespace {

// The revision whose file is the innermost traceback frame in a migration.
int revisionOfFrames(const Repository &repository, const QStringList &frames)
{
    if (frames.isEmpty())
        return -1;
    QHash<QString, int> byPath;
    for (int node = 0; node < repository.graph.size(); ++node)
        if (!repository.graph.node(node).shadowed)
            byPath.insert(QFileInfo(repository.fileOf(node).path).canonicalFilePath(), node);
    int revision = -1;
    for (const QString &frame : frames) {
        const int node = byPath.value(QFileInfo(frame.section(QLatin1Char(':'), 0, -2)).canonicalFilePath(), -1);
        if (node >= 0)
            revision = node; // innermost wins: frames come outermost first
    }
    return revision;
}

int revisionOfLog(const Repository &repository, const QString &output)
{
    static const QRegularExpression running(QStringLiteral(R"(Running (upgrade|downgrade) (.*?) -> ([^,\s]+))"));
    int revision = -1;
    for (auto it = running.globalMatch(output); it.hasNext();) {
        const QRegularExpressionMatch step = it.next();
        const QString id = step.captured(1) == QLatin1String("upgrade") ? step.captured(3) : step.captured(2);
        revision = repository.graph.indexOf(id.trimmed());
    }
    return revision;
}

} // namespace

QString FailureSite::existingObject(const QString &error)
{
    static const QRegularExpression patterns[] = {
        // SQLite: index ix already exists; PostgreSQL: relation "ix" already exists, constraint "ck" for relation ...
        QRegularExpression(QStringLiteral(R"((?:index|table|constraint|column|trigger|view|relation|type|sequence)\s+[`"']?([\w.$]+)[`"']?(?:\s+(?:for|of) relation\s+["']?[\w.$]+["']?)?\s+already exists)"),
                           QRegularExpression::CaseInsensitiveOption),
        // SQLite: duplicate column name: x; MariaDB: Duplicate column name 'x', Duplicate key name 'ix',
        // Duplicate CHECK constraint name 'ck', Duplicate foreign key constraint name 'fk'
        QRegularExpression(QStringLiteral(R"(duplicate (?:column|key|check constraint|foreign key constraint|constraint) name:?\s*[`"']?([\w.$]+))"),
                           QRegularExpression::CaseInsensitiveOption),
        // MariaDB: Table 'users' already exists
        QRegularExpression(QStringLiteral(R"(table\s+[`"']([\w.$]+)[`"']\s+already exists)"), QRegularExpression::CaseInsensitiveOption),
    };
    QString found;
    for (const QString &line : error.split(QLatin1Char('\n'))) // the last mention is the error itself
        for (const QRegularExpression &pattern : patterns) {
            const QRegularExpressionMatch match = pattern.match(line);
            if (match.hasMatch()) {
                found = match.captured(1).section(QLatin1Char('.'), -1);
                break;
            }
        }
    return found;
}

FailureSite FailureSite::locate(const Repository &repository, const QString &output, const QStringList &frames)
{
    FailureSite site;
    site.failingRevision = revisionOfFrames(repository, frames);
    if (site.failingRevision < 0)
        site.failingRevision = revisionOfLog(repository, output);
    site.objectName = existingObject(output);
    if (!site.objectName.isEmpty()) {
        const QRegularExpression quoted(QStringLiteral(R"(['"])") + QRegularExpression::escape(site.objectName)
                                        + QStringLiteral(R"(['"])"));
        for (int node = 0; node < repository.graph.size(); ++node) {
            QFile file(repository.fileOf(node).path);
            if (repository.graph.node(node).shadowed || !file.open(QIODevice::ReadOnly))
                continue;
            // Only upgrade() matters: downgrade() names the object too, to drop it.
            QString source = QString::fromUtf8(file.read(4 * 1024 * 1024));
            const qsizetype downgrade = source.indexOf(QLatin1String("def downgrade"));
            if (downgrade > 0)
                source.truncate(downgrade);
            if (source.contains(quoted))
                site.creators += node;
        }
    }
    if (site.failingRevision < 0)
        return site;
    site.summary = revisionName(repository, site.failingRevision) + QStringLiteral(" fails");
    if (!site.objectName.isEmpty()) {
        QStringList others;
        for (int creator : std::as_const(site.creators))
            if (creator != site.failingRevision)
                others += revisionName(repository, creator);
        site.summary += QStringLiteral(": %1 already exists").arg(site.objectName);
        if (!others.isEmpty())
            site.summary += QStringLiteral(", because %1 creates it too").arg(others.join(QLatin1String(" and ")));
    }
    return site;
}

} // namespace headway
