// Values the static reader could not see, as the project's interpreter reported
// them on the user's request, and the cache that keeps them between runs
// (shared by headway and headway-cli). Pure data and a JSON file: the loader
// applies them without knowing how they were obtained, so nothing here pulls in
// the subprocess layer (python/PythonValueResolver produces them, one way).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace headway {

struct ResolvedFile {
    QString path;
    qint64 size = -1;
    qint64 modifiedMs = -1;
    QHash<QString, std::optional<QStringList>> values; // variable -> strings, or nullopt for None
    QString error; // the import failed; values stay unresolved

    bool matches(const QString &filePath) const; // same path, size and modification time

    // The resolver's report for one file ({"path", "revision": [...], ...}), stamped
    // with the file's size and modification time as they are now.
    static ResolvedFile fromReport(const QJsonObject &report);
};

class ResolvedValueCache
{
public:
    static QString defaultPath();
    static QList<ResolvedFile> load(const QString &cachePath = defaultPath());
    // Adds or replaces entries by path; false (and why in `error`) when the cache
    // cannot be written.
    static bool store(const QList<ResolvedFile> &files, const QString &cachePath = defaultPath(),
                      QString *error = nullptr);
};

} // namespace headway
