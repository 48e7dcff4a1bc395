// `headway-cli help [COMMAND]`, the manual pages and the commands' own parsers
// agree: every command the code has is documented with exactly its options, every
// documented command exists, and each manual page names all of them.
#include "CliRun.h"
#include "HelpDocument.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway::help;
using namespace headway::test;

namespace {

HelpDocument readSource(const QString &path)
{
    QFile file(path);
    HelpParseError error;
    return file.open(QIODevice::ReadOnly) ? HelpDocument::parse(QString::fromUtf8(file.readAll()), &error) : HelpDocument();
}

QString gunzip(const QString &path)
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    gzip.waitForFinished(30000);
    return gzip.exitCode() == 0 ? QString::fromUtf8(gzip.readAllStandardOutput()) : QString();
}

QString manPage(const QString &name)
{
    return gunzip(qEnvironmentVariable("HEADWAY_BUILD_DIR") + QStringLiteral("/man/%1.1.gz").arg(name));
}

// The code's commands, from the tables the parsers are built from.
QStringList codeCommands()
{
    QStringList commands = runCli({"__complete", "commands"}).out.split('\n', Qt::SkipEmptyParts);
    commands.removeAll(QStringLiteral("help"));
    return commands;
}

QSet<QString> codeOptions(const QString &command)
{
    QSet<QString> options;
    for (const QString &line : runCli({"__complete", "options", command}).out.split('\n', Qt::SkipEmptyParts))
        options.insert(line.section('\t', 0, 0));
    options.remove(QStringLiteral("-h"));
    options.remove(QStringLiteral("--help"));
    return options;
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

    HelpDocument m_document;

private Q_SLOTS:
    void initTestCase()
    {
        m_document = readSource(QStringLiteral(HEADWAY_SOURCE_DIR "/app/cli/help/headway-cli.md"));
        QVERIFY2(m_document.isValid(), "app/cli/help/headway-cli.md does not parse (tst_helpdocument says where)");
        QVERIFY2(!codeCommands().isEmpty(), "headway-cli __complete commands printed nothing");
    }

    void everyCommandOfTheCodeIsDocumentedAndNoOther()
    {
        QStringList code = codeCommands();
        QStringList documented = m_document.commandNames();
        code.sort();
        documented.sort();
        QCOMPARE(documented, code);
    }

    void documentedOptionsAreTheParsersOptions_data()
    {
        QTest::addColumn<QString>("command");
        for (const QString &command : codeCommands())
            QTest::newRow(qPrintable(command)) << command;
    }

    void documentedOptionsAreTheParsersOptions()
    {
        QFETCH(QString, command);
        const HelpCommand *help = m_document.command(command);
        QVERIFY2(help, qPrintable(command + " has no help"));
        QSet<QString> documented;
        for (const HelpItem &option : help->options)
            for (const QString &name : option.optionNames())
                documented.insert(name);
        QCOMPARE(sorted(documented), sorted(codeOptions(command)));
    }

    void helpCommandPrintsSynopsisOptionsAndExitCodes_data() { documentedOptionsAreTheParsersOptions_data(); }

    void helpCommandPrintsSynopsisOptionsAndExitCodes()
    {
        QFETCH(QString, command);
        const CliRun run = runCli({"help", command});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("headway-cli " + command + ": "), qPrintable(run.out));
        QVERIFY2(run.out.contains("\nUsage: headway-cli " + command), qPrintable(run.out));
        QVERIFY2(run.out.contains("\nExit codes:\n  0"), qPrintable(run.out));
        for (const QString &option : codeOptions(command))
            QVERIFY2(run.out.contains(option), qPrintable(QStringLiteral("help %1 lacks %2").arg(command, option)));
    }

    void overviewListsEveryCommandAtTwoSpaces()
    {
        const CliRun run = runCli({"help"});
        QCOMPARE(run.exitCode, 0);
        static const QRegularExpression listed(QStringLiteral("^  ([a-z][a-z-]*)\\b"), QRegularExpression::MultilineOption);
        QSet<QString> names;
        for (auto it = listed.globalMatch(run.out); it.hasNext();)
            names.insert(it.next().captured(1));
        for (const QString &command : codeCommands())
            QVERIFY2(names.contains(command), qPrintable(command + " is not in the overview"));
        QVERIFY(run.out.contains("Exit codes"));
        QVERIFY(run.out.contains("headway-cli help COMMAND"));
    }

    void helpDashDashHelpAndDashHPrintTheSameOverview()
    {
        const CliRun help = runCli({"help"});
        QCOMPARE(runCli({"--help"}).out, help.out);
        QCOMPARE(runCli({"-h"}).out, help.out);
        const CliRun none = runCli({});
        QCOMPARE(none.exitCode, 64);
        QCOMPARE(none.err, help.out);
    }

    void helpForAnUnknownCommandIsAUsageError()
    {
        const CliRun run = runCli({"help", "frobnicate"});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains("no command 'frobnicate'"), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(runCli({"help", "heads", "history"}).exitCode, 64);
        QCOMPARE(runCli({"help", "__complete"}).exitCode, 64); // hidden: not documented
    }

    void commandDashDashHelpPointsToHelpCommand()
    {
        const CliRun run = runCli({"check", "--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("--format"));
        QVERIFY2(run.out.contains("headway-cli help check"), qPrintable(run.out));
    }

    void cliManPageDescribesEveryCommandAndOption()
    {
        const QString page = manPage(QStringLiteral("headway-cli"));
        QVERIFY2(!page.isEmpty(), "build/man/headway-cli.1.gz is missing or not gzip");
        QVERIFY(page.contains(".TH \"HEADWAY\\-CLI\" 1 "));
        for (const QString &command : codeCommands()) {
            QVERIFY2(page.contains(".SS \"" + command + "\"\n"), qPrintable(command + " has no section in headway-cli.1"));
            for (QString option : codeOptions(command))
                QVERIFY2(page.contains(option.replace('-', QLatin1String("\\-"))),
                         qPrintable(QStringLiteral("headway-cli.1 lacks %1 of %2").arg(option, command)));
        }
        QVERIFY(page.contains(".SH \"EXIT STATUS\""));
    }

    void guiManPageListsTheGuiOptions()
    {
        const QString gui = qEnvironmentVariable("HEADWAY_GUI");
        if (gui.isEmpty())
            QSKIP("the GUI is not built (HEADWAY_BUILD_GUI=OFF)");
        const QString page = manPage(QStringLiteral("headway"));
        QVERIFY2(!page.isEmpty(), "build/man/headway.1.gz is missing or not gzip");
        QProcess process;
        process.start(gui, {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        static const QRegularExpression option(QStringLiteral("^\\s+(?:(-\\w), )?(--[\\w-]+)"), QRegularExpression::MultilineOption);
        int seen = 0;
        for (auto it = option.globalMatch(help); it.hasNext(); ++seen) {
            const QRegularExpressionMatch match = it.next();
            for (QString name : {match.captured(1), match.captured(2)})
                if (!name.isEmpty())
                    QVERIFY2(page.contains(name.replace('-', QLatin1String("\\-"))),
                             qPrintable("headway.1 lacks " + name + " of `headway --help`"));
        }
        QVERIFY2(seen >= 5, qPrintable("could not read the options of `headway --help`:\n" + help));
        QVERIFY(page.contains("headway\\-cli(1)") || page.contains("headway-cli(1)"));
    }

    // Without a display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM, as over ssh):
    // the help, the version and a screenshot still work; the window says what is missing.
    void guiWithoutADisplay()
    {
        const QString gui = qEnvironmentVariable("HEADWAY_GUI");
        if (gui.isEmpty())
            QSKIP("the GUI is not built (HEADWAY_BUILD_GUI=OFF)");
        QTemporaryDir home;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            environment.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
        const auto run = [&](const QStringList &arguments) {
            auto process = std::make_unique<QProcess>();
            process->setProcessEnvironment(environment);
            process->start(gui, arguments);
            if (!process->waitForFinished(60000))
                process->kill();
            return process;
        };

        const auto version = run({QStringLiteral("--version")});
        QCOMPARE(version->exitStatus(), QProcess::NormalExit);
        QCOMPARE(version->exitCode(), 0);
        const QString number = runCli({"--version"}).out.trimmed().section(' ', -1); // headway-cli's, the same build's
        QVERIFY(!number.isEmpty());
        QCOMPARE(QString::fromUtf8(version->readAllStandardOutput()).trimmed(), QStringLiteral("Headway ") + number);
        const auto help = run({QStringLiteral("--help")});
        QCOMPARE(help->exitCode(), 0);
        QVERIFY(help->readAllStandardOutput().contains("--screenshot"));

        const auto window = run({});
        QCOMPARE(window->exitStatus(), QProcess::NormalExit); // Qt alone aborts
        QCOMPARE(window->exitCode(), 69);
        const QString said = QString::fromUtf8(window->readAllStandardError());
        QVERIFY2(said.contains("DISPLAY") && said.contains("headway-cli"), qPrintable(said));

        const QString picture = home.filePath(QStringLiteral("start.png"));
        const auto shot = run({QStringLiteral("--screenshot"), picture, QStringLiteral("--start-page")});
        QVERIFY2(shot->exitCode() == 0, shot->readAllStandardError().constData());
        QVERIFY(QFileInfo(picture).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_clihelp.moc"
