// How long Headway takes to predict what an upgrade or downgrade will run
// (MigrationPlanner, from the files alone) next to Alembic computing the same
// steps (ScriptDirectory._upgrade_revs / _downgrade_revs, the calls `alembic
// upgrade` and `alembic downgrade` make) on the same generated histories, in
// the same run. Loading is timed apart from planning on both sides. Prints a
// Markdown table.
//
//   bench_plan [--sizes 500,2000,20000] [--repeat 5] [--python PATH]
#include "HistoryGenerator.h"
#include "MedianTime.h"
#include "plan/MigrationPlanner.h"
#include "repository/RepositoryLoader.h"
#include "runner/InterpreterDiscovery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace headway;

namespace {

using testsupport::medianMs;

const char alembicTimer[] = R"PY(
import json, statistics, sys, time
from alembic.config import Config
from alembic.script import ScriptDirectory
sys.dont_write_bytecode = True
directory, repeat = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
script = ScriptDirectory.from_config(Config(directory + "/alembic.ini"))
heads = tuple(script.get_heads())
load = (time.perf_counter() - start) * 1000
def median(work):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        steps = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(steps)
up, up_count = median(lambda: script._upgrade_revs("heads", ()))
down, down_count = median(lambda: script._downgrade_revs("base", heads))
print(json.dumps({"load_ms": load, "upgrade_ms": up, "upgrade_steps": up_count,
                  "downgrade_ms": down, "downgrade_steps": down_count}))
)PY";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("sizes"), QStringLiteral("Revision counts."), QStringLiteral("list"),
                        QStringLiteral("500,2000,20000")},
                       {QStringLiteral("repeat"), QStringLiteral("Timed runs per figure."), QStringLiteral("n"),
                        QStringLiteral("5")},
                       {QStringLiteral("python"), QStringLiteral("Interpreter with Alembic (default: discovered)."),
                        QStringLiteral("path")}});
    parser.process(app);
    QTextStream out(stdout);
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    QString python = parser.value(QStringLiteral("python"));
    if (python.isEmpty())
        python = InterpreterDiscovery::find(QDir::currentPath(), {QStringLiteral("alembic")}).path;
    if (python.isEmpty()) {
        QTextStream(stderr) << "bench_plan: no interpreter with Alembic found; pass --python\n";
        return 1;
    }

    out << "| revisions | heads | steps up / down | Headway load | Headway plan up | Headway plan down "
           "| Alembic load | Alembic up | Alembic down | ratio up | ratio down |\n"
        << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    QTemporaryDir workspace;
    for (const QString &sizeText : parser.value(QStringLiteral("sizes")).split(QLatin1Char(','))) {
        const int size = sizeText.toInt();
        testsupport::HistorySpec spec;
        spec.seed = static_cast<quint64>(size);
        spec.revisionCount = size;
        spec.branchProbability = 0.05;
        spec.mergeProbability = 0.5;
        spec.flaskBodies = true;
        const QString root = workspace.filePath(QStringLiteral("h%1").arg(size));
        testsupport::writeHistory(root, spec);

        QElapsedTimer loadClock;
        loadClock.start();
        const Repository repository = RepositoryLoader::load(root);
        repository.graph.historyOrder();
        const double loadMs = loadClock.nsecsElapsed() / 1e6;
        const MigrationPlanner planner(repository.graph);
        QStringList heads;
        for (int head : repository.graph.heads())
            heads += repository.graph.node(head).id;
        qsizetype upSteps = 0, downSteps = 0;
        const double up = medianMs(repeat, [&] { upSteps = planner.upgrade({}, QStringLiteral("heads")).revisions.size(); });
        const double down = medianMs(repeat, [&] { downSteps = planner.downgrade(heads, QStringLiteral("base")).revisions.size(); });

        QProcess alembic;
        alembic.start(python, {QStringLiteral("-c"), QString::fromUtf8(alembicTimer), root, QString::number(repeat)});
        if (!alembic.waitForFinished(-1) || alembic.exitCode() != 0) {
            QTextStream(stderr) << "bench_plan: Alembic failed: " << alembic.readAllStandardError() << '\n';
            return 1;
        }
        const QJsonObject a = QJsonDocument::fromJson(alembic.readAllStandardOutput()).object();
        if (a.value(QStringLiteral("upgrade_steps")).toInt() != upSteps
            || a.value(QStringLiteral("downgrade_steps")).toInt() != downSteps) {
            QTextStream(stderr) << "bench_plan: step counts differ from Alembic's at " << size << '\n';
            return 1;
        }
        const auto ms = [](double value) -> QString { return QString::number(value, 'f', value < 10 ? 2 : 1) + QStringLiteral(" ms"); };
        out << "| " << size << " | " << heads.size() << " | " << upSteps << " / " << downSteps << " | " << ms(loadMs)
            << " | " << ms(up) << " | " << ms(down) << " | " << ms(a.value(QStringLiteral("load_ms")).toDouble())
            << " | " << ms(a.value(QStringLiteral("upgrade_ms")).toDouble()) << " | "
            << ms(a.value(QStringLiteral("downgrade_ms")).toDouble()) << " | "
            << QString::number(a.value(QStringLiteral("upgrade_ms")).toDouble() / up, 'f', 1) << "× | "
            << QString::number(a.value(QStringLiteral("downgrade_ms")).toDouble() / down, 'f', 1) << "× |\n";
        out.flush();
    }
    return 0;
}
