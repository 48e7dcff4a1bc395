// Small helpers for tests that build repositories on disk.
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace headway::test {

inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

// A file's bytes; empty when it cannot be read (a test compares, so a missing file shows).
inline QByteArray readFileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A migration file as `alembic revision` writes it.
inline QByteArray migration(const QString &revision, const QString &down, const QString &message = QStringLiteral("change"),
                            const QString &extra = QString())
{
    const QString downText = down.isEmpty() ? QStringLiteral("None")
                             : down.startsWith(QLatin1Char('(')) ? down
                                                                : QStringLiteral("'%1'").arg(down);
    return QStringLiteral("\"\"\"%1\n\nRevision ID: %2\nRevises: %3\nCreate Date: 2024-05-01 10:00:00\n\n\"\"\"\n"
                          "from alembic import op\nimport sqlalchemy as sa\n\n"
                          "revision = '%2'\ndown_revision = %4\n%5\n\n"
                          "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n")
        .arg(message, revision, down, downText, extra)
        .toUtf8();
}

// Copies every file under `from` (hidden ones too) to the same place under `to`.
inline bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

} // namespace headway::test
