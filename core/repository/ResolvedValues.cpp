#include "ResolvedValues.h"

#include "io/AtomicFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace headway {

namespace {

QJsonObject toJson(const ResolvedFile &file)
{
    QJsonObject values;
    for (auto it = file.values.cbegin(); it != file.values.cend(); ++it)
        values.insert(it.key(), it.value() ? QJsonValue(QJsonArray::fromStringList(*it.value())) : QJsonValue());
    return {{QStringLiteral("path"), file.path}, {QStringLiteral("size"), file.size},
            {QStringLiteral("modified_ms"), file.modifiedMs}, {QStringLiteral("values"), values},
            {QStringLiteral("error"), file.error}};
}

// The resolver reports the values at the top level; the cache nests them under "values".
ResolvedFile fromJson(const QJsonObject &object, bool fromReport)
{
    ResolvedFile file;
    file.path = object.value(QStringLiteral("path")).toString();
    file.error = object.value(QStringLiteral("error")).toString();
    const QJsonObject values = fromReport ? object : object.value(QStringLiteral("values")).toObject();
    for (const char *name : {"revision", "down_revision", "branch_labels", "depends_on"}) {
        const QString key = QString::fromLatin1(name);
        if (!values.contains(key))
            continue;
        const QJsonValue value = values.value(key);
        if (value.isNull()) {
            file.values.insert(key, std::nullopt);
        } else {
            QStringList strings;
            for (const QJsonValue &item : value.toArray())
                strings += item.toString();
            file.values.insert(key, strings);
        }
    }
    if (fromReport) {
        const QFileInfo info(file.path);
        file.size = info.size();
        file.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    } else {
        file.size = object.value(QStringLiteral("size")).toInteger(-1);
        file.modifiedMs = object.value(QStringLiteral("modified_ms")).toInteger(-1);
    }
    return file;
}

} // namespace

bool ResolvedFile::matches(const QString &filePath) const
{
    if (filePath != path)
        return false;
    const QFileInfo info(filePath);
    return info.size() == size && info.lastModified().toMSecsSinceEpoch() == modifiedMs;
}

ResolvedFile ResolvedFile::fromReport(const QJsonObject &report)
{
    return fromJson(report, true);
}

QString ResolvedValueCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
           + QStringLiteral("/headway/python-values.json");
}

QList<ResolvedFile> ResolvedValueCache::load(const QString &cachePath)
{
    QFile file(cachePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<ResolvedFile> files;
    for (const QJsonValue &entry : QJsonDocument::fromJson(file.readAll()).array())
        files += fromJson(entry.toObject(), false);
    return files;
}

bool ResolvedValueCache::store(const QList<ResolvedFile> &files, const QString &cachePath, QString *error)
{
    QList<ResolvedFile> merged = load(cachePath);
    for (const ResolvedFile &file : files) {
        merged.removeIf([&](const ResolvedFile &old) { return old.path == file.path; });
        merged += file;
    }
    QJsonArray array;
    for (const ResolvedFile &file : std::as_const(merged))
        array.append(toJson(file));
    const QString problem = AtomicFile::write(cachePath, QJsonDocument(array).toJson(QJsonDocument::Compact));
    if (error)
        *error = problem;
    return problem.isEmpty();
}

} // namespace headway
