#include "RepositoryLocator.h"

#include "config/IniFile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace headway {

namespace {

const QString mainSection = QStringLiteral("alembic");

bool looksLikeScriptDirectory(const QDir &dir)
{
    return dir.exists(QStringLiteral("env.py")) || dir.exists(QStringLiteral("script.py.mako"))
           || QFileInfo(dir.filePath(QStringLiteral("versions"))).isDir();
}

bool holdsPythonFiles(const QDir &dir)
{
    static const QRegularExpression revisionFile(QStringLiteral("^(?!\\.#|__init__).*\\.py$"));
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden);
    return std::any_of(names.begin(), names.end(),
                       [](const QString &name) { return revisionFile.match(name).hasMatch(); });
}

bool isTrue(const std::optional<QString> &value)
{
    if (!value)
        return false;
    const QString v = value->trimmed().toLower();
    return v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on")
           || v == QLatin1String("1");
}

// "package.module:path" names a directory inside an importable package.
QString resolvePackageResource(const QString &location, const QDir &base)
{
    const qsizetype colon = location.indexOf(QLatin1Char(':'));
    const QString package = location.left(colon);
    const QString inner = location.mid(colon + 1);
    const QString packagePath = QString(package).replace(QLatin1Char('.'), QLatin1Char('/'));
    for (const QString &root : {QString(), QStringLiteral("src/")}) {
        const QString candidate = base.filePath(root + packagePath + QLatin1Char('/') + inner);
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return {};
}

} // namespace

RepositoryLayout RepositoryLocator::locate(const QString &argument)
{
    RepositoryLayout layout;
    const QFileInfo info(argument.isEmpty() ? QStringLiteral(".") : argument);
    layout.argument = QDir::cleanPath(info.absoluteFilePath());
    auto notFound = [&](const QString &message) {
        layout.diagnostics += Diagnostic::error(
            QStringLiteral("no-migrations"), message, layout.argument, 0,
            QStringLiteral("Point Headway at a project root (with alembic.ini or "
                           "migrations/alembic.ini), an alembic.ini, a migrations directory or "
                           "a versions directory."));
        return layout;
    };
    if (!info.exists())
        return notFound(QStringLiteral("%1 does not exist").arg(layout.argument));

    if (info.isFile()) {
        layout.baseDirectory = info.absolutePath();
        if (!info.fileName().endsWith(QLatin1String(".ini")))
            return notFound(QStringLiteral("%1 is a file, not an alembic.ini or a directory")
                                .arg(layout.argument));
        readIni(layout, layout.argument);
        return layout;
    }

    const QDir dir(layout.argument);
    layout.baseDirectory = layout.argument;
    for (const QString &candidate : {QStringLiteral("alembic.ini"), QStringLiteral("migrations/alembic.ini")}) {
        if (QFileInfo(dir.filePath(candidate)).isFile()) {
            readIni(layout, dir.filePath(candidate));
            return layout;
        }
    }
    if (looksLikeScriptDirectory(dir)) {
        layout.found = true;
        layout.scriptDirectory = layout.argument;
        const QString versions = dir.filePath(QStringLiteral("versions"));
        if (QFileInfo(versions).isDir())
            layout.versionDirectories += versions;
        else
            layout.diagnostics += Diagnostic::error(
                QStringLiteral("no-versions-directory"),
                QStringLiteral("%1 has no versions directory").arg(layout.argument), layout.argument,
                0, QStringLiteral("Create it (mkdir versions) or point Headway at the right "
                                  "directory."));
        return layout;
    }
    if (holdsPythonFiles(dir)) {
        layout.found = true;
        layout.scriptDirectory = dir.absolutePath();
        layout.versionDirectories += layout.argument;
        return layout;
    }
    // Flask-Migrate allows any directory name (flask db init -d db_migrations).
    const QStringList children = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &child : children) {
        const QString ini = dir.filePath(child + QStringLiteral("/alembic.ini"));
        if (QFileInfo(ini).isFile()) {
            readIni(layout, ini);
            return layout;
        }
    }
    return notFound(QStringLiteral("No Alembic migrations found in %1: no alembic.ini, "
                                   "migrations/alembic.ini, versions directory or migration files")
                        .arg(layout.argument));
}

void RepositoryLocator::readIni(RepositoryLayout &layout, const QString &iniPath)
{
    layout.iniPath = QDir::cleanPath(iniPath);
    const QDir iniDir = QFileInfo(layout.iniPath).absoluteDir();
    const IniFile ini = IniFile::load(layout.iniPath, {{QStringLiteral("here"), iniDir.absolutePath()}});
    const std::optional<QString> scriptLocation = ini.value(mainSection, QStringLiteral("script_location"));
    const std::optional<QString> versionLocations = ini.value(mainSection, QStringLiteral("version_locations"));
    std::optional<QString> separator = ini.value(mainSection, QStringLiteral("version_path_separator"));
    if (!separator)
        separator = ini.value(mainSection, QStringLiteral("path_separator"));
    layout.recursive = isTrue(ini.value(mainSection, QStringLiteral("recursive_version_locations")));
    if (ini.value(mainSection, QStringLiteral("sourceless")).value_or(QString()) == QLatin1String("true"))
        layout.diagnostics += Diagnostic::note(
            QStringLiteral("sourceless"),
            QStringLiteral("sourceless = true: Headway reads only .py files, not compiled .pyc files"),
            layout.iniPath, ini.line(mainSection, QStringLiteral("sourceless")));
    layout.diagnostics += ini.diagnostics();

    if (!scriptLocation) {
        // Flask-Migrate's alembic.ini has no script_location: it passes its own directory.
        if (looksLikeScriptDirectory(iniDir)) {
            layout.scriptDirectory = iniDir.absolutePath();
        } else {
            layout.diagnostics += Diagnostic::error(
                QStringLiteral("no-script-location"),
                QStringLiteral("No 'script_location' key found in configuration."), layout.iniPath, 0,
                QStringLiteral("Add \"script_location = migrations\" (the directory holding env.py) "
                               "to the [alembic] section."));
            return;
        }
    } else {
        const QString location = scriptLocation->trimmed();
        QString resolved = QDir::cleanPath(iniDir.absoluteFilePath(location));
        const bool packageForm = location.contains(QLatin1Char(':')) && !QDir::isAbsolutePath(location);
        if (packageForm && !QFileInfo(resolved).isDir())
            resolved = resolvePackageResource(location, iniDir);
        if (resolved.isEmpty() || !QFileInfo(resolved).isDir()) {
            layout.diagnostics += Diagnostic::error(
                QStringLiteral("no-script-location"),
                QStringLiteral("Path doesn't exist: '%1' (script_location)").arg(location),
                layout.iniPath, ini.line(mainSection, QStringLiteral("script_location")),
                QStringLiteral("Fix script_location, or run \"flask db init\" / \"alembic init\" "
                               "to create the scripts folder."));
            return;
        }
        layout.scriptDirectory = resolved;
    }
    layout.found = true;

    QStringList locations;
    if (versionLocations && !versionLocations->trimmed().isEmpty()) {
        const int separatorLine = std::max(ini.line(mainSection, QStringLiteral("version_path_separator")),
                                           ini.line(mainSection, QStringLiteral("path_separator")));
        locations = splitVersionLocations(layout, *versionLocations, separator,
                                          ini.line(mainSection, QStringLiteral("version_locations")), separatorLine);
    } else {
        locations += QDir(layout.scriptDirectory).filePath(QStringLiteral("versions"));
    }
    for (const QString &location : std::as_const(locations)) {
        const QString path = QDir::cleanPath(iniDir.absoluteFilePath(location));
        if (QFileInfo(path).isDir()) {
            if (!layout.versionDirectories.contains(path))
                layout.versionDirectories += path;
        } else {
            layout.diagnostics += Diagnostic::warning(
                QStringLiteral("missing-version-location"),
                QStringLiteral("Version location %1 does not exist; Alembic skips it silently")
                    .arg(path),
                layout.iniPath, ini.line(mainSection, QStringLiteral("version_locations")),
                QStringLiteral("Create the directory or fix version_locations."));
        }
    }
    if (layout.versionDirectories.isEmpty())
        layout.diagnostics += Diagnostic::error(
            QStringLiteral("no-versions-directory"),
            QStringLiteral("No versions directory exists for %1").arg(layout.scriptDirectory),
            layout.iniPath, 0,
            QStringLiteral("Create %1/versions, or fix version_locations.").arg(layout.scriptDirectory));
}

QStringList RepositoryLocator::splitVersionLocations(RepositoryLayout &layout, const QString &value,
                                                     const std::optional<QString> &separator, int line,
                                                     int separatorLine)
{
    QStringList parts;
    if (!separator) {
        // Alembic's legacy rule: split on commas and spaces.
        static const QRegularExpression legacy(QStringLiteral(", *|(?: +)"));
        parts = value.split(legacy);
        if (value.contains(QLatin1Char('\n'))) {
            layout.diagnostics += Diagnostic::warning(
                QStringLiteral("version-locations-newline"),
                QStringLiteral("version_locations spans several lines but no "
                               "version_path_separator is set; older Alembic does not split on "
                               "line breaks"),
                layout.iniPath, line,
                QStringLiteral("Add \"version_path_separator = newline\" (Alembic 1.13+) or put "
                               "the locations on one line separated by spaces."));
            QStringList lines;
            for (const QString &part : std::as_const(parts))
                lines += part.split(QLatin1Char('\n'));
            parts = lines;
        }
    } else {
        static const QHash<QString, QString> separators{
            {QStringLiteral("space"), QStringLiteral(" ")},   {QStringLiteral("newline"), QStringLiteral("\n")},
            {QStringLiteral("os"), QStringLiteral(":")},      {QStringLiteral(":"), QStringLiteral(":")},
            {QStringLiteral(";"), QStringLiteral(";")},       {QStringLiteral(","), QStringLiteral(",")},
            {QStringLiteral("comma"), QStringLiteral(",")}};
        const QString key = separator->trimmed();
        if (!separators.contains(key)) {
            layout.diagnostics += Diagnostic::error(
                QStringLiteral("invalid-config"),
                QStringLiteral("'%1' is not a valid value for version_path_separator; expected "
                               "'space', 'newline', 'os', ':', ';'")
                    .arg(key),
                layout.iniPath, separatorLine, QStringLiteral("Use one of the listed values."));
            return {};
        }
        parts = value.split(separators.value(key));
    }
    QStringList locations;
    for (const QString &part : std::as_const(parts))
        if (!part.trimmed().isEmpty())
            locations += part.trimmed();
    return locations;
}

} // namespace headway
