// Feeds arbitrary bytes to the migration parser, several "files" at a time,
// and builds the revision graph from them: nothing may crash, hang or report
// a line outside the file. The operations reader reads each file too.
#include "graph/RevisionGraph.h"
#include "graph/RevisionResolver.h"
#include "report/RevisionName.h"
#include "operations/OperationReader.h"
#include "parser/MigrationParser.h"

#include <cstdint>
#include <cstdlib>

using namespace headway;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // The ASCII record separator splits the input into files: one input is a whole history.
    const QList<QByteArray> sources = input.split('\x1e');
    QList<MigrationFile> files;
    for (qsizetype i = 0; i < sources.size() && i < 32; ++i) {
        const QString path = QStringLiteral("/fuzz/versions/%1_file.py").arg(i);
        MigrationFile file = MigrationParser::parse(path, sources.at(i));
        // Python counts a lone carriage return as a line break too.
        const qsizetype lines = sources.at(i).count('\n') + sources.at(i).count('\r') + 2;
        for (const Diagnostic &d : std::as_const(file.diagnostics)) {
            if (d.code.isEmpty() || d.message.isEmpty() || d.line < 0 || d.line > lines)
                std::abort();
        }
        // The operations reader sees the same bytes: every operation on a line of the file.
        const MigrationOperations operations =
            OperationReader::read(std::string_view(sources.at(i).constData(), std::size_t(sources.at(i).size())));
        for (const MigrationOperation &operation : operations.upgrade + operations.downgrade)
            if (operation.line < 1 || operation.line > lines || operation.text.size() > 400)
                std::abort();
        files += std::move(file);
    }
    const RevisionGraph graph(files);
    const QList<int> &history = graph.historyOrder();
    int listed = 0;
    for (const RevisionNode &node : graph.nodes())
        listed += node.shadowed ? 0 : 1;
    if (history.size() != listed)
        std::abort(); // every revision appears in history exactly once

    // Named branches: by design only with several heads, each labelled; every
    // label's `<label>@head` resolves exactly when one head carries it.
    const NamedBranches &named = graph.namedBranches();
    if (named.byDesign() && (graph.heads().size() < 2 || !named.unlabelledHeads().isEmpty()))
        std::abort();
    const RevisionResolver resolver(graph);
    const bool sound = !hasErrors(graph.diagnostics()); // cycles and missing parents have no answer to agree on
    for (const NamedBranch &branch : named.branches()) {
        if (branch.heads.isEmpty() || named.summary().isEmpty())
            std::abort();
        // A label holding '@' cannot be named as `<label>@head`, by Alembic either.
        if (sound && !branch.label.contains(QLatin1Char('@'))
            && resolver.resolve(branch.label + QStringLiteral("@head")).ok() != (branch.heads.size() == 1))
            std::abort();
    }
    for (const RevisionNode &node : graph.nodes())
        if (displayedId(node.id).size() > 100)
            std::abort(); // what people see stays short, whatever the file says
    return 0;
}
