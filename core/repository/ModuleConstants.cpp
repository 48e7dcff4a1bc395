#include "ModuleConstants.h"

#include "parser/MigrationParser.h"
#include "parser/SourceEncoding.h"
#include "parser/SourceFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace headway {

namespace {

constexpr int listedRoots = 8; // a message naming thirty directories helps nobody

enum class Entry { Missing, File, Problem };

// What is at `path`: a regular file, nothing, or something that cannot be a module
// file (`problem` then completes "<path> ...").
Entry probe(const QString &path, QString &problem)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return Entry::Missing;
        problem = QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return Entry::Problem;
    }
    if (!S_ISREG(info.st_mode)) {
        problem = S_ISDIR(info.st_mode) ? QStringLiteral("is a directory, not a file")
                                        : QStringLiteral("is not a regular file");
        return Entry::Problem;
    }
    return Entry::File;
}

// Where Python looks for a module inside one directory: the package first, then the plain module.
QStringList candidateFiles(const QString &root, const QString &module)
{
    const QString base = root + QLatin1Char('/') + QString(module).replace(QLatin1Char('.'), QLatin1Char('/'));
    return {base + QStringLiteral("/__init__.py"), base + QStringLiteral(".py")};
}

bool isSubmoduleFile(const QString &packageInit, const QString &name)
{
    QString ignored;
    const QString directory = QFileInfo(packageInit).absolutePath();
    for (const QString &file : candidateFiles(directory, name))
        if (probe(file, ignored) == Entry::File)
            return true;
    return false;
}

} // namespace

ModuleConstants::ModuleConstants(ModuleSearchPath searchPath, std::function<QStringList()> interpreterPaths)
    : m_searchPath(std::move(searchPath))
    , m_interpreterPaths(std::move(interpreterPaths))
{
}

QString ModuleConstants::describeRoots() const
{
    QStringList shown;
    for (const QString &root : m_searchPath.roots.mid(0, listedRoots))
        shown += m_searchPath.display(root);
    QString text = shown.join(QLatin1String(", "));
    if (m_searchPath.roots.size() > listedRoots)
        text += QStringLiteral(" and %1 more").arg(m_searchPath.roots.size() - listedRoots);
    if (m_interpreterRoots && !m_interpreterRoots->isEmpty())
        text += QStringLiteral(", nor in the interpreter's sys.path (%1 directories)").arg(m_interpreterRoots->size());
    return text;
}

ModuleConstants::Location ModuleConstants::locate(const QString &module, bool useInterpreter)
{
    const QString key = useInterpreter ? module : module + QStringLiteral(" (project)");
    if (const auto cached = m_locations.constFind(key); cached != m_locations.cend())
        return *cached;
    Location location;
    QStringList problems;
    auto search = [&](const QStringList &roots) {
        for (const QString &root : roots) {
            for (const QString &file : candidateFiles(root, module)) {
                QString problem;
                const Entry entry = probe(file, problem);
                if (entry == Entry::File) {
                    location.path = file;
                    location.package = file.endsWith(QLatin1String("/__init__.py"));
                    return true;
                }
                if (entry == Entry::Problem)
                    problems += m_searchPath.display(file) + QLatin1Char(' ') + problem;
            }
        }
        return false;
    };
    bool found = search(m_searchPath.roots);
    if (!found && useInterpreter && m_interpreterPaths) {
        if (!m_interpreterRoots)
            m_interpreterRoots = m_interpreterPaths();
        found = search(*m_interpreterRoots);
    }
    if (!found) {
        location.reason = QStringLiteral("module %1 not found under %2").arg(module, describeRoots());
        if (!problems.isEmpty())
            location.reason += QStringLiteral(" (%1)").arg(problems.join(QLatin1String("; ")));
    }
    m_locations.insert(key, location);
    return location;
}

ModuleConstants::ParsedModule ModuleConstants::parsed(const QString &path)
{
    if (const auto cached = m_parsed.constFind(path); cached != m_parsed.cend())
        return *cached;
    ParsedModule module;
    const QString shown = m_searchPath.display(path);
    std::vector<char> buffer;
    const SourceFileRead read = readSourceFile(path, MigrationParser::maximumFileSize, buffer);
    const QByteArrayView source(buffer.data(), static_cast<qsizetype>(read.filled));
    if (!read.ok()) {
        module.reason = QStringLiteral("%1 %2").arg(shown, read.describe());
    } else if (std::memchr(source.data(), 0, static_cast<std::size_t>(source.size()))) {
        module.reason = QStringLiteral("%1 contains NUL bytes, so it is not Python source").arg(shown);
    } else {
        QByteArray converted;
        Diagnostics diagnostics;
        const SourceText text = decodeSource(path, source, converted, diagnostics);
        PythonLexer lexer(text.utf8);
        std::vector<PythonToken> tokens;
        while (lexer.nextModuleLevelLine(tokens))
            for (const auto statement : splitTopLevel(tokens, ";"))
                readBindings(statement, module.bindings);
        if (lexer.error())
            module.reason = QStringLiteral("%1 has a syntax error on line %2 (%3), so Python cannot import it")
                                .arg(shown)
                                .arg(lexer.error()->line)
                                .arg(QString::fromStdString(lexer.error()->message));
        else if (hasErrors(diagnostics))
            module.reason = QStringLiteral("%1: %2").arg(shown, diagnostics.first().message);
    }
    m_parsed.insert(path, module);
    return module;
}

QString ModuleConstants::absoluteModule(const ModuleImport &import, const QString &importer,
                                        bool importerIsPackage) const
{
    if (import.level == 0)
        return import.module;
    QStringList package = importer.split(QLatin1Char('.'));
    if (!importerIsPackage)
        package.removeLast();
    for (int level = 1; level < import.level && !package.isEmpty(); ++level)
        package.removeLast();
    if (package.isEmpty())
        return {}; // more dots than packages: Python refuses it too
    if (!import.module.isEmpty())
        package += import.module;
    return package.join(QLatin1Char('.'));
}

ModuleConstant ModuleConstants::constant(const QString &module, const QString &name)
{
    QStringList visited;
    return lookUp(module, name, 0, visited);
}

ModuleConstant ModuleConstants::lookUp(const QString &module, const QString &name, int depth, QStringList &visited)
{
    ModuleConstant result;
    visited += module + QLatin1Char('.') + name;
    const Location location = locate(module);
    if (location.path.isEmpty()) {
        result.reason = location.reason;
        return result;
    }
    const ParsedModule source = parsed(location.path);
    if (!source.reason.isEmpty()) {
        result.reason = source.reason;
        return result;
    }
    result.modulePath = location.path;
    const QString shown = m_searchPath.display(location.path);
    const ModuleBinding *found = lastBinding(source.bindings, name);
    if (!found) {
        result.reason = location.package && isSubmoduleFile(location.path, name)
                            ? QStringLiteral("%1 in %2 is a module, not a literal").arg(name, shown)
                            : QStringLiteral("%1 is not assigned at module level in %2").arg(name, shown);
        return result;
    }
    const ModuleBinding binding = *found;
    switch (binding.kind) {
    case ModuleBinding::Kind::Assignment:
        if (binding.value.kind == PythonLiteral::Kind::NotLiteral)
            result.reason = QStringLiteral("%1 in %2 is not a literal (line %3): %4")
                                .arg(name, shown)
                                .arg(binding.line)
                                .arg(binding.value.reason);
        else
            result.value = binding.value;
        return result;
    case ModuleBinding::Kind::Other:
        result.reason = QStringLiteral("%1 in %2 is not a constant (line %3): %4")
                            .arg(name, shown)
                            .arg(binding.line)
                            .arg(binding.value.reason);
        return result;
    case ModuleBinding::Kind::Import:
        break;
    }
    if (binding.import.member.isEmpty()) {
        result.reason = QStringLiteral("%1 in %2 is a module (line %3), not a literal").arg(name, shown).arg(binding.line);
        return result;
    }
    const QString target = absoluteModule(binding.import, module, location.package);
    if (target.isEmpty()) {
        result.reason = QStringLiteral("%1 in %2: the relative import on line %3 reaches above the top-level package")
                            .arg(name, shown)
                            .arg(binding.line);
        return result;
    }
    const QString targetKey = target + QLatin1Char('.') + binding.import.member;
    if (visited.contains(targetKey)) {
        result.reason = QStringLiteral("import cycle: %1 -> %2 (%3, line %4)")
                            .arg(visited.join(QLatin1String(" -> ")), targetKey, shown)
                            .arg(binding.line);
        return result;
    }
    if (depth >= 1) {
        result.reason = QStringLiteral("%1 in %2 is imported again from %3 (line %4); Headway follows one "
                                       "re-export, no deeper")
                            .arg(name, shown, target)
                            .arg(binding.line);
        return result;
    }
    ModuleConstant reexported = lookUp(target, binding.import.member, depth + 1, visited);
    if (!reexported.ok())
        reexported.reason = QStringLiteral("%1 in %2 is imported from %3 (line %4): %5")
                                .arg(name, shown, target)
                                .arg(binding.line)
                                .arg(reexported.reason);
    return reexported;
}

QString ModuleConstants::submodule(const QString &module, const QString &member)
{
    const QString candidate = module + QLatin1Char('.') + member;
    if (!locate(candidate, false).path.isEmpty())
        return candidate;
    // A package may bind the name to a module it imports: `from x.y import cli` in __init__.py.
    const Location location = locate(module, false);
    if (location.path.isEmpty())
        return candidate;
    const ParsedModule source = parsed(location.path);
    const ModuleBinding *binding = lastBinding(source.bindings, member);
    if (!binding || binding->kind != ModuleBinding::Kind::Import)
        return candidate;
    const ModuleImport &import = binding->import;
    if (import.member.isEmpty())
        return import.topPackage ? import.module.section(QLatin1Char('.'), 0, 0) : import.module;
    const QString from = absoluteModule(import, module, location.package);
    return from.isEmpty() ? candidate : from + QLatin1Char('.') + import.member;
}

} // namespace headway
