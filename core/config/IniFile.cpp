#include "IniFile.h"

#include <QFile>

namespace headway {

IniFile IniFile::load(const QString &path, const QHash<QString, QString> &defaults)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        IniFile ini;
        ini.m_path = path;
        ini.m_diagnostics += Diagnostic::error(
            QStringLiteral("unreadable-config"),
            QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()), path, 0,
            QStringLiteral("Check the file's permissions."));
        return ini;
    }
    return parse(path, file.readAll(), defaults);
}

IniFile IniFile::parse(const QString &path, QByteArrayView text,
                       const QHash<QString, QString> &defaults)
{
    IniFile ini;
    ini.m_path = path;
    ini.m_valid = true;
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        ini.m_defaults.insert(it.key().toLower(), it.value());

    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    QString section;
    bool inSection = false;
    Entry *current = nullptr; // the entry continuation lines extend
    int currentIndent = 0;
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString stripped = line.trimmed();
        if (stripped.startsWith(QLatin1Char('#')) || stripped.startsWith(QLatin1Char(';')))
            continue;
        int indent = 0;
        while (indent < line.size() && line.at(indent).isSpace())
            ++indent;
        if (stripped.isEmpty()) {
            if (current)
                current->raw += QLatin1Char('\n'); // configparser keeps inner blank lines
            continue;
        }
        if (current && indent > currentIndent) {
            current->raw += QLatin1Char('\n') + stripped;
            continue;
        }
        if (current)
            current->raw = current->raw.trimmed();
        current = nullptr;
        if (stripped.startsWith(QLatin1Char('[')) && stripped.endsWith(QLatin1Char(']'))) {
            section = stripped.mid(1, stripped.size() - 2);
            inSection = true;
            ini.m_sections[section];
            continue;
        }
        const qsizetype equals = stripped.indexOf(QLatin1Char('='));
        const qsizetype colon = stripped.indexOf(QLatin1Char(':'));
        qsizetype split = equals;
        if (split < 0 || (colon >= 0 && colon < split))
            split = colon;
        if (!inSection || split <= 0) {
            ini.m_diagnostics += Diagnostic::error(
                QStringLiteral("invalid-config"),
                inSection ? QStringLiteral("Cannot parse line %1 of %2: expected \"key = value\"")
                                .arg(i + 1).arg(path)
                          : QStringLiteral("File contains no section headers before line %1 of %2")
                                .arg(i + 1).arg(path),
                path, i + 1, QStringLiteral("Fix the line; Alembic cannot read this file either."));
            ini.m_valid = false;
            continue;
        }
        const QString key = stripped.left(split).trimmed().toLower();
        Entry &entry = ini.m_sections[section][key];
        entry = Entry{stripped.mid(split + 1).trimmed(), i + 1};
        current = &entry;
        currentIndent = indent;
    }
    if (current)
        current->raw = current->raw.trimmed();
    return ini;
}

const IniFile::Entry *IniFile::find(const QString &section, const QString &key) const
{
    const auto s = m_sections.constFind(section);
    if (s != m_sections.constEnd()) {
        const auto e = s->constFind(key);
        if (e != s->constEnd())
            return &e.value();
    }
    const auto d = m_sections.constFind(QStringLiteral("DEFAULT"));
    if (d != m_sections.constEnd()) {
        const auto e = d->constFind(key);
        if (e != d->constEnd())
            return &e.value();
    }
    return nullptr;
}

std::optional<QString> IniFile::value(const QString &section, const QString &key) const
{
    const QString lowered = key.toLower();
    if (const Entry *entry = find(section, lowered))
        return interpolate(section, lowered, entry->raw, 0);
    if (m_defaults.contains(lowered))
        return m_defaults.value(lowered);
    return std::nullopt;
}

int IniFile::line(const QString &section, const QString &key) const
{
    const Entry *entry = find(section, key.toLower());
    return entry ? entry->line : 0;
}

QString IniFile::interpolate(const QString &section, const QString &key, const QString &raw,
                             int depth) const
{
    if (depth > 10) {
        m_diagnostics += Diagnostic::error(
            QStringLiteral("invalid-config"),
            QStringLiteral("Value of '%1' in [%2] refers to itself through %%(...)s").arg(key, section),
            m_path, line(section, key), QStringLiteral("Break the circular reference."));
        return raw;
    }
    QString out;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        if (i + 1 < raw.size() && raw.at(i + 1) == QLatin1Char('%')) {
            out += QLatin1Char('%');
            ++i;
            continue;
        }
        const qsizetype close = raw.indexOf(QLatin1String(")s"), i);
        if (i + 1 >= raw.size() || raw.at(i + 1) != QLatin1Char('(') || close < 0) {
            m_diagnostics += Diagnostic::error(
                QStringLiteral("invalid-config"),
                QStringLiteral("'%' must be followed by '%' or '(' in the value of '%1' in [%2]")
                    .arg(key, section),
                m_path, line(section, key), QStringLiteral("Write a literal percent sign as %%."));
            out += c;
            continue;
        }
        const QString name = raw.mid(i + 2, close - i - 2).toLower();
        if (const Entry *entry = find(section, name))
            out += interpolate(section, name, entry->raw, depth + 1);
        else if (m_defaults.contains(name))
            out += m_defaults.value(name);
        else
            m_diagnostics += Diagnostic::error(
                QStringLiteral("invalid-config"),
                QStringLiteral("Bad value substitution: '%1' in [%2] refers to '%%(%3)s', which "
                               "is not defined")
                    .arg(key, section, name),
                m_path, line(section, key), QStringLiteral("Define the option or fix its name."));
        i = close + 1;
    }
    return out;
}

} // namespace headway
