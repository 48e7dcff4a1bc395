#include "RepositoryLoader.h"

#include "ModuleValueResolver.h"
#include "RepositoryLocator.h"
#include "VersionScanner.h"
#include "diagnostics/PhaseClock.h"
#include "parser/MigrationParser.h"
#include "report/RevisionName.h"

#include <QThread>

#include <thread>

namespace headway {

namespace {
constexpr int filesPerTask = 32;
}

QList<MigrationFile> RepositoryLoader::parseAll(const QStringList &paths, const LoadOptions &options)
{
    const int total = static_cast<int>(paths.size());
    std::vector<MigrationFile> parsed(static_cast<std::size_t>(total));
    std::atomic<int> nextTask{0};
    std::atomic<int> done{0};
    auto isCancelled = [&] { return options.cancel && options.cancel->load(); };
    // Takes the next batch of files and parses it; false when none is left.
    auto parseNextBatch = [&] {
        const int first = nextTask.fetch_add(filesPerTask);
        if (first >= total || isCancelled())
            return false;
        const int last = std::min(total, first + filesPerTask);
        for (int i = first; i < last; ++i)
            parsed[static_cast<std::size_t>(i)] = MigrationParser::parseFile(paths.at(i));
        done += last - first;
        return true;
    };
    int threads = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    threads = std::clamp(std::min(threads, total / filesPerTask + 1), 1, 64);
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back([&] { while (parseNextBatch()) {} });
    // The calling thread works too, and reports progress between batches.
    while (parseNextBatch())
        if (options.progress)
            options.progress(done.load(), total);
    for (std::thread &helper : helpers)
        helper.join();
    if (options.progress)
        options.progress(done.load(), total);

    QList<MigrationFile> files;
    files.reserve(total);
    for (MigrationFile &file : parsed)
        files.append(std::move(file));
    return files;
}

void RepositoryLoader::applyModuleValues(Repository &repository, const LoadOptions &options)
{
    const auto needing = std::find_if(repository.files.cbegin(), repository.files.cend(),
                                      &ModuleValueResolver::hasSymbolicValues);
    if (needing == repository.files.cend())
        return; // the usual case: every value is a literal, nothing else is read
    const RepositoryLayout &layout = repository.layout;
    ModuleConstants constants(ModuleSearchPath::forLayout(layout), [&]() -> QStringList {
        return options.interpreterPaths ? options.interpreterPaths(layout) : QStringList{};
    });
    ModuleValueResolver resolver(constants);
    for (MigrationFile &file : repository.files)
        if (ModuleValueResolver::hasSymbolicValues(file))
            resolver.resolve(file);
}

void RepositoryLoader::applyResolvedValues(MigrationFile &file, const ResolvedFile &resolved)
{
    const std::pair<const char *, AssignedValue *> slots[] = {{"revision", &file.revision},
                                                              {"down_revision", &file.downRevision},
                                                              {"branch_labels", &file.branchLabels},
                                                              {"depends_on", &file.dependsOn}};
    for (const auto &[name, value] : slots) {
        const QString key = QString::fromLatin1(name);
        if (!value->present || value->literal || !resolved.values.contains(key))
            continue;
        const std::optional<QStringList> strings = resolved.values.value(key);
        value->literal = true;
        value->resolvedByPython = true;
        value->values = strings.value_or(QStringList{});
        const int line = value->line;
        file.diagnostics.removeIf([&](const Diagnostic &d) {
            return d.code == QLatin1String("non-literal-value") && d.line == line;
        });
        file.diagnostics += Diagnostic{Severity::Note, QStringLiteral("resolved-through-python"),
                                       QStringLiteral("`%1 = %2` was resolved through Python: %3")
                                           .arg(key, displayedText(value->sourceText, 200),
                                                strings ? QStringLiteral("(%1)").arg(strings->join(QLatin1String(", ")))
                                                        : QStringLiteral("None")),
                                       file.path, line,
                                       QStringLiteral("Resolve again after changing the values it imports.")};
    }
}

Repository RepositoryLoader::assemble(RepositoryLayout layout, QList<MigrationFile> files, const LoadOptions &options)
{
    Repository repository;
    repository.layout = std::move(layout);
    repository.diagnostics += repository.layout.diagnostics;
    repository.files = std::move(files);
    return assembled(std::move(repository), options);
}

Repository RepositoryLoader::assembled(Repository repository, const LoadOptions &options)
{
    // Names read from the project's modules first; values still unknown may have
    // been resolved through Python on the user's request.
    applyModuleValues(repository, options);
    for (const ResolvedFile &resolved : options.resolvedValues) {
        if (!resolved.error.isEmpty())
            continue;
        for (MigrationFile &file : repository.files)
            if (resolved.matches(file.path))
                applyResolvedValues(file, resolved);
    }
    for (const MigrationFile &file : std::as_const(repository.files))
        repository.diagnostics += file.diagnostics;
    PhaseClock clock;
    repository.graph = RevisionGraph(repository.files);
    clock.lap("load.graph");
    repository.diagnostics += repository.graph.diagnostics();
    return repository;
}

Repository RepositoryLoader::load(const QString &argument, const LoadOptions &options)
{
    Repository repository;
    repository.layout = RepositoryLocator::locate(argument);
    repository.diagnostics += repository.layout.diagnostics;
    if (!repository.layout.found)
        return repository;

    PhaseClock clock;
    const VersionFiles versionFiles = VersionScanner::scan(repository.layout);
    repository.diagnostics += versionFiles.diagnostics;
    clock.lap("load.scan");
    repository.files = parseAll(versionFiles.paths, options);
    clock.lap("load.parse");
    if (options.cancel && options.cancel->load()) {
        repository.cancelled = true;
        repository.files.clear();
        return repository;
    }
    return assembled(std::move(repository), options);
}

} // namespace headway
