#include "InterpreterDiscovery.h"

#include "RunToCompletion.h"

#include <QDir>
#include <QFileInfo>

namespace headway {

namespace {

// Asks the interpreter for where it imports from (one line each), its version
// and which modules it lacks, without importing them (nor json: a miss costs
// enough already).
const QString probeScript = QStringLiteral(
    "import sys, importlib.util, site\n"
    "missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]\n"
    "for d in sys.path + [site.getusersitepackages()]:\n"
    "    print('HEADWAY-IMPORT-DIR ' + d)\n"
    "print(sys.version.split()[0])\n"
    "print(','.join(missing))\n");

const QLatin1String importDirMarker("HEADWAY-IMPORT-DIR ");

QStringList importDirectories(const QStringList &lines)
{
    QStringList directories;
    for (const QString &line : lines) {
        const QString path = line.startsWith(importDirMarker) ? QDir::cleanPath(line.mid(importDirMarker.size())) : QString();
        // '' is the current directory: nothing installs into it.
        if (QDir::isAbsolutePath(path) && !directories.contains(path))
            directories += path;
    }
    return directories;
}

void addCandidate(QList<InterpreterCandidate> &list, QStringList &seen, const QString &path,
                  const QString &origin)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isExecutable())
        return;
    // Shims and symlinks to one binary count once; keep the name the user knows.
    const QString key = info.canonicalFilePath();
    if (seen.contains(key) && !path.contains(QLatin1String("shims")))
        return;
    seen += key;
    InterpreterCandidate candidate;
    candidate.path = QDir::cleanPath(info.absoluteFilePath());
    candidate.origin = origin;
    list += candidate;
}

} // namespace

QList<InterpreterCandidate> InterpreterDiscovery::candidates(const QString &projectDirectory,
                                                             const QProcessEnvironment &environment)
{
    QList<InterpreterCandidate> list;
    QStringList seen;
    for (const QString &venv : virtualenvDirectories(projectDirectory))
        for (const QString &name : {QStringLiteral("python3"), QStringLiteral("python")})
            addCandidate(list, seen, venv + QStringLiteral("/bin/") + name, QStringLiteral("project virtualenv"));
    const QString virtualEnv = environment.value(QStringLiteral("VIRTUAL_ENV"));
    if (!virtualEnv.isEmpty())
        for (const QString &name : {QStringLiteral("python3"), QStringLiteral("python")})
            addCandidate(list, seen, virtualEnv + QStringLiteral("/bin/") + name, QStringLiteral("$VIRTUAL_ENV"));
    const QStringList pathEntries = environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString &entry : pathEntries)
        for (const QString &name : {QStringLiteral("python3"), QStringLiteral("python")})
            addCandidate(list, seen, QDir(entry).filePath(name), QStringLiteral("PATH"));
    for (const QString &path : {QStringLiteral("/usr/bin/python3"), QStringLiteral("/usr/local/bin/python3")})
        addCandidate(list, seen, path, QStringLiteral("system"));
    return list;
}

QStringList InterpreterDiscovery::virtualenvDirectories(const QString &projectDirectory)
{
    QStringList directories;
    // The project's own virtualenv, looking up a few levels (the argument may be migrations/).
    QDir dir(projectDirectory.isEmpty() ? QDir::currentPath() : projectDirectory);
    for (int level = 0; level < 4; ++level) {
        for (const QString &venv : {QStringLiteral(".venv"), QStringLiteral("venv"), QStringLiteral("env")})
            directories += dir.filePath(venv);
        if (!dir.cdUp())
            break;
    }
    return directories;
}

InterpreterCandidate InterpreterDiscovery::probe(InterpreterCandidate candidate,
                                                 const QStringList &requiredModules, int timeoutMs)
{
    const CommandResult result = runToCompletion(
        CommandLine{candidate.path, QStringList{QStringLiteral("-c"), probeScript} + requiredModules, {}, {}}, timeoutMs);
    QStringList lines = result.output.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // the newline that ends the last line
    switch (result.outcome) {
    case CommandResult::Outcome::FailedToStart:
        candidate.problem = result.output;
        return candidate;
    case CommandResult::Outcome::TimedOut:
    case CommandResult::Outcome::Cancelled:
        candidate.problem = QStringLiteral("did not answer within %1 s").arg(timeoutMs / 1000);
        return candidate;
    case CommandResult::Outcome::Failed:
        candidate.problem = QStringLiteral("failed to run: %1").arg(lines.value(lines.size() - 1).trimmed());
        return candidate;
    case CommandResult::Outcome::Succeeded:
        break;
    }
    if (lines.size() < 2) {
        candidate.problem = QStringLiteral("failed to run: it printed no version");
        return candidate;
    }
    // The probe's two lines come last; anything the interpreter warned about on
    // stderr at start-up comes before them.
    candidate.importDirectories = importDirectories(lines);
    candidate.version = lines.at(lines.size() - 2).trimmed();
    candidate.missingModules = lines.constLast().trimmed().split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!candidate.missingModules.isEmpty())
        candidate.problem = QStringLiteral("Python %1 without %2")
                                .arg(candidate.version, candidate.missingModules.join(QLatin1String(", ")));
    return candidate;
}

InterpreterChoice InterpreterDiscovery::find(const QString &projectDirectory,
                                             const QStringList &requiredModules,
                                             const QProcessEnvironment &environment)
{
    InterpreterChoice choice;
    for (const InterpreterCandidate &candidate : candidates(projectDirectory, environment)) {
        const InterpreterCandidate probed = probe(candidate, requiredModules);
        choice.tried += probed;
        if (probed.usable()) {
            choice.path = probed.path;
            break;
        }
    }
    return choice;
}

QString InterpreterChoice::explanation(const QStringList &requiredModules) const
{
    if (found())
        return {};
    QStringList reasons;
    for (const InterpreterCandidate &candidate : tried)
        reasons += QStringLiteral("  %1 (%2): %3").arg(candidate.path, candidate.origin, candidate.problem);
    if (reasons.isEmpty())
        reasons += QStringLiteral("  no python3 or python found in the project's virtualenv, "
                                  "$VIRTUAL_ENV, PATH or /usr/bin");
    return QStringLiteral("No Python interpreter with %1 was found. Tried:\n%2\n"
                          "Install the missing packages into the project's virtualenv (for "
                          "example .venv/bin/pip install %3) or choose the interpreter explicitly.")
        .arg(requiredModules.join(QLatin1String(", ")), reasons.join(QLatin1Char('\n')),
             requiredModules.join(QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char('-')));
}

} // namespace headway
