// How long the static operations analysis takes: reading every migration's
// upgrade()/downgrade() into operations (all cores and one), and auditing every
// past merge of a history for conflicts, on generated histories whose files
// carry full Flask-Migrate autogenerate bodies. The reference, in the same
// run: Python's own parser (ast.parse) over the same files, the least a
// Python-based analysis must do, and Alembic loading its ScriptDirectory.
// Prints a Markdown table and the targets (static ≤ 300 ms for 2,000
// revisions; audit ≤ 1 s for 600 revisions with 50 merges).
//
//   bench_operations [--static 2000] [--audit 600] [--merges 50] [--repeat 5] [--python PATH]
#include "HistoryGenerator.h"
#include "MedianTime.h"
#include "conflicts/ConflictFinder.h"
#include "operations/RepositoryOperations.h"
#include "repository/RepositoryLoader.h"
#include "runner/InterpreterDiscovery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace headway;
using testsupport::medianMs;

namespace {

const char pythonTimer[] = R"PY(
import ast, glob, json, statistics, sys, time
from alembic.config import Config
from alembic.script import ScriptDirectory
sys.dont_write_bytecode = True
directory, repeat = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(directory + "/**/versions/*.py", recursive=True))
def parse_all():
    for path in files:
        with open(path, "rb") as source:
            ast.parse(source.read(), path)
times = []
for _ in range(repeat):
    start = time.perf_counter()
    parse_all()
    times.append((time.perf_counter() - start) * 1000)
start = time.perf_counter()
script = ScriptDirectory.from_config(Config(directory + "/alembic.ini"))
revisions = list(script.walk_revisions())
load = (time.perf_counter() - start) * 1000
print(json.dumps({"ast_ms": statistics.median(times), "alembic_load_ms": load, "files": len(files)}))
)PY";

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1) + QStringLiteral(" ms");
}

// A history of `size` revisions with about `merges` merge revisions and one head at the end.
QString writeAudited(const QString &root, int size, int merges)
{
    testsupport::HistorySpec spec;
    spec.seed = 600;
    spec.revisionCount = size;
    spec.flaskBodies = true;
    spec.leaveOpenHeads = false;
    spec.branchProbability = 1.1 * merges / size; // some branches never merge alone: a few more start
    spec.mergeProbability = 0.25;
    spec.maxMergeWidth = 2;
    testsupport::writeHistory(root, spec);
    return root;
}

int countMerges(const Repository &repository)
{
    int merges = 0;
    for (const RevisionNode &node : repository.graph.nodes())
        merges += node.parents.size() > 1;
    return merges;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("static"), QStringLiteral("Revisions read statically."), QStringLiteral("n"), QStringLiteral("2000")},
                       {QStringLiteral("audit"), QStringLiteral("Revisions of the audited history."), QStringLiteral("n"), QStringLiteral("600")},
                       {QStringLiteral("merges"), QStringLiteral("Merges wanted in it (about)."), QStringLiteral("n"), QStringLiteral("50")},
                       {QStringLiteral("repeat"), QStringLiteral("Timed runs per figure."), QStringLiteral("n"), QStringLiteral("5")},
                       {QStringLiteral("python"), QStringLiteral("Interpreter with Alembic (default: discovered)."), QStringLiteral("path")}});
    parser.process(app);
    QTextStream out(stdout);
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    QString python = parser.value(QStringLiteral("python"));
    if (python.isEmpty())
        python = InterpreterDiscovery::find(QDir::currentPath(), {QStringLiteral("alembic")}).path;
    if (python.isEmpty()) {
        QTextStream(stderr) << "bench_operations: no interpreter with Alembic found; pass --python\n";
        return 1;
    }
    QTemporaryDir workspace;

    // Static analysis of every file.
    const int size = parser.value(QStringLiteral("static")).toInt();
    testsupport::HistorySpec spec;
    spec.seed = quint64(size);
    spec.revisionCount = size;
    spec.flaskBodies = true;
    const QString root = workspace.filePath(QStringLiteral("static"));
    testsupport::writeHistory(root, spec);
    const Repository repository = RepositoryLoader::load(root);
    qsizetype operationCount = 0;
    const double allCores = medianMs(repeat, [&] {
        const RepositoryOperations operations = RepositoryOperations::read(repository);
        operationCount = 0;
        for (int i = 0; i < repository.files.size(); ++i)
            operationCount += operations.ofFile(i).upgrade.size() + operations.ofFile(i).downgrade.size();
    });
    const double oneCore = medianMs(repeat, [&] { RepositoryOperations::read(repository, 1); });
    QProcess reference;
    reference.start(python, {QStringLiteral("-c"), QString::fromUtf8(pythonTimer), root, QString::number(repeat)});
    if (!reference.waitForFinished(-1) || reference.exitCode() != 0) {
        QTextStream(stderr) << "bench_operations: the Python reference failed: " << reference.readAllStandardError() << '\n';
        return 1;
    }
    const QJsonObject python_ = QJsonDocument::fromJson(reference.readAllStandardOutput()).object();
    const double astMs = python_.value(QStringLiteral("ast_ms")).toDouble();
    out << "| revisions | operations | Headway, " << QThread::idealThreadCount() << " cores | Headway, 1 core "
        << "| Python ast.parse | Alembic loads the scripts | ast.parse / Headway |\n|---:|---:|---:|---:|---:|---:|---:|\n"
        << "| " << size << " | " << operationCount << " | " << ms(allCores) << " | " << ms(oneCore) << " | " << ms(astMs) << " | "
        << ms(python_.value(QStringLiteral("alembic_load_ms")).toDouble()) << " | "
        << QString::number(astMs / allCores, 'f', 1) << "× |\n\n";
    out << "Static analysis of " << size << " revisions: " << ms(allCores) << " (target ≤ 300 ms: "
        << (allCores <= 300 ? "met" : "NOT met") << ")\n\n";
    out.flush();

    // Auditing every past merge: operations read and every merge's branches compared.
    const QString audited = writeAudited(workspace.filePath(QStringLiteral("audit")), parser.value(QStringLiteral("audit")).toInt(),
                                         parser.value(QStringLiteral("merges")).toInt());
    const Repository history = RepositoryLoader::load(audited);
    qsizetype findings = 0;
    qsizetype merges = 0;
    const double audit = medianMs(repeat, [&] {
        const RepositoryOperations operations = RepositoryOperations::read(history);
        const ConflictReport report = ConflictFinder(history, operations).auditMerges();
        findings = report.findings.size();
        merges = report.merges.size();
    });
    out << "| revisions | merges | heads | findings | audit (read + every merge) |\n|---:|---:|---:|---:|---:|\n"
        << "| " << history.graph.size() << " | " << countMerges(history) << " | " << history.graph.heads().size() << " | "
        << findings << " | " << ms(audit) << " |\n\n"
        << "Audit of " << merges << " merges: " << ms(audit) << " (target ≤ 1 s: " << (audit <= 1000 ? "met" : "NOT met") << ")\n";
    return 0;
}
