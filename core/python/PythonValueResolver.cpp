#include "PythonValueResolver.h"

#include "repository/Repository.h"
#include "runner/MigrationTool.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace headway {

namespace {

const QLatin1String marker("HEADWAY-RESOLVED ");

// Imports each file under a private module name and prints what it assigns.
const char resolverScript[] = R"PY(
import importlib.util, json, os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.getcwd())
NAMES = ("revision", "down_revision", "branch_labels", "depends_on")
for index, path in enumerate(sys.argv[1:]):
    entry = {"path": path}
    try:
        spec = importlib.util.spec_from_file_location("headway_resolved_%d" % index, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name in NAMES:
            if not hasattr(module, name):
                continue
            value = getattr(module, name)
            if value is None:
                entry[name] = None
            elif isinstance(value, str):
                entry[name] = [value]
            elif isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
                entry[name] = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
            else:
                entry["error"] = "%s is a %s, not a string or strings" % (name, type(value).__name__)
    except BaseException as error:
        entry["error"] = "%s: %s" % (type(error).__name__, error)
    print("HEADWAY-RESOLVED " + json.dumps(entry), flush=True)
)PY";

QJsonObject toJson(const ResolvedFile &file)
{
    QJsonObject values;
    for (auto it = file.values.cbegin(); it != file.values.cend(); ++it)
        values.insert(it.key(), it.value() ? QJsonValue(QJsonArray::fromStringList(*it.value())) : QJsonValue());
    return {{QStringLiteral("path"), file.path}, {QStringLiteral("size"), file.size},
            {QStringLiteral("modified_ms"), file.modifiedMs}, {QStringLiteral("values"), values},
            {QStringLiteral("error"), file.error}};
}

ResolvedFile fromJson(const QJsonObject &object, bool fromResolver)
{
    ResolvedFile file;
    file.path = object.value(QStringLiteral("path")).toString();
    file.error = object.value(QStringLiteral("error")).toString();
    const QJsonObject values = fromResolver ? object : object.value(QStringLiteral("values")).toObject();
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
    if (fromResolver) {
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

QStringList PythonValueResolver::filesNeedingPython(const Repository &repository)
{
    QStringList paths;
    for (const MigrationFile &file : repository.files) {
        for (const AssignedValue *value : {&file.revision, &file.downRevision, &file.branchLabels, &file.dependsOn}) {
            if (value->present && !value->literal) {
                paths += file.path;
                break;
            }
        }
    }
    return paths;
}

CommandLine PythonValueResolver::command(const MigrationTool &tool, const QStringList &paths)
{
    return tool.pythonCommand(QStringList{QStringLiteral("-c"), QString::fromUtf8(resolverScript)} + paths);
}

QList<ResolvedFile> PythonValueResolver::parseOutput(const QString &output)
{
    QList<ResolvedFile> files;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (!line.startsWith(marker))
            continue;
        files += fromJson(QJsonDocument::fromJson(line.mid(marker.size()).toUtf8()).object(), true);
    }
    return files;
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

bool ResolvedValueCache::store(const QList<ResolvedFile> &files, const QString &cachePath)
{
    QList<ResolvedFile> merged = load(cachePath);
    for (const ResolvedFile &file : files) {
        merged.removeIf([&](const ResolvedFile &old) { return old.path == file.path; });
        merged += file;
    }
    QJsonArray array;
    for (const ResolvedFile &file : std::as_const(merged))
        array.append(toJson(file));
    QDir().mkpath(QFileInfo(cachePath).absolutePath());
    QSaveFile out(cachePath);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
    return out.commit();
}

} // namespace headway
