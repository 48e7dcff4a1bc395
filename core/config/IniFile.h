// Reads an INI file the way Python's configparser does for alembic.ini:
// "key = value" or "key: value", indented continuation lines, full-line
// comments, case-insensitive keys, and %(name)s interpolation from the same
// section, [DEFAULT] and the defaults Alembic passes in (%(here)s).
#pragma once

#include "diagnostics/Diagnostic.h"

#include <QHash>
#include <QString>

#include <optional>

namespace headway {

class IniFile
{
public:
    static IniFile parse(const QString &path, QByteArrayView text,
                         const QHash<QString, QString> &defaults);
    static IniFile load(const QString &path, const QHash<QString, QString> &defaults);

    bool isValid() const { return m_valid; }
    bool hasSection(const QString &section) const { return m_sections.contains(section); }

    // The interpolated value, or nothing when the key is absent.
    std::optional<QString> value(const QString &section, const QString &key) const;
    int line(const QString &section, const QString &key) const;

    const QString &path() const { return m_path; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    struct Entry {
        QString raw;
        int line = 0;
    };
    // `circular` is set once the depth limit is hit: configparser gives up there, and so does
    // every level above, which keeps self-referring values from expanding exponentially.
    QString interpolate(const QString &section, const QString &key, const QString &raw, int depth,
                        bool &circular) const;
    const Entry *find(const QString &section, const QString &key) const;

    QString m_path;
    bool m_valid = false;
    QHash<QString, QHash<QString, Entry>> m_sections;
    QHash<QString, QString> m_defaults;
    mutable Diagnostics m_diagnostics;
};

} // namespace headway
