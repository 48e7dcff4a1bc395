// The one process wrapper: a child never sees the descriptors Headway has
// open, a program that cannot start is still reported as FailedToStart (Qt's
// own exec-failure pipe survives), the destructor asks before it kills, and
// runToCompletion gives the same behaviour to callers that wait for the answer.
#include "runner/MigrationCommand.h"
#include "runner/RunToCompletion.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

using namespace headway;

namespace {

// A descriptor opened the way careless code (or a library) does: without O_CLOEXEC.
struct InheritableFile {
    explicit InheritableFile(const QString &path)
        : fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT, 0600))
    {
    }
    ~InheritableFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
    int fd;
};

CommandLine shell(const QString &script)
{
    return {QStringLiteral("sh"), {QStringLiteral("-c"), script}, {}, {}};
}

QString visibility(int fd)
{
    return QStringLiteral("if [ -e /proc/self/fd/%1 ]; then echo visible; else echo hidden; fi").arg(fd);
}

} // namespace

class TestMigrationCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CommandResult>();
        QVERIFY(m_dir.isValid());
    }

    void aChildCannotSeeADescriptorTheParentOpened()
    {
        const InheritableFile file(m_dir.filePath("open-in-parent"));
        QVERIFY2(file.fd >= 3, "could not open a test file");
        QVERIFY(!(::fcntl(file.fd, F_GETFD) & FD_CLOEXEC));

        // The premise: a bare QProcess hands the descriptor to its child.
        QProcess bare;
        bare.start(QStringLiteral("sh"), shell(visibility(file.fd)).arguments);
        QVERIFY(bare.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(bare.readAllStandardOutput()).trimmed(), QStringLiteral("visible"));

        MigrationCommand command(shell(visibility(file.fd)));
        QSignalSpy finished(&command, &MigrationCommand::finished);
        command.start();
        QVERIFY(finished.wait(10000));
        const CommandResult result = finished.first().first().value<CommandResult>();
        QVERIFY2(result.succeeded(), qPrintable(result.output));
        QVERIFY2(result.output.trimmed() == QStringLiteral("hidden"),
                 "the child could still use a file descriptor Headway had open");
        // Still open in the parent: only the child lost it.
        QVERIFY(::fcntl(file.fd, F_GETFD) >= 0);
    }

    void onlyTheStandardStreamsReachTheChild()
    {
        const InheritableFile file(m_dir.filePath("another"));
        QVERIFY(file.fd >= 3);
        // `ls` opens the directory it lists, so list what the shell itself holds.
        const CommandResult result = runToCompletion(shell(QStringLiteral("ls /proc/$$/fd")), 10000);
        QVERIFY2(result.succeeded(), qPrintable(result.output));
        QStringList descriptors = result.output.split('\n', Qt::SkipEmptyParts);
        descriptors.sort();
        QCOMPARE(descriptors, (QStringList{"0", "1", "2"}));
    }

    void aProgramThatCannotStartIsReportedAsSuch_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("missing path") << "/nonexistent/headway-no-such-program";
        QTest::newRow("missing on PATH") << "headway-no-such-program";
        QTest::newRow("not executable") << "NOT-EXECUTABLE";
    }

    void aProgramThatCannotStartIsReportedAsSuch()
    {
        QFETCH(QString, program);
        if (program == QLatin1String("NOT-EXECUTABLE")) {
            program = m_dir.filePath("plain-file");
            QFile plain(program);
            QVERIFY(plain.open(QIODevice::WriteOnly));
            plain.write("#!/bin/sh\necho ran\n");
        }
        // Closing every descriptor in the child would close Qt's exec-failure pipe
        // too, and this would come back as "started, exited with 255".
        const CommandResult result = runToCompletion({program, {}, {}, {}}, 10000);
        QVERIFY2(result.outcome == CommandResult::Outcome::FailedToStart,
                 qPrintable(QStringLiteral("outcome %1, exit code %2: %3")
                                .arg(int(result.outcome)).arg(result.exitCode).arg(result.output)));
        QVERIFY2(result.output.contains(program), qPrintable(result.output));
    }

    void theDestructorTerminatesBeforeItKills()
    {
        const QString said = m_dir.filePath("said-goodbye");
        auto *command = new MigrationCommand(shell(
            QStringLiteral("trap 'echo bye > \"%1\"; exit 0' TERM; echo ready; while :; do sleep 0.1; done").arg(said)));
        QSignalSpy ready(command, &MigrationCommand::outputLine);
        command->start();
        QVERIFY(ready.wait(10000));
        delete command;
        QVERIFY2(QFileInfo::exists(said), "the command was killed without being asked to stop first");
    }

    void theDestructorKillsWhatIgnoresTerminate()
    {
        auto *command = new MigrationCommand(shell(QStringLiteral("trap '' TERM; echo $$; while :; do sleep 0.1; done")));
        QSignalSpy pidLine(command, &MigrationCommand::outputLine);
        command->start();
        QVERIFY(pidLine.wait(10000));
        const pid_t pid = pid_t(pidLine.first().first().toString().toLongLong());
        QVERIFY(pid > 0);
        delete command;
        QVERIFY2(::kill(pid, 0) != 0, "the child outlived its command");
    }

    void runToCompletionPassesArgumentsDirectoryAndEnvironment()
    {
        const CommandLine line{QStringLiteral("sh"),
                               {QStringLiteral("-c"), QStringLiteral("printf '%s|%s|%s' \"$1\" \"$HEADWAY_TEST_VALUE\" \"$(pwd)\""),
                                QStringLiteral("sh"), QStringLiteral("it's $(not run) ; ok")},
                               m_dir.path(),
                               {{QStringLiteral("HEADWAY_TEST_VALUE"), QStringLiteral("with spaces")}}};
        const CommandResult result = runToCompletion(line, 10000);
        QVERIFY2(result.succeeded(), qPrintable(result.output));
        QCOMPARE(result.output, QStringLiteral("it's $(not run) ; ok|with spaces|%1").arg(QDir(m_dir.path()).canonicalPath()));
    }

    void runToCompletionEndsAHungCommand()
    {
        const CommandResult result = runToCompletion(shell(QStringLiteral("exec sleep 60")), 300);
        QCOMPARE(result.outcome, CommandResult::Outcome::TimedOut);
        // A sleep left to run its minute exits 0; one the timeout stopped dies of the signal.
        QVERIFY2(result.exitCode != 0, "the timeout did not end the command: it ran to its end");
    }

    void runToCompletionWorksOnAWorkerThread()
    {
        CommandResult result;
        QThread *worker = QThread::create([&] { result = runToCompletion(shell(QStringLiteral("echo from a worker")), 10000); });
        worker->start();
        QVERIFY(worker->wait(20000));
        delete worker;
        QVERIFY2(result.succeeded(), qPrintable(result.output));
        QCOMPARE(result.output.trimmed(), QStringLiteral("from a worker"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestMigrationCommand)
#include "tst_migrationcommand.moc"
