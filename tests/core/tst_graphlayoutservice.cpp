// LayoutService: layouts arrive by signal from the worker thread, never
// synchronously; only the newest request is delivered; cancel() drops a job.
#include "LayoutService.h"
#include "repository/Repository.h"

#include "LayoutHistoryGenerator.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using namespace headway;
using headway::testsupport::LayoutHistorySpec;

namespace {

// Generous: a sanitizer build on a loaded machine takes many times a normal layout's time.
constexpr int kLayoutTimeoutMs = 120000;

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
    QVERIFY2(finished.wait(kLayoutTimeoutMs), "no layoutFinished within the timeout");
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
    QVERIFY(finished.wait(kLayoutTimeoutMs));
    // The worker runs jobs in order and posts their signals in order, so anything a
    // superseded job sent has arrived before the last job's result.
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
    QVERIFY(started.wait(kLayoutTimeoutMs));
    service.cancel();
    QVERIFY(!service.isBusy());

    // The worker runs jobs in order, so this one's result comes after the cancelled one's.
    const int next = service.requestLayout(historyInput({.revisions = 20, .branchChance = 0}));
    QVERIFY2(finished.wait(kLayoutTimeoutMs), "the service stopped working after a cancel");
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), next);
}

void TestLayoutService::requestsNeverWaitForTheWorker()
{
    auto service = std::make_unique<LayoutService>();
    QSignalSpy started(service.get(), &LayoutService::layoutStarted);
    const LayoutInput slow = slowInput(); // far longer than the margin below
    service->requestLayout(slow);
    QVERIFY(started.wait(kLayoutTimeoutMs));
    for (int i = 0; i < 20; ++i)
        service->requestLayout(slow);
    // Had a request waited for the worker, the running layout would have ended and a
    // newer job would have started by now; returning at once leaves it still running.
    QCoreApplication::processEvents();
    QVERIFY2(service->isBusy(), "a request waited for the running layout to finish");
    QCOMPARE(started.count(), 1);
    service.reset(); // drops the queued requests, waits only for the running one
}

QTEST_GUILESS_MAIN(TestLayoutService)
#include "tst_graphlayoutservice.moc"
