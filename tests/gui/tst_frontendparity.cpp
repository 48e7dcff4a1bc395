// One set of scenarios through both front ends: each starts from its own fresh
// copy of the demo, runs once through headway-cli (a real process, --json) and
// once through the window's MigrationController, and the two must agree on the
// plan, the database before and after, the backup decision, the outcome, the
// failure's explanation and the migrations behind it.
#include "database/MigrationController.h"
#include "demo/DemoWorkspace.h"
#include "session/RepositorySession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace headway;

namespace {

constexpr int kCommandTimeoutMs = 180000;

// What both front ends must agree on, in the CLI's JSON vocabulary.
struct Verdict {
    bool ok = false;
    QStringList planned;
    QStringList before;
    QStringList after;
    bool backedUp = false;
    QString explanation;  // code
    QString failingRevision;
    QStringList creators;

    QString describe() const
    {
        return QStringLiteral("ok=%1 planned=[%2] before=[%3] after=[%4] backup=%5 explanation=%6 failing=%7 creators=[%8]")
            .arg(ok)
            .arg(planned.join(QLatin1Char(' ')), before.join(QLatin1Char(' ')), after.join(QLatin1Char(' ')))
            .arg(backedUp)
            .arg(explanation, failingRevision, creators.join(QLatin1Char(' ')));
    }
};

QStringList strings(const QJsonValue &value, bool sorted)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    if (sorted)
        list.sort();
    return list;
}

QStringList idsOf(const Repository &repository, const QList<int> &revisions, bool sorted)
{
    QStringList ids;
    for (int revision : revisions)
        ids.append(repository.graph.node(revision).id);
    if (sorted)
        ids.sort();
    return ids;
}

} // namespace

class TestFrontEndParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bothFrontEndsAgree_data();
    void bothFrontEndsAgree();

private:
    QString freshDemo();
    Verdict throughCli(const QString &demo, const QString &command, const QString &target, const QString &setUp);
    Verdict throughGui(const QString &demo, const QString &command, const QString &target, const QString &setUp);

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    int m_copies = 0;
};

void TestFrontEndParity::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.filePath(QStringLiteral("home")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    std::setlocale(LC_NUMERIC, "C");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
    qRegisterMetaType<OperationResult>();
    QVERIFY2(!qEnvironmentVariableIsEmpty("HEADWAY_CLI"), "HEADWAY_CLI is not set (ctest sets it)");
}

QString TestFrontEndParity::freshDemo()
{
    const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(),
                                                            m_dir.filePath(QStringLiteral("demo%1").arg(++m_copies)));
    return demo.ok() ? demo.path : QString();
}

void TestFrontEndParity::bothFrontEndsAgree_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("setUp"); // upgraded to this first, through the CLI, in both copies
    QTest::newRow("upgrade to the fork's head") << "upgrade" << "b3a83eea3022" << "";
    QTest::newRow("upgrade by a unique prefix") << "upgrade" << "f5f75b" << "";
    QTest::newRow("upgrade to every head: the index exists twice") << "upgrade" << "heads" << "";
    QTest::newRow("upgrade an existing database (backed up)") << "upgrade" << "c8f06bd407a8" << "e8cecfb4a97c";
    QTest::newRow("downgrade to base") << "downgrade" << "base" << "c8f06bd407a8";
    QTest::newRow("step back one") << "downgrade" << "-1" << "f5f75ba428db";
    QTest::newRow("stamp") << "stamp" << "f5f75ba428db" << "";
}

void TestFrontEndParity::bothFrontEndsAgree()
{
    QFETCH(QString, command);
    QFETCH(QString, target);
    QFETCH(QString, setUp);
    const QString forCli = freshDemo();
    const QString forGui = freshDemo();
    QVERIFY(!forCli.isEmpty() && !forGui.isEmpty());
    const Verdict cli = throughCli(forCli, command, target, setUp);
    const Verdict gui = throughGui(forGui, command, target, setUp);
    const QString both = QStringLiteral("\n cli: %1\n gui: %2").arg(cli.describe(), gui.describe());
    QVERIFY2(cli.ok == gui.ok, qPrintable(both));
    QVERIFY2(cli.planned == gui.planned, qPrintable(both));
    QVERIFY2(cli.before == gui.before, qPrintable(both));
    QVERIFY2(cli.after == gui.after, qPrintable(both));
    QVERIFY2(cli.backedUp == gui.backedUp, qPrintable(both));
    QVERIFY2(cli.explanation == gui.explanation, qPrintable(both));
    QVERIFY2(cli.failingRevision == gui.failingRevision, qPrintable(both));
    QVERIFY2(cli.creators == gui.creators, qPrintable(both));
    // The scenarios mean something: a set-up database is there before the command.
    QCOMPARE(cli.before.isEmpty(), setUp.isEmpty());
}

Verdict TestFrontEndParity::throughCli(const QString &demo, const QString &command, const QString &target,
                                       const QString &setUp)
{
    const auto run = [&demo](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(demo);
        process.start(qEnvironmentVariable("HEADWAY_CLI"), arguments);
        process.waitForFinished(kCommandTimeoutMs);
        return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    };
    if (!setUp.isEmpty())
        run({QStringLiteral("upgrade"), setUp, demo, QStringLiteral("--json")});
    QStringList arguments{command, target, demo, QStringLiteral("--json")};
    if (command != QLatin1String("upgrade"))
        arguments.append(QStringLiteral("--yes")); // the window's caller confirmed too
    const QJsonObject json = run(arguments);
    Verdict verdict;
    verdict.ok = json.value(QStringLiteral("ok")).toBool();
    verdict.planned = strings(json.value(QStringLiteral("planned")), false);
    verdict.before = strings(json.value(QStringLiteral("before")), true);
    verdict.after = strings(json.value(QStringLiteral("after")), true);
    verdict.backedUp = json.value(QStringLiteral("backup")).isString();
    verdict.explanation = json.value(QStringLiteral("explanation")).toObject().value(QStringLiteral("code")).toString();
    const QJsonObject failure = json.value(QStringLiteral("failure")).toObject();
    verdict.failingRevision = failure.value(QStringLiteral("revision")).toString();
    verdict.creators = strings(failure.value(QStringLiteral("creators")), true);
    return verdict;
}

Verdict TestFrontEndParity::throughGui(const QString &demo, const QString &command, const QString &target,
                                       const QString &setUp)
{
    if (!setUp.isEmpty()) { // the same starting point, made the same way
        QProcess process;
        process.start(qEnvironmentVariable("HEADWAY_CLI"), {QStringLiteral("upgrade"), setUp, demo});
        process.waitForFinished(kCommandTimeoutMs);
    }
    RepositorySession session;
    MigrationController controller(&session);
    session.open(demo);
    const bool ready = QTest::qWaitFor([&controller] {
        return controller.hasRepository() && !controller.isPreparing() && !controller.isBusy()
               && controller.isDatabaseStateKnown();
    }, kCommandTimeoutMs);
    if (!ready)
        return {};
    Verdict verdict;
    QSignalSpy results(&controller, &MigrationController::operationResult);
    const bool started = command == QLatin1String("upgrade")     ? controller.upgrade(target)
                         : command == QLatin1String("downgrade") ? controller.downgrade(target)
                                                                 : controller.stamp(target);
    if (!started)
        return verdict;
    if (!results.wait(kCommandTimeoutMs))
        return verdict;
    const OperationResult result = results.first().first().value<OperationResult>();
    const Repository &repository = *controller.repository();
    verdict.ok = result.succeeded();
    verdict.planned = idsOf(repository,
                            result.plan.kind == MigrationPlan::Kind::Stamp ? result.plan.markedApplied : result.plan.revisions,
                            false);
    verdict.before = result.before.revisions;
    verdict.before.sort();
    verdict.after = result.after.revisions;
    verdict.after.sort();
    verdict.backedUp = result.backup.made();
    verdict.explanation = result.explanation.code;
    if (result.site.failingRevision >= 0)
        verdict.failingRevision = repository.graph.node(result.site.failingRevision).id;
    verdict.creators = idsOf(repository, result.site.creators, true);
    return verdict;
}

QTEST_MAIN(TestFrontEndParity)
#include "tst_frontendparity.moc"
