// The core workflow that both front ends run commands through: the one rule
// for time limits, commands built from the plan's resolved revisions, and the
// real flask db on a copy of the demo — a declined confirmation runs nothing,
// nobody to ask means nothing runs, a cancel is told apart from a timeout and a
// failure, a SQLite database is backed up before a change, refusals come
// before anything runs, and the failure of a merged history names both
// migrations that create the same index.
#include "TestFiles.h"
#include "repository/RepositoryLoader.h"
#include "workflow/CommandConfirmation.h"
#include "workflow/DatabaseChange.h"
#include "workflow/Workflow.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

constexpr int kCommandTimeoutMs = 180000;

const QString kUserPreferences = QStringLiteral("b3a83eea3022");
const QString kPostSlug = QStringLiteral("dd710196dcb0");
const QString kCreatedAt = QStringLiteral("c8f06bd407a8");
const QString kUserTable = QStringLiteral("e8cecfb4a97c");

void copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &entry : QDir(from).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry.fileName() == QLatin1String("__pycache__") || entry.suffix() == QLatin1String("db"))
            continue;
        if (entry.isDir())
            copyTree(entry.filePath(), to + QLatin1Char('/') + entry.fileName());
        else
            QFile::copy(entry.filePath(), to + QLatin1Char('/') + entry.fileName());
    }
}

// Answers every confirmation with `accept` and keeps what was asked.
class ScriptedConfirmer : public Confirmer
{
public:
    explicit ScriptedConfirmer(bool accept)
        : m_accept(accept)
    {
    }
    void confirm(const CommandConfirmation &confirmation, std::function<void(bool)> answer) override
    {
        asked.append(confirmation);
        answer(m_accept);
    }
    QList<CommandConfirmation> asked;

private:
    bool m_accept;
};

class RecordingLog : public OperationLog
{
public:
    void outputLine(const QString &line) override { lines.append(line); }
    void note(const QString &text) override { notes.append(text); }
    QStringList lines;
    QStringList notes;
};

QStringList idsOf(const RevisionGraph &graph, const QList<int> &revisions)
{
    QStringList ids;
    for (int revision : revisions)
        ids.append(graph.node(revision).id);
    return ids;
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_work;
    int m_copies = 0;
    QString m_demoPath; // the newest copy

    // A fresh copy of the demo, loaded, with its tool prepared and the database read.
    OperationContext demoContext(const QByteArray &extraMigration = {})
    {
        const QString path = m_work.filePath(QStringLiteral("demo%1").arg(++m_copies));
        m_demoPath = path;
        copyTree(QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo"), path);
        if (!extraMigration.isEmpty())
            test::writeFile(path + QStringLiteral("/migrations/versions/ee00ff11aa22_slow.py"), extraMigration);
        OperationContext context;
        context.repository = std::make_shared<const Repository>(RepositoryLoader::load(path));
        RunSettings settings;
        settings.timeoutSeconds = kCommandTimeoutMs / 1000;
        context.tool = MigrationTool::prepare(*context.repository, settings);
        if (context.tool.ready())
            context.database = run(context, OperationRequest::of(OperationKind::Current), {}).after;
        return context;
    }

    static OperationResult run(const OperationContext &context, const OperationRequest &request, WorkflowPorts ports)
    {
        QObject owner;
        return Workflow::create(context, request, ports, &owner)->runToEnd();
    }

    static OperationRequest planned(OperationKind kind, const OperationContext &context, const QString &target)
    {
        OperationRequest request = OperationRequest::of(kind);
        request.plan = Workflow::plan(kind, *context.repository, context.database, target);
        return request;
    }

    static QByteArray slowMigration()
    {
        return "\"\"\"slow data fix\n\"\"\"\nimport time\n\n"
               "revision = 'ee00ff11aa22'\ndown_revision = 'b3a83eea3022'\nbranch_labels = None\ndepends_on = None\n\n\n"
               "def upgrade():\n    print('started the slow data fix', flush=True)\n    time.sleep(600)\n\n\n"
               "def downgrade():\n    pass\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Settings and backups go to the test's own directories, never the user's.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QVERIFY(m_work.isValid());
    }

    void timeoutsFollowOneRule_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("seconds"); // 0: refused
        QTest::newRow("not a number") << "abc" << 0;
        QTest::newRow("negative") << "-5" << 0;
        QTest::newRow("zero") << "0" << 0;
        QTest::newRow("overflows an int") << "99999999999" << 0;
        QTest::newRow("one past a day") << "86401" << 0;
        QTest::newRow("a fraction") << "1.5" << 0;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("one second") << "1" << 1;
        QTest::newRow("a day") << "86400" << 86400;
        QTest::newRow("spaces around") << " 30 " << 30;
    }

    void timeoutsFollowOneRule()
    {
        QFETCH(QString, text);
        QFETCH(int, seconds);
        QString error;
        const std::optional<int> parsed = RunSettings::parseTimeout(text, QStringLiteral("--timeout"), &error);
        if (seconds == 0) {
            QVERIFY2(!parsed, qPrintable(QStringLiteral("'%1' was accepted as %2 s").arg(text).arg(parsed.value_or(-1))));
            QVERIFY2(error.contains(QLatin1String("--timeout")) && error.contains(QLatin1String("86400")), qPrintable(error));
        } else {
            QCOMPARE(parsed.value_or(-1), seconds);
            QVERIFY(RunSettings::isValidTimeout(seconds));
        }
    }

    void commandsCarryTheResolvedRevision_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("argument");
        QTest::newRow("full id") << "bbbb22222222" << "bbbb22222222";
        QTest::newRow("unique prefix") << "bbbb" << "bbbb22222222";
        QTest::newRow("branch label") << "feature" << "cccc33333333";
        QTest::newRow("every head") << "heads" << "heads";
        QTest::newRow("base") << "base" << "base";
        QTest::newRow("relative") << "-1" << "-1";
        QTest::newRow("branch-relative") << "cccc33333333@-1" << "cccc33333333@-1";
        QTest::newRow("ambiguous prefix stays as typed") << "aa" << "aa";
    }

    void commandsCarryTheResolvedRevision()
    {
        QFETCH(QString, target);
        QFETCH(QString, argument);
        QTemporaryDir directory;
        const QString versions = directory.filePath(QStringLiteral("versions"));
        test::writeFile(versions + QStringLiteral("/a.py"), test::migration(QStringLiteral("aaaa11111111"), {}));
        test::writeFile(versions + QStringLiteral("/a2.py"), test::migration(QStringLiteral("aaab11111111"), {}));
        test::writeFile(versions + QStringLiteral("/b.py"), test::migration(QStringLiteral("bbbb22222222"), QStringLiteral("aaaa11111111")));
        test::writeFile(versions + QStringLiteral("/c.py"),
                        test::migration(QStringLiteral("cccc33333333"), QStringLiteral("bbbb22222222"), QStringLiteral("change"),
                                        QStringLiteral("branch_labels = ('feature',)")));
        const Repository repository = RepositoryLoader::load(versions);
        QCOMPARE(repository.graph.size(), 4);
        MigrationPlan plan;
        plan.target = target;
        QCOMPARE(DatabaseChange::commandTarget(plan, repository.graph), argument);
    }

    void aDeclinedConfirmationRunsNothing()
    {
        OperationContext context = demoContext();
        if (!context.tool.ready())
            QSKIP(qPrintable(context.tool.problem()));
        QVERIFY(run(context, planned(OperationKind::Upgrade, context, kUserPreferences), {}).outcome
                == OperationResult::Outcome::NotConfirmed);
        ScriptedConfirmer yes(true);
        const OperationResult upgraded = run(context, planned(OperationKind::Upgrade, context, kUserPreferences), {&yes});
        QVERIFY2(upgraded.succeeded(), qPrintable(upgraded.message));
        QCOMPARE(upgraded.after.revisions, QStringList{kUserPreferences});
        QCOMPARE(idsOf(context.repository->graph, upgraded.plan.revisions),
                 QStringList({kUserTable, QStringLiteral("f5f75ba428db"), kCreatedAt, kUserPreferences}));
        QCOMPARE(yes.asked.size(), 1);
        QVERIFY(!yes.asked.first().destructive);

        context.database = upgraded.after;
        ScriptedConfirmer no(false);
        const OperationResult declined = run(context, planned(OperationKind::Downgrade, context, QStringLiteral("base")), {&no});
        QCOMPARE(outcomeName(declined.outcome), outcomeName(OperationResult::Outcome::NotConfirmed));
        QCOMPARE(no.asked.size(), 1);
        QVERIFY(no.asked.first().destructive);
        QCOMPARE(no.asked.first().effects.size(), 4);
        QVERIFY2(declined.steps.isEmpty(), "a command ran although the downgrade was declined");
        const OperationResult after = run(context, OperationRequest::of(OperationKind::Current), {});
        QCOMPARE(after.after.revisions, QStringList{kUserPreferences});
    }

    void aSqliteDatabaseIsBackedUpBeforeAChange()
    {
        OperationContext context = demoContext();
        if (!context.tool.ready())
            QSKIP(qPrintable(context.tool.problem()));
        // Reading `current` made an empty database file: without it there is nothing to lose yet.
        QVERIFY(QFile::remove(m_demoPath + QStringLiteral("/demo.db")));
        ScriptedConfirmer yes(true);
        RecordingLog log;
        const OperationResult first = run(context, planned(OperationKind::Upgrade, context, kUserTable), {&yes, nullptr, &log});
        QVERIFY2(first.succeeded(), qPrintable(first.message));
        QVERIFY2(!first.backup.made(), "a database that did not exist yet was 'backed up'");
        context.database = first.after;
        const OperationResult second = run(context, planned(OperationKind::Upgrade, context, kCreatedAt), {&yes, nullptr, &log});
        QVERIFY2(second.succeeded(), qPrintable(second.message));
        QVERIFY2(second.backup.made(), qPrintable(log.notes.join(QLatin1Char('\n'))));
        QVERIFY(QFileInfo::exists(second.backup.copy));
        QVERIFY(second.backup.original.endsWith(QLatin1String("demo.db")));
        QCOMPARE(second.before.revisions, QStringList{kUserTable});
        QCOMPARE(second.after.revisions, QStringList{kCreatedAt});
        QVERIFY(!second.backup.copy.startsWith(context.repository->layout.baseDirectory));
    }

    void refusalsComeBeforeAnythingRuns_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("heads");
        QTest::newRow("a message that says nothing") << "merge" << QStringList{kUserPreferences, kPostSlug};
        QTest::newRow("an empty message") << "" << QStringList{kUserPreferences, kPostSlug};
        QTest::newRow("one head") << "user preferences with post slugs" << QStringList{kUserPreferences};
    }

    void refusalsComeBeforeAnythingRuns()
    {
        QFETCH(QString, message);
        QFETCH(QStringList, heads);
        OperationContext context = demoContext();
        if (!context.tool.ready())
            QSKIP(qPrintable(context.tool.problem()));
        OperationRequest request = OperationRequest::of(OperationKind::Merge);
        request.heads = heads;
        request.message = message;
        QVERIFY(!Workflow::refusal(context, request).isEmpty());
        const OperationResult result = run(context, request, {});
        QCOMPARE(outcomeName(result.outcome), outcomeName(OperationResult::Outcome::Refused));
        QVERIFY(result.steps.isEmpty());
        QCOMPARE(result.message, Workflow::refusal(context, request));
    }

    void aCancelIsNotAFailure()
    {
        OperationContext context = demoContext(slowMigration());
        if (!context.tool.ready())
            QSKIP(qPrintable(context.tool.problem()));
        QObject owner;
        OperationRequest request = planned(OperationKind::Upgrade, context, QStringLiteral("ee00ff11aa22"));
        request.confirmed = true;
        WorkflowOperation *operation = Workflow::create(context, request, {}, &owner);
        connect(operation, &WorkflowOperation::outputLine, operation, [operation](const QString &line) {
            if (line.contains(QLatin1String("started the slow data fix")))
                operation->cancel();
        });
        const OperationResult result = operation->runToEnd();
        QCOMPARE(outcomeName(result.outcome), outcomeName(OperationResult::Outcome::Cancelled));
        QVERIFY(!result.after.revisions.contains(QStringLiteral("ee00ff11aa22")));
        QVERIFY2(result.after.known, "the database was not read again after the cancel");
    }

    void aTimeoutIsNotACancel()
    {
        OperationContext context = demoContext(slowMigration());
        if (!context.tool.ready())
            QSKIP(qPrintable(context.tool.problem()));
        RunSettings settings = context.tool.settings();
        settings.timeoutSeconds = 3;
        context.tool = MigrationTool::prepare(*context.repository, settings);
        OperationRequest request = planned(OperationKind::Upgrade, context, QStringLiteral("ee00ff11aa22"));
        request.confirmed = true;
        const OperationResult result = run(context, request, {});
        QCOMPARE(outcomeName(result.outcome), outcomeName(OperationResult::Outcome::TimedOut));
        QVERIFY(result.message.contains(QLatin1String("timed out")));
    }

    void aMergedHistoryNamesBothCreatorsOfTheIndex()
    {
        OperationContext context = demoContext();
        if (!context.tool.ready())
            QSKIP(qPrintable(context.tool.problem()));
        ScriptedConfirmer yes(true);
        const OperationResult result = run(context, planned(OperationKind::Upgrade, context, QStringLiteral("heads")), {&yes});
        QCOMPARE(outcomeName(result.outcome), outcomeName(OperationResult::Outcome::Failed));
        QCOMPARE(result.explanation.code, QStringLiteral("already-exists"));
        QCOMPARE(result.site.objectName, QStringLiteral("ix_user_email"));
        QStringList creators = idsOf(context.repository->graph, result.site.creators);
        creators.sort();
        QCOMPARE(creators, QStringList({kUserPreferences, kPostSlug}));
        QCOMPARE(result.message, result.site.summary);
    }
};

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
