// How long Headway takes to lay out generated migration histories (run
// condensation + one Graphviz pass + expansion), next to Headway without
// condensation and to the reference: the `dot` executable laying out the same,
// uncondensed graph with -Tplain, with and without its depends_on edges (Headway
// draws those itself). Prints a Markdown table.
//
//   bench_layout [--sizes 500,5000,10000] [--repeat 5] [--dot /usr/bin/dot]
//                [--timeout 120] [--branch-chance 0.03] [--large-graph-nodes N] [--no-dot]
//
// Peak memory comes from getrusage: the benchmark's maximum resident set after the
// condensed layouts of that size (give sizes in increasing order) and the largest
// `dot` child so far.
#include "GraphvizContext.h"
#include "GraphvizLayoutEngine.h"
#include "LayoutHistoryGenerator.h"
#include "repository/Repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <clocale>

using namespace headway;

namespace {

LayoutInput inputFor(const QList<MigrationFile> &files)
{
    Repository repository;
    repository.files = files;
    repository.graph = RevisionGraph(files);
    return layoutInputFor(repository, QSizeF(120, 36));
}

// The uncondensed graph as a user would hand it to dot: same boxes, same separations.
QByteArray dotSource(const LayoutInput &input, bool withDependencies)
{
    const auto inches = [](qreal points) { return QByteArray::number(points / 72.0, 'f', 4); };
    QByteArray dot = "digraph revisions {\n  rankdir=BT; ranksep=" + inches(input.options.rankSeparation)
        + "; nodesep=" + inches(input.options.nodeSeparation)
        + ";\n  node [shape=box, fixedsize=true, label=\"\"];\n";
    for (int i = 0; i < input.nodes.size(); ++i) {
        const QSizeF size = input.nodes.at(i).size;
        dot += "  n" + QByteArray::number(i) + " [width=" + inches(size.width()) + ", height="
            + inches(size.height()) + "];\n";
    }
    for (const LayoutEdge &edge : input.edges) {
        if (edge.kind == LayoutEdge::Kind::Dependency && !withDependencies)
            continue;
        dot += "  n" + QByteArray::number(edge.from) + " -> n" + QByteArray::number(edge.to);
        dot += edge.kind == LayoutEdge::Kind::Dependency ? " [style=dashed, constraint=false];\n" : ";\n";
    }
    return dot + "}\n";
}

qreal maxRssMiB(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return qreal(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

struct DotRun {
    QString text; // seconds, or why there is no figure
    qreal peakMiB = 0;
};

DotRun timeDot(const QString &dotPath, const LayoutInput &input, bool withDependencies, int timeoutSeconds)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("graph.dot")));
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(dotSource(input, withDependencies)) < 0)
        return {QStringLiteral("could not write the DOT file")};
    file.close();

    QProcess dot;
    dot.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    dot.start(dotPath, {QStringLiteral("-Tplain"), QStringLiteral("-o"), dir.filePath(QStringLiteral("graph.plain")),
                        file.fileName()});
    if (!dot.waitForStarted())
        return {QStringLiteral("%1 did not start").arg(dotPath)};
    if (!dot.waitForFinished(timeoutSeconds * 1000)) {
        dot.kill();
        dot.waitForFinished();
        return {QStringLiteral("> %1 (timed out)").arg(timeoutSeconds), maxRssMiB(RUSAGE_CHILDREN)};
    }
    const qreal seconds = qreal(timer.elapsed()) / 1000.0;
    if (dot.exitStatus() != QProcess::NormalExit || dot.exitCode() != 0)
        return {QStringLiteral("failed (exit %1)").arg(dot.exitCode())};
    return {QString::number(seconds, 'f', 2), maxRssMiB(RUSAGE_CHILDREN)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // as the application does; Graphviz reads numbers in C

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("Revision counts."),
                                         QStringLiteral("list"), QStringLiteral("500,5000,10000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Layouts per size (median)."),
                                          QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption dotOption(QStringLiteral("dot"), QStringLiteral("The dot executable."),
                                       QStringLiteral("path"), QStringLiteral("/usr/bin/dot"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), QStringLiteral("Seconds to give dot."),
                                           QStringLiteral("s"), QStringLiteral("120"));
    const QCommandLineOption branchOption(QStringLiteral("branch-chance"),
                                          QStringLiteral("Chance that a revision starts a side branch."),
                                          QStringLiteral("p"), QStringLiteral("0.03"));
    const QCommandLineOption largeOption(QStringLiteral("large-graph-nodes"),
                                         QStringLiteral("LayoutOptions::largeGraphNodes (0: the default)."),
                                         QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption noDotOption(QStringLiteral("no-dot"), QStringLiteral("Skip the dot reference."));
    parser.addOptions({sizesOption, repeatOption, dotOption, timeoutOption, branchOption, largeOption,
                       noDotOption});
    parser.process(app);

    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const double branchChance = parser.value(branchOption).toDouble();
    const int timeout = parser.value(timeoutOption).toInt();
    QTextStream out(stdout);
    out << "Histories: trunk with side branches (branch chance " << branchChance
        << ", mean branch length 3), 1 in 500 revisions with depends_on. Headway: median (min-max) of "
        << repeat << " layouts.\n\n"
        << "| Revisions | Graphviz nodes | Headway | Headway uncondensed | raw `dot -Tplain` | "
           "raw `dot`, no depends_on | Peak RSS Headway | Peak RSS dot |\n"
        << "|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    out.flush();

    GraphvizContext context;
    const GraphvizLayoutEngine engine(context);
    // Median (min-max) of `repeat` layouts; the last layout in `layout`.
    const auto timeLayouts = [&](const LayoutInput &input, GraphLayout &layout) -> QString {
        QList<qint64> times;
        for (int i = 0; i < repeat; ++i) {
            layout = engine.layout(input);
            if (!layout.succeeded)
                return QStringLiteral("failed");
            times << layout.elapsedMs;
        }
        std::sort(times.begin(), times.end());
        return QStringLiteral("%1 ms (%2-%3)").arg(times.at(times.size() / 2)).arg(times.first()).arg(times.last());
    };
    const auto timeText = [](const DotRun &run) {
        return run.text.at(0).isDigit() ? run.text + QStringLiteral(" s") : run.text;
    };

    struct Row {
        LayoutInput input;
        GraphLayout layout;
        QString headway;
        qreal peakMiB = 0;
    };
    QList<Row> rows;
    // Condensed layouts first, smallest history first: then each row's peak RSS is what
    // Headway needed for that size, before the uncondensed layouts inflate it.
    for (const QString &sizeText : parser.value(sizesOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        Row row;
        row.input = inputFor(testsupport::generateLayoutHistory(
            {.revisions = sizeText.toInt(), .seed = 2024, .branchChance = branchChance, .dependsOnChance = 0.002}));
        if (const int large = parser.value(largeOption).toInt(); large > 0)
            row.input.options.largeGraphNodes = large;
        row.headway = timeLayouts(row.input, row.layout);
        row.peakMiB = maxRssMiB(RUSAGE_SELF);
        rows << row;
    }
    for (Row &row : rows) {
        LayoutInput input = row.input;
        input.options.condenseRuns = false;
        GraphLayout uncondensed;
        const QString plain = timeLayouts(input, uncondensed);
        const bool skip = parser.isSet(noDotOption);
        const DotRun dot = skip ? DotRun{QStringLiteral("skipped")}
                                : timeDot(parser.value(dotOption), input, true, timeout);
        const DotRun dotPlain = skip ? DotRun{QStringLiteral("skipped")}
                                     : timeDot(parser.value(dotOption), input, false, timeout);
        const qreal dotPeak = std::max(dot.peakMiB, dotPlain.peakMiB);
        out << "| " << input.nodes.size() << " | " << row.layout.graphvizNodes
            << (row.layout.reducedQuality ? " (large-graph settings)" : "") << " | " << row.headway << " | "
            << plain << " | " << timeText(dot) << " | " << timeText(dotPlain) << " | "
            << QString::number(row.peakMiB, 'f', 0) << " MiB | "
            << (dotPeak > 0 ? QString::number(dotPeak, 'f', 0) + QStringLiteral(" MiB") : QStringLiteral("-"))
            << " |\n";
        out.flush();
    }
    return 0;
}
