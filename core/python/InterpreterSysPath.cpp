#include "InterpreterSysPath.h"

#include "io/AtomicFile.h"
#include "repository/ResolvedValues.h"
#include "runner/InterpreterCache.h"
#include "runner/MigrationBackend.h"
#include "runner/RunSettings.h"
#include "runner/RunToCompletion.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace headway {

namespace {

const QLatin1String marker("HEADWAY-SYS-PATH ");

// Only prints: sys.path is known once the interpreter has started.
const char script[] = "import json, sys\nprint('HEADWAY-SYS-PATH ' + json.dumps(sys.path), flush=True)\n";

qint64 modifiedMs(const QString &python)
{
    const QFileInfo info(python);
    return info.exists() ? info.lastModified().toMSecsSinceEpoch() : -1;
}

std::optional<QStringList> cached(const QString &cachePath, const QString &python, qint64 modified)
{
    QFile file(cachePath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QJsonValue &entry : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject object = entry.toObject();
        if (object.value(QStringLiteral("interpreter")).toString() != python
            || object.value(QStringLiteral("modified_ms")).toInteger(-2) != modified)
            continue;
        QStringList paths;
        for (const QJsonValue &path : object.value(QStringLiteral("sys_path")).toArray())
            paths += path.toString();
        return paths;
    }
    return std::nullopt;
}

void store(const QString &cachePath, const QString &python, qint64 modified, const QStringList &paths)
{
    QJsonArray entries;
    QFile file(cachePath);
    if (file.open(QIODevice::ReadOnly)) {
        for (const QJsonValue &entry : QJsonDocument::fromJson(file.readAll()).array())
            if (entry.toObject().value(QStringLiteral("interpreter")).toString() != python)
                entries.append(entry);
        file.close();
    }
    entries.append(QJsonObject{{QStringLiteral("interpreter"), python},
                               {QStringLiteral("modified_ms"), modified},
                               {QStringLiteral("sys_path"), QJsonArray::fromStringList(paths)}});
    // A cache that cannot be written only means asking again next time.
    AtomicFile::write(cachePath, QJsonDocument(entries).toJson(QJsonDocument::Compact));
}

} // namespace

CommandLine InterpreterSysPath::command(const QString &python, const QString &workingDirectory)
{
    return CommandLine{python, {QStringLiteral("-c"), QString::fromLatin1(script)}, workingDirectory, {}};
}

QStringList InterpreterSysPath::parseOutput(const QString &output)
{
    QStringList paths;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (!line.startsWith(marker))
            continue;
        for (const QJsonValue &value : QJsonDocument::fromJson(line.mid(marker.size()).toUtf8()).array()) {
            const QString path = value.toString();
            // '' (the current directory) and zip files hold nothing to read as plain files.
            if (!QDir::isAbsolutePath(path) || !QFileInfo(path).isDir())
                continue;
            const QString clean = QDir::cleanPath(path);
            if (!paths.contains(clean))
                paths += clean;
        }
    }
    return paths;
}

QStringList InterpreterSysPath::of(const QString &python, const QString &cachePath, int timeoutMs)
{
    if (python.isEmpty())
        return {};
    const qint64 modified = modifiedMs(python);
    if (const std::optional<QStringList> known = cached(cachePath, python, modified))
        return *known;
    const CommandResult result = runToCompletion(command(python), timeoutMs);
    if (!result.succeeded())
        return {}; // not cached: the next load asks again
    const QStringList paths = parseOutput(result.output);
    if (!paths.isEmpty())
        store(cachePath, python, modified, paths);
    return paths;
}

QStringList InterpreterSysPath::forProject(const RepositoryLayout &layout, const QString &cachePath)
{
    const RunSettings settings = RunSettingsStore::load(layout.baseDirectory);
    if (!settings.python.isEmpty())
        return of(settings.python, cachePath);
    const MigrationBackend backend = MigrationBackend::detect(layout, settings);
    // The remembered choices sit next to the sys.path answers (a test's own folder, too).
    const InterpreterCache choices(QFileInfo(cachePath).absolutePath() + QStringLiteral("/interpreter-choices.json"));
    const InterpreterChoice choice = choices.find(backend.projectDirectory, backend.requiredModules());
    return choice.found() ? of(choice.path, cachePath) : QStringList{};
}

QString InterpreterSysPath::defaultCachePath()
{
    return QFileInfo(ResolvedValueCache::defaultPath()).absolutePath() + QStringLiteral("/interpreter-paths.json");
}

} // namespace headway
