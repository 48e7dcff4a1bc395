#include "FailureSite.h"

#include "conflicts/SchemaObject.h"
#include "operations/RepositoryOperations.h"
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

// Whether upgrade() creates `name`: an operation read statically that creates an object of
// that name, or raw SQL / an unread statement that names it as a word.
bool createsObject(const MigrationOperations &operations, const QString &name)
{
    const QRegularExpression word(QStringLiteral(R"((^|[^\w$]))") + QRegularExpression::escape(name) + QStringLiteral(R"(($|[^\w$]))"),
                                  QRegularExpression::CaseInsensitiveOption);
    for (const MigrationOperation &operation : operations.upgrade) {
        if (operation.kind == MigrationOperation::Kind::Execute || operation.kind == MigrationOperation::Kind::NotAnalysed) {
            if (operation.text.contains(word))
                return true;
            continue;
        }
        for (const SchemaTouch &touch : touchesOf(operation))
            if (touch.action == SchemaTouch::Action::Create && touch.object.name.compare(name, Qt::CaseInsensitive) == 0)
                return true;
    }
    return false;
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

FailureSite FailureSite::locate(const Repository &repository, const QString &output, const QStringList &frames,
                                const RepositoryOperations *operations)
{
    FailureSite site;
    site.failingRevision = revisionOfFrames(repository, frames);
    if (site.failingRevision < 0)
        site.failingRevision = revisionOfLog(repository, output);
    site.objectName = existingObject(output);
    if (!site.objectName.isEmpty())
        for (int node = 0; node < repository.graph.size(); ++node)
            if (!repository.graph.node(node).shadowed) {
                const bool creates = operations ? createsObject(operations->ofNode(repository, node), site.objectName)
                                                : createsObject(RepositoryOperations::readFile(repository.fileOf(node).path),
                                                                site.objectName);
                if (creates)
                    site.creators += node;
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
