// A sequence runs its steps one after another as real subprocesses (plain
// /bin/sh here): output is streamed line by line, the first failure stops the
// rest unless the step is optional, and a cancel, a timeout and a program that
// does not exist are each reported as what they are (a cancel is no failure).
#include "runner/CommandSequence.h"

#include <QSignalSpy>
#include <QtTest>

using namespace headway;

namespace {

constexpr int kWaitMs = 30000; // generous: the machine running the tests may be busy

// "script" runs `/bin/sh -c script`; a leading '?' makes the step optional; "!" alone
// names a program that does not exist.
CommandStep stepFromSpec(QString spec, int index)
{
    CommandStep step;
    step.optional = spec.startsWith(QLatin1Char('?'));
    if (step.optional)
        spec.remove(0, 1);
    step.title = QStringLiteral("step %1").arg(index);
    step.line = spec == QLatin1String("!")
                    ? CommandLine{QStringLiteral("/nonexistent/headway-no-such-program"), {}, {}, {}}
                    : CommandLine{QStringLiteral("/bin/sh"), {QStringLiteral("-c"), spec}, {}, {}};
    return step;
}

QList<CommandStep> stepsFromSpecs(const QStringList &specs)
{
    QList<CommandStep> steps;
    for (const QString &spec : specs)
        steps += stepFromSpec(spec, static_cast<int>(steps.size()));
    return steps;
}

QString describe(const StepResult &result)
{
    if (result.skipped)
        return QStringLiteral("skipped");
    switch (result.result.outcome) {
    case CommandResult::Outcome::Succeeded: return QStringLiteral("succeeded");
    case CommandResult::Outcome::Failed: return QStringLiteral("failed %1").arg(result.result.exitCode);
    case CommandResult::Outcome::Cancelled: return QStringLiteral("cancelled");
    case CommandResult::Outcome::TimedOut: return QStringLiteral("timed out");
    case CommandResult::Outcome::FailedToStart: return QStringLiteral("failed to start");
    }
    return {};
}

QStringList describe(const QList<StepResult> &results)
{
    QStringList list;
    for (const StepResult &result : results)
        list += describe(result);
    return list;
}

// Everything a sequence tells its listeners, in the order it told them.
struct EventLog {
    QStringList events;

    void listenTo(CommandSequence &sequence)
    {
        QObject::connect(&sequence, &CommandSequence::stepStarted, &sequence, [this](int index, const CommandStep &) {
            events += QStringLiteral("start %1").arg(index);
        });
        QObject::connect(&sequence, &CommandSequence::outputLine, &sequence, [this](const QString &line) {
            events += QStringLiteral("line ") + line;
        });
        QObject::connect(&sequence, &CommandSequence::stepFinished, &sequence, [this](int index, const StepResult &result) {
            events += QStringLiteral("finish %1 %2").arg(index).arg(describe(result));
        });
        QObject::connect(&sequence, &CommandSequence::finished, &sequence, [this](bool succeeded) {
            events += succeeded ? QStringLiteral("done: succeeded") : QStringLiteral("done: failed");
        });
    }
};

} // namespace

class TestCommandSequence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CommandStep>();
        qRegisterMetaType<StepResult>();
    }

    void runsStepsInOrder_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QStringList>("outcomes");
        QTest::addColumn<bool>("succeeded");

        QTest::newRow("every step succeeds")
            << QStringList{"echo one", "echo two"}
            << QStringList{"start 0", "line one", "finish 0 succeeded", "start 1", "line two", "finish 1 succeeded", "done: succeeded"}
            << QStringList{"succeeded", "succeeded"} << true;
        QTest::newRow("the first failure skips the rest")
            << QStringList{"echo one", "echo two; exit 3", "echo three"}
            << QStringList{"start 0", "line one", "finish 0 succeeded", "start 1", "line two", "finish 1 failed 3", "done: failed"}
            << QStringList{"succeeded", "failed 3", "skipped"} << false;
        QTest::newRow("an optional failure goes on")
            << QStringList{"echo one", "?echo two; exit 2", "echo three"}
            << QStringList{"start 0", "line one", "finish 0 succeeded", "start 1", "line two", "finish 1 failed 2",
                           "start 2", "line three", "finish 2 succeeded", "done: succeeded"}
            << QStringList{"succeeded", "failed 2", "succeeded"} << true;
        QTest::newRow("a required failure after an optional one")
            << QStringList{"?exit 1", "exit 4", "echo never"}
            << QStringList{"start 0", "finish 0 failed 1", "start 1", "finish 1 failed 4", "done: failed"}
            << QStringList{"failed 1", "failed 4", "skipped"} << false;
        QTest::newRow("an optional last step fails")
            << QStringList{"echo a", "?exit 9"}
            << QStringList{"start 0", "line a", "finish 0 succeeded", "start 1", "finish 1 failed 9", "done: succeeded"}
            << QStringList{"succeeded", "failed 9"} << true;
        QTest::newRow("a program that does not exist")
            << QStringList{"!", "echo never"}
            << QStringList{"start 0", "finish 0 failed to start", "done: failed"}
            << QStringList{"failed to start", "skipped"} << false;
        QTest::newRow("an optional program that does not exist")
            << QStringList{"?!", "echo after"}
            << QStringList{"start 0", "finish 0 failed to start", "start 1", "line after", "finish 1 succeeded", "done: succeeded"}
            << QStringList{"failed to start", "succeeded"} << true;
        QTest::newRow("killed by a signal")
            << QStringList{"kill -KILL $$", "echo never"}
            << QStringList{"start 0", "finish 0 failed -1", "done: failed"}
            << QStringList{"failed -1", "skipped"} << false;
        QTest::newRow("stderr, CRLF and an unfinished last line")
            << QStringList{"echo out; echo err >&2; printf 'crlf\\r\\nlast'"}
            << QStringList{"start 0", "line out", "line err", "line crlf", "line last", "finish 0 succeeded", "done: succeeded"}
            << QStringList{"succeeded"} << true;
        QTest::newRow("no steps") << QStringList{} << QStringList{"done: succeeded"} << QStringList{} << true;
    }

    void runsStepsInOrder()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, events);
        QFETCH(QStringList, outcomes);
        QFETCH(bool, succeeded);
        EventLog log;
        CommandSequence sequence(stepsFromSpecs(steps));
        log.listenTo(sequence);
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        QVERIFY2(sequence.isRunning(), "running from start() on, not from the first step");
        QVERIFY2(finished.wait(kWaitMs), "the sequence never finished");
        QCOMPARE(log.events, events);
        QCOMPARE(describe(sequence.results()), outcomes);
        QCOMPARE(sequence.succeeded(), succeeded);
        QCOMPARE(finished.first().first().toBool(), succeeded);
        QVERIFY(!sequence.isRunning());
        for (int i = 0; i < sequence.results().size(); ++i)
            QCOMPARE(sequence.results().at(i).step.title, sequence.steps().at(i).title);
    }

    void outputStreamsWhileAStepRuns()
    {
        CommandSequence sequence(stepsFromSpecs({"echo first; exec sleep 120", "echo never"}));
        QSignalSpy lines(&sequence, &CommandSequence::outputLine);
        QSignalSpy stepFinished(&sequence, &CommandSequence::stepFinished);
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        QVERIFY2(lines.wait(kWaitMs), "the line printed before the sleep never arrived");
        QCOMPARE(lines.first().first().toString(), QStringLiteral("first"));
        QVERIFY2(stepFinished.isEmpty() && sequence.isRunning(), "the line must arrive while the step still runs");
        sequence.cancel();
        QVERIFY2(finished.wait(kWaitMs), "cancel did not end the sleeping step");
        QCOMPARE(describe(sequence.results()), (QStringList{"cancelled", "skipped"}));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(lines.size(), 1);
    }

    void cancelRightAfterAStepStartsStillCancels()
    {
        // The step's process starts on a later event-loop turn; a cancel in between must not be lost.
        CommandSequence sequence(stepsFromSpecs({"exec sleep 120", "echo never"}));
        connect(&sequence, &CommandSequence::stepStarted, &sequence, &CommandSequence::cancel);
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        QVERIFY2(finished.wait(kWaitMs), "the cancel was lost: the step ran on");
        QCOMPARE(describe(sequence.results()), (QStringList{"cancelled", "skipped"}));
    }

    void cancelBeforeTheFirstStepRunsNothing()
    {
        CommandSequence sequence(stepsFromSpecs({"echo never"}));
        QSignalSpy started(&sequence, &CommandSequence::stepStarted);
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        sequence.cancel();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(started.isEmpty());
        QCOMPARE(describe(sequence.results()), QStringList{"skipped"});
        QVERIFY(!sequence.succeeded());
    }

    void cancelWhenIdleChangesNothing()
    {
        CommandSequence sequence(stepsFromSpecs({"echo ran"}));
        sequence.cancel(); // not running: nothing to cancel, and no cancel is remembered
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(describe(sequence.results()), QStringList{"succeeded"});
    }

    void timeoutIsReportedAsTimedOut_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("outcomes");
        QTest::addColumn<bool>("succeeded");
        QTest::newRow("required step") << QStringList{"exec sleep 120", "echo never"}
                                       << QStringList{"timed out", "skipped"} << false;
        QTest::newRow("optional step") << QStringList{"?exec sleep 120", "echo after"}
                                       << QStringList{"timed out", "succeeded"} << true;
    }

    void timeoutIsReportedAsTimedOut()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, outcomes);
        QFETCH(bool, succeeded);
        CommandSequence sequence(stepsFromSpecs(steps));
        sequence.setTimeout(300);
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        QVERIFY2(finished.wait(kWaitMs), "the timeout did not end the sleeping step");
        QCOMPARE(describe(sequence.results()), outcomes);
        QCOMPARE(sequence.succeeded(), succeeded);
    }

    void failuresAreExplained()
    {
        CommandSequence sequence(stepsFromSpecs({"?echo ok", "echo 'sqlite3.OperationalError: database is locked'; exit 1"}));
        sequence.runToEnd();
        QCOMPARE(describe(sequence.results()), (QStringList{"succeeded", "failed 1"}));
        QVERIFY2(sequence.results().at(0).explanation.code.isEmpty(), "a step that succeeded needs no explanation");
        QCOMPARE(sequence.results().at(1).explanation.code, QStringLiteral("database-locked"));
        QVERIFY(sequence.results().at(1).result.output.contains("database is locked"));
    }

    void startWhileRunningIsIgnoredAndARunCanBeRepeated()
    {
        CommandSequence sequence(stepsFromSpecs({"echo once"}));
        QSignalSpy started(&sequence, &CommandSequence::stepStarted);
        QSignalSpy finished(&sequence, &CommandSequence::finished);
        sequence.start();
        sequence.start();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(started.size(), 1);
        sequence.runToEnd(); // a second run starts afresh
        QCOMPARE(started.size(), 2);
        QCOMPARE(describe(sequence.results()), QStringList{"succeeded"});
        QVERIFY(sequence.succeeded());
    }
};

QTEST_GUILESS_MAIN(TestCommandSequence)
#include "tst_commandsequence.moc"
