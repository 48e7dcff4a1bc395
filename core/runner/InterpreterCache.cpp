#include "InterpreterCache.h"

#include "io/AtomicFile.h"
#include "repository/ResolvedValues.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace headway {

namespace {

const QString discoveriesKey = QStringLiteral("discoveries");
const QString interpretersKey = QStringLiteral("interpreters");

// Enough for every project a user switches between; the oldest answers go first.
constexpr int maxEntries = 64;

// What decides the candidates or what a probe finds, besides files.
const QStringList fingerprintVariables{QStringLiteral("PATH"),       QStringLiteral("VIRTUAL_ENV"),
                                       QStringLiteral("PYTHONPATH"), QStringLiteral("PYTHONHOME"),
                                       QStringLiteral("PYTHONNOUSERSITE"), QStringLiteral("PYENV_VERSION")};

qint64 modifiedMs(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.lastModified().toMSecsSinceEpoch() : -1;
}

QJsonObject variables(const QProcessEnvironment &environment)
{
    QJsonObject object;
    for (const QString &name : fingerprintVariables)
        object.insert(name, environment.value(name));
    return object;
}

QJsonArray stamps(const QStringList &paths)
{
    QJsonArray files;
    QStringList seen; // interpreters of one installation share their folders
    for (const QString &path : paths) {
        if (seen.contains(path))
            continue;
        seen += path;
        files.append(QJsonArray{path, modifiedMs(path)});
    }
    return files;
}

// Everything the answer for a project depends on. `listed`: the candidates up
// to and including the chosen one; `probed`: what probing them found.
QJsonObject discoveryFingerprint(const QString &projectDirectory, const QList<InterpreterCandidate> &listed,
                                 const QList<InterpreterCandidate> &probed, const QProcessEnvironment &environment)
{
    QStringList paths;
    // A virtualenv created, removed or rebuilt changes the folder or its bin/.
    for (const QString &venv : InterpreterDiscovery::virtualenvDirectories(projectDirectory))
        paths << venv << venv + QStringLiteral("/bin");
    for (const InterpreterCandidate &candidate : listed) {
        paths += candidate.path;
        // A pyenv shim runs whichever version `pyenv global` last wrote.
        const QDir directory = QFileInfo(candidate.path).dir();
        if (directory.dirName() == QLatin1String("shims"))
            paths += QDir::cleanPath(directory.filePath(QStringLiteral("../version")));
    }
    for (const InterpreterCandidate &candidate : probed)
        paths += candidate.importDirectories;
    return {{QStringLiteral("files"), stamps(paths)}, {QStringLiteral("environment"), variables(environment)}};
}

QJsonObject interpreterFingerprint(const InterpreterCandidate &candidate)
{
    return {{QStringLiteral("files"), stamps(QStringList{candidate.path} + candidate.importDirectories)},
            {QStringLiteral("environment"), variables(QProcessEnvironment::systemEnvironment())}};
}

QJsonObject toJson(const InterpreterCandidate &candidate)
{
    return {{QStringLiteral("path"), candidate.path},
            {QStringLiteral("origin"), candidate.origin},
            {QStringLiteral("version"), candidate.version},
            {QStringLiteral("missing"), QJsonArray::fromStringList(candidate.missingModules)},
            {QStringLiteral("problem"), candidate.problem},
            {QStringLiteral("import_dirs"), QJsonArray::fromStringList(candidate.importDirectories)}};
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list += item.toString();
    return list;
}

InterpreterCandidate candidateFromJson(const QJsonObject &object)
{
    InterpreterCandidate candidate;
    candidate.path = object.value(QStringLiteral("path")).toString();
    candidate.origin = object.value(QStringLiteral("origin")).toString();
    candidate.version = object.value(QStringLiteral("version")).toString();
    candidate.missingModules = strings(object.value(QStringLiteral("missing")));
    candidate.problem = object.value(QStringLiteral("problem")).toString();
    candidate.importDirectories = strings(object.value(QStringLiteral("import_dirs")));
    return candidate;
}

QString projectKey(const QString &projectDirectory)
{
    const QFileInfo info(projectDirectory.isEmpty() ? QDir::currentPath() : projectDirectory);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

QJsonObject readCache(const QString &path)
{
    QFile file(path);
    // Missing, unreadable or not JSON: an empty cache, so everything is probed.
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject{};
}

bool hasKey(const QJsonObject &entry, const QJsonObject &key)
{
    for (auto it = key.begin(); it != key.end(); ++it)
        if (entry.value(it.key()) != it.value())
            return false;
    return true;
}

std::optional<QJsonObject> findEntry(const QJsonObject &cache, const QString &list, const QJsonObject &key)
{
    for (const QJsonValue &value : cache.value(list).toArray())
        if (hasKey(value.toObject(), key))
            return value.toObject();
    return std::nullopt;
}

// Replaces the entry for `key` with `entry`. Not writable: the next run probes again.
void storeEntry(const QString &path, const QString &list, const QJsonObject &key, QJsonObject entry)
{
    QJsonObject cache = readCache(path);
    QJsonArray kept;
    for (const QJsonValue &value : cache.value(list).toArray())
        if (!hasKey(value.toObject(), key))
            kept.append(value);
    while (kept.size() >= maxEntries)
        kept.removeFirst();
    for (auto it = key.begin(); it != key.end(); ++it)
        entry.insert(it.key(), it.value());
    kept.append(entry);
    cache.insert(list, kept);
    AtomicFile::write(path, QJsonDocument(cache).toJson(QJsonDocument::Compact));
}

QJsonObject discoveryKey(const QString &projectDirectory, const QStringList &requiredModules)
{
    return {{QStringLiteral("project"), projectKey(projectDirectory)},
            {QStringLiteral("modules"), QJsonArray::fromStringList(requiredModules)}};
}

} // namespace

InterpreterCache::InterpreterCache(const QString &cachePath)
    : m_path(cachePath)
{
}

InterpreterChoice InterpreterCache::find(const QString &projectDirectory, const QStringList &requiredModules,
                                         const QProcessEnvironment &environment) const
{
    const std::optional<QJsonObject> entry =
        findEntry(readCache(m_path), discoveriesKey, discoveryKey(projectDirectory, requiredModules));
    if (!entry)
        return refresh(projectDirectory, requiredModules, environment);
    InterpreterChoice choice;
    choice.path = entry->value(QStringLiteral("interpreter")).toString();
    for (const QJsonValue &tried : entry->value(QStringLiteral("tried")).toArray())
        choice.tried += candidateFromJson(tried.toObject());
    // The candidates listed today, up to the remembered choice, must be the ones tried then.
    const QList<InterpreterCandidate> listed = InterpreterDiscovery::candidates(projectDirectory, environment);
    qsizetype chosen = 0;
    while (chosen < listed.size() && listed.at(chosen).path != choice.path)
        ++chosen;
    const QFileInfo interpreter(choice.path);
    if (!choice.found() || chosen == listed.size() || !interpreter.isExecutable()
        || discoveryFingerprint(projectDirectory, listed.mid(0, chosen + 1), choice.tried, environment)
               != entry->value(QStringLiteral("fingerprint")).toObject())
        return refresh(projectDirectory, requiredModules, environment);
    return choice;
}

InterpreterChoice InterpreterCache::refresh(const QString &projectDirectory, const QStringList &requiredModules,
                                            const QProcessEnvironment &environment) const
{
    const InterpreterChoice choice = InterpreterDiscovery::find(projectDirectory, requiredModules, environment);
    if (!choice.found())
        return choice; // not remembered: installing the missing package must help at once
    QJsonArray tried;
    for (const InterpreterCandidate &candidate : choice.tried)
        tried.append(toJson(candidate));
    // find() tried the listed candidates in order up to the one it chose.
    storeEntry(m_path, discoveriesKey, discoveryKey(projectDirectory, requiredModules),
               {{QStringLiteral("interpreter"), choice.path},
                {QStringLiteral("tried"), tried},
                {QStringLiteral("fingerprint"),
                 discoveryFingerprint(projectDirectory, choice.tried, choice.tried, environment)}});
    return choice;
}

InterpreterCandidate InterpreterCache::probe(const InterpreterCandidate &candidate,
                                             const QStringList &requiredModules) const
{
    const QJsonObject key{{QStringLiteral("interpreter"), QDir::cleanPath(QFileInfo(candidate.path).absoluteFilePath())},
                          {QStringLiteral("modules"), QJsonArray::fromStringList(requiredModules)}};
    if (const std::optional<QJsonObject> entry = findEntry(readCache(m_path), interpretersKey, key)) {
        InterpreterCandidate known = candidateFromJson(entry->value(QStringLiteral("candidate")).toObject());
        known.path = candidate.path;
        known.origin = candidate.origin;
        if (QFileInfo(known.path).isExecutable()
            && interpreterFingerprint(known) == entry->value(QStringLiteral("fingerprint")).toObject())
            return known;
    }
    const InterpreterCandidate probed = InterpreterDiscovery::probe(candidate, requiredModules);
    if (probed.usable()) // an unusable one is asked again: the user may be fixing it right now
        storeEntry(m_path, interpretersKey, key,
                   {{QStringLiteral("candidate"), toJson(probed)},
                    {QStringLiteral("fingerprint"), interpreterFingerprint(probed)}});
    return probed;
}

QString InterpreterCache::defaultPath()
{
    return QFileInfo(ResolvedValueCache::defaultPath()).absolutePath() + QStringLiteral("/interpreter-choices.json");
}

} // namespace headway
