// What it costs to show a generated migration history in the graph view:
// layout (LayoutService, as the window runs it), building the scene's items,
// and painting frames through the view's own paint path into a 1920x1080
// image: the first zoomed-out frame (it also builds the BSP index), later
// zoomed-out frames, 1:1 frames with and without DeviceCoordinateCache, and
// re-styling every item for a selection. Once with the scene's BSP index and
// once with NoIndex. Prints Markdown tables.
//
//   bench_paint [--sizes 500,5000,10000] [--repeat 7] [--seed 1] [--branch-chance 0.03]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise, so the
// figures are the raster engine's, without a compositor.
#include "GraphScene.h"
#include "GraphView.h"
#include "LayoutService.h"
#include "LoadedRepository.h"
#include "RevisionItem.h"
#include "LayoutHistoryGenerator.h"
#include "MedianTime.h"
#include "repository/Repository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QTextStream>

#include <algorithm>
#include <clocale>

using namespace headway;

namespace {

struct Row {
    int revisions = 0;
    double layoutMs = 0;      // request to layoutFinished, on the GUI thread's clock
    qint64 engineMs = 0;      // what the engine reports for itself
    double historyMs = 0;     // RevisionGraph::historyOrder(), computed once per graph
    double buildMs = 0, clearMs = 0, firstFrameMs = 0, zoomedOutMs = 0, cachedMs = 0, uncachedMs = 0, highlightMs = 0;
    qreal zoom = 0;
};

using testsupport::medianMs;

GraphLayout layOut(LayoutService &service, const LayoutInput &input, double *wallMs)
{
    GraphLayout result;
    QEventLoop loop;
    QObject::connect(&service, &LayoutService::layoutFinished, &loop,
                     [&](int, const GraphLayout &layout) { result = layout; loop.quit(); });
    QElapsedTimer timer;
    timer.start();
    service.requestLayout(input);
    loop.exec();
    *wallMs = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

Row measure(const std::shared_ptr<const LoadedRepository> &loaded, double layoutMs, double historyMs,
            QGraphicsScene::ItemIndexMethod index, int repeat)
{
    const Repository &repository = *loaded->repository;
    const GraphLayout &layout = loaded->layout;
    Row row;
    row.historyMs = historyMs;
    row.revisions = repository.graph.size();
    row.layoutMs = layoutMs;
    row.engineMs = layout.elapsedMs;

    GraphView view;
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setLegendVisible(false);
    const int frame = 2 * view.frameWidth();
    view.resize(1920 + frame, 1080 + frame);
    view.show();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const auto paint = [&] { view.viewport()->render(&image); };

    view.graphScene()->setItemIndexMethod(index);
    QList<double> builds, clears;
    for (int i = 0; i < repeat; ++i) {
        builds += medianMs(1, [&] { view.showGraph(loaded); });
        QCoreApplication::processEvents(); // as in the application: items get polished, the index built
        clears += medianMs(1, [&] { view.clearGraph(); });
    }
    std::sort(builds.begin(), builds.end());
    std::sort(clears.begin(), clears.end());
    row.buildMs = builds.at(repeat / 2);
    row.clearMs = clears.at(repeat / 2);

    view.showGraph(loaded);
    view.fitToWindow();
    row.zoom = view.zoomFactor();
    view.showGraph(loaded); // a fresh scene (a reload), so the first frame builds the index
    row.firstFrameMs = medianMs(1, paint);
    row.zoomedOutMs = medianMs(repeat, paint);

    const QList<int> heads = view.highlightedHeads();
    view.resetZoom();
    view.centerOn(view.graphScene()->revisionItem(heads.value(0))->pos());
    view.graphScene()->setItemCaching(true);
    paint(); // fills the item cache
    row.cachedMs = medianMs(repeat, paint);
    view.graphScene()->setItemCaching(false);
    row.uncachedMs = medianMs(repeat, paint);

    // Alternate between the newest head and a revision halfway down the history:
    // each selection re-styles every item (lineage or dimmed).
    const QList<int> &order = repository.graph.historyOrder();
    const QList<int> targets{heads.value(0), order.value(order.size() / 2)};
    int flip = 0;
    row.highlightMs = medianMs(repeat, [&] { view.selectRevisions({targets.at(flip++ % 2)}, false); });
    return row;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // Graphviz reads numbers in the C locale

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"sizes", "Revision counts, comma-separated.", "list", "500,5000,10000"});
    parser.addOption({"repeat", "Timed runs per figure (the median is shown).", "n", "7"});
    parser.addOption({"seed", "History generator seed.", "n", "1"});
    parser.addOption({"branch-chance", "Chance that a revision starts a side branch.", "p", "0.03"});
    parser.process(app);

    QTextStream out(stdout);
    LayoutService service;
    QList<Row> bsp, noIndex;
    for (const QString &size : parser.value("sizes").split(',', Qt::SkipEmptyParts)) {
        Repository repository;
        repository.files = testsupport::generateLayoutHistory({.revisions = size.toInt(),
                                                               .seed = parser.value("seed").toULongLong(),
                                                               .branchChance = parser.value("branch-chance").toDouble()});
        repository.graph = RevisionGraph(repository.files);
        // The view's search and navigation need Alembic's history order. It is cached
        // in the graph, and copies share it, so the application should compute it on
        // the loading thread; timed here on its own and kept out of the scene build.
        const double historyMs = medianMs(1, [&] { repository.graph.historyOrder(); });
        const LayoutInput input = GraphView::layoutInputFor(repository);
        double layoutMs = 0;
        const GraphLayout layout = layOut(service, input, &layoutMs);
        if (!layout.succeeded) {
            out << "layout of " << size << " revisions failed\n";
            return 1;
        }
        const int repeat = std::max(1, parser.value("repeat").toInt());
        const auto loaded = LoadedRepository::make(std::make_shared<const Repository>(std::move(repository)),
                                                   input, layout);
        bsp += measure(loaded, layoutMs, historyMs, QGraphicsScene::BspTreeIndex, repeat);
        noIndex += measure(loaded, layoutMs, historyMs, QGraphicsScene::NoIndex, repeat);
        out.flush();
    }

    const auto table = [&out](const QString &title, const QList<Row> &rows) {
        out << "\n### " << title << "\n\n"
            << "| revisions | history order ms | layout ms (engine) | scene build ms | scene clear ms | first zoomed-out frame ms | zoomed-out frame ms "
               "| zoom | 1:1 frame ms, cached | 1:1 frame ms, uncached | re-style for a selection ms |\n"
            << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        for (const Row &r : rows)
            out << "| " << r.revisions << " | " << QString::number(r.historyMs, 'f', 1) << " | "
                << QString::number(r.layoutMs, 'f', 1) << " (" << r.engineMs << ")"
                << " | " << QString::number(r.buildMs, 'f', 1)
                << " | " << QString::number(r.clearMs, 'f', 1) << " | " << QString::number(r.firstFrameMs, 'f', 1) << " | "
                << QString::number(r.zoomedOutMs, 'f', 1) << " | " << QString::number(r.zoom, 'f', 4) << " | "
                << QString::number(r.cachedMs, 'f', 1) << " | " << QString::number(r.uncachedMs, 'f', 1)
                << " | " << QString::number(r.highlightMs, 'f', 1) << " |\n";
    };
    table("BSP tree index (what GraphScene uses)", bsp);
    table("NoIndex", noIndex);
    return 0;
}
