// LayoutService: layouts arrive by signal from the worker thread, never
// synchronously; only the newest request is delivered; cancel() drops a job.
#include "LayoutService.h"
#include "repository/Repository.h"

#include "LayoutHistoryGenerator.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using namespace headway;
using headway::testsupport::LayoutHistorySpec;

namespace {

LayoutInput historyInput(LayoutHistorySpec spec, bool condense = true)
{
    Repository repository;
    repository.files = testsupport::generateLayoutHistory(spec);
    repository.graph = RevisionGraph(repository.files);
    LayoutInput input = layoutInputFor(repository, QSizeF(120, 36));
    input.options.condenseRuns = condense;
    return input;
}

// Seconds of Graphviz: uncondensed, branchy, full quality, and no layered fallback.
LayoutInput slowInput()
{
    LayoutInput input = historyInput({.revisions = 3000, .branchChance = 0.3}, false);
    input.options.graphvizNodeLimit = std::numeric_limits<int>::max();
    input.options.largeGraphNodes = std::numeric_limits<int>::max();
    return input;
}

} // namespace

class TestLayoutService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheLayoutBySignal();
    void dropsSupersededJobs();
    void cancelDropsTheRunningJob();
    void requestsNeverWaitForTheWorker();
};

void TestLayoutService::deliversTheLayoutBySignal()
{
    LayoutService service;
    QSignalSpy started(&service, &LayoutService::layoutStarted);
    QSignalSpy finished(&service, &LayoutService::layoutFinished);
    const LayoutInput input = historyInput({.revisions = 500, .seed = 9});
    const int job = service.requestLayout(input);
    QVERIFY(service.isBusy());
    QCOMPARE(finished.count(), 0); // never synchronous
    QVERIFY2(finished.wait(20000), "no layoutFinished within 20 s");
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toInt(), job);
    QCOMPARE(finished.first().first().toInt(), job);
    const auto layout = finished.first().at(1).value<GraphLayout>();
    QVERIFY(layout.succeeded);
    QCOMPARE(layout.nodes.size(), input.nodes.size());
    QVERIFY(!service.isBusy());
}

void TestLayoutService::dropsSupersededJobs()
{
    LayoutService service;
    QSignalSpy started(&service, &LayoutService::layoutStarted);
    QSignalSpy finished(&service, &LayoutService::layoutFinished);
    const LayoutInput big = historyInput({.revisions = 2000}, false);
    const LayoutInput small = historyInput({.revisions = 20, .branchChance = 0});
    const int first = service.requestLayout(big);
    const int second = service.requestLayout(big);
    const int last = service.requestLayout(small);
    QVERIFY(first < second && second < last);
    QVERIFY(finished.wait(20000));
    QTest::qWait(300); // anything a superseded job might still send
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), last);
    QCOMPARE(finished.first().at(1).value<GraphLayout>().nodes.size(), small.nodes.size());
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().first().toInt(), last);
}

void TestLayoutService::cancelDropsTheRunningJob()
{
    LayoutService service;
    QSignalSpy started(&service, &LayoutService::layoutStarted);
    QSignalSpy finished(&service, &LayoutService::layoutFinished);
    service.requestLayout(slowInput());
    QVERIFY(started.wait(20000));
    service.cancel();
    QVERIFY(!service.isBusy());

    // The worker runs jobs in order, so this one's result comes after the cancelled one's.
    const int next = service.requestLayout(historyInput({.revisions = 20, .branchChance = 0}));
    QVERIFY2(finished.wait(20000), "the service stopped working after a cancel");
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), next);
}

void TestLayoutService::requestsNeverWaitForTheWorker()
{
    QElapsedTimer timer;
    auto service = std::make_unique<LayoutService>();
    QSignalSpy started(service.get(), &LayoutService::layoutStarted);
    const LayoutInput slow = slowInput(); // far longer than the margin below
    service->requestLayout(slow);
    QVERIFY(started.wait(20000));
    timer.start();
    for (int i = 0; i < 20; ++i)
        service->requestLayout(slow);
    // Blocking would cost the running layout's whole time; returning costs microseconds.
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QStringLiteral("20 requests took %1 ms").arg(timer.elapsed())));
    service.reset(); // drops the queued requests, waits only for the running one
}

QTEST_GUILESS_MAIN(TestLayoutService)
#include "tst_graphlayoutservice.moc"
