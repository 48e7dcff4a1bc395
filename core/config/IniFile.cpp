#include "IniFile.h"

#include <QFile>

namespace headway {

namespace {

// Values are interpolated each time they are read: a problem found again is not news.
void reportOnce(Diagnostics &diagnostics, Diagnostic diagnostic)
{
    for (const Diagnostic &known : std::as_const(diagnostics))
        if (known.code == diagnostic.code && known.line == diagnostic.line && known.message == diagnostic.message)
            return;
    diagnostics += std::move(diagnostic);
}

} // namespace

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

    // Alembic's configparser reads the file as plain UTF-8, so a byte order mark hides the
    // first header from it. Say so, and read on without it.
    const bool byteOrderMark = text.startsWith("\xEF\xBB\xBF");
    if (byteOrderMark) {
        ini.m_diagnostics += Diagnostic::error(
            QStringLiteral("invalid-config"),
            QStringLiteral("File contains no section headers before line 1 of %1: it starts with a byte order "
                           "mark, which Alembic does not skip")
                .arg(path),
            path, 1, QStringLiteral("Save the file as UTF-8 without a byte order mark (BOM)."));
        ini.m_valid = false;
    }
    // Python reads the file with universal newlines: \r\n and a lone \r end lines too.
    QString content = QString::fromUtf8(byteOrderMark ? text.sliced(3) : text);
    content.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    content.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = content.split(QLatin1Char('\n'));
    QString section;
    bool inSection = false;
    Entry *current = nullptr; // the entry continuation lines extend
    int currentIndent = 0;
    // configparser is strict: a section or an option given twice makes the file unreadable.
    QHash<QString, int> sectionsSeen, optionsSeen; // first line of each

    // configparser strips only the end of a joined value: an empty first line stays.
    const auto finishValue = [](Entry *entry) {
        qsizetype end = entry->raw.size();
        while (end > 0 && entry->raw.at(end - 1).isSpace())
            --end;
        entry->raw.truncate(end);
    };
    const auto duplicate = [&](int lineNumber, int firstLine, const QString &what) {
        ini.m_diagnostics += Diagnostic::error(
            QStringLiteral("invalid-config"),
            QStringLiteral("%1 already exists: line %2 of %3 gives it first")
                .arg(what, QString::number(firstLine), path),
            path, lineNumber, QStringLiteral("Remove or merge the repeated one; Alembic cannot read this file either."));
        ini.m_valid = false;
    };
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
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
            finishValue(current);
        current = nullptr;
        // configparser's header pattern \[(?P<header>.+)\]: up to the last ']', anything after it ignored.
        const qsizetype close = stripped.lastIndexOf(QLatin1Char(']'));
        if (stripped.startsWith(QLatin1Char('[')) && close >= 2) {
            section = stripped.mid(1, close - 1);
            inSection = true;
            if (section != QLatin1String("DEFAULT") && sectionsSeen.contains(section))
                duplicate(i + 1, sectionsSeen.value(section), QStringLiteral("Section [%1]").arg(section));
            else
                sectionsSeen.insert(section, i + 1);
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
        const QString qualified = section + QLatin1Char('\n') + key;
        if (optionsSeen.contains(qualified))
            duplicate(i + 1, optionsSeen.value(qualified), QStringLiteral("Option '%1' in [%2]").arg(key, section));
        else
            optionsSeen.insert(qualified, i + 1);
        Entry &entry = ini.m_sections[section][key];
        entry = Entry{stripped.mid(split + 1).trimmed(), i + 1};
        current = &entry;
        currentIndent = indent;
    }
    if (current)
        finishValue(current);
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
    // Like configparser's has_option(): a section the file lacks has no options, not even defaults.
    if (section != QLatin1String("DEFAULT") && !m_sections.contains(section))
        return std::nullopt;
    const QString lowered = key.toLower();
    if (const Entry *entry = find(section, lowered)) {
        bool circular = false;
        return interpolate(section, lowered, entry->raw, 0, circular);
    }
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
                             int depth, bool &circular) const
{
    if (depth > 10) {
        circular = true;
        reportOnce(m_diagnostics, Diagnostic::error(
            QStringLiteral("invalid-config"),
            QStringLiteral("Value of '%1' in [%2] refers to itself through %(...)s").arg(key, section),
            m_path, line(section, key), QStringLiteral("Break the circular reference.")));
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
            reportOnce(m_diagnostics, Diagnostic::error(
                QStringLiteral("invalid-config"),
                QStringLiteral("'%' must be followed by '%' or '(' in the value of '%1' in [%2]")
                    .arg(key, section),
                m_path, line(section, key), QStringLiteral("Write a literal percent sign as %%.")));
            out += c;
            continue;
        }
        const QString name = raw.mid(i + 2, close - i - 2).toLower();
        if (const Entry *entry = find(section, name)) {
            out += interpolate(section, name, entry->raw, depth + 1, circular);
            if (circular)
                return raw;
        } else if (m_defaults.contains(name)) {
            out += m_defaults.value(name);
        } else {
            reportOnce(m_diagnostics, Diagnostic::error(
                QStringLiteral("invalid-config"),
                QStringLiteral("Bad value substitution: '%1' in [%2] refers to '%(%3)s', which "
                               "is not defined")
                    .arg(key, section, name),
                m_path, line(section, key), QStringLiteral("Define the option or fix its name.")));
        }
        i = close + 1;
    }
    return out;
}

} // namespace headway
