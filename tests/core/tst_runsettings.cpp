// Run settings and the Preferences behind them, in core: a repository that
// stored no settings starts from the defaults of Preferences while one with
// its own keeps them; preferences persist, clamp and signal only changes; the
// editor command becomes an argument list with {file} and {line} filled in,
// never a shell string.
#include "config/EditorCommand.h"
#include "config/Preferences.h"
#include "runner/RunDefaults.h"
#include "runner/RunSettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

class TestRunSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("settings"));
    }

    void init() { QSettings(QStringLiteral("Headway"), QStringLiteral("Headway")).clear(); }

    void withoutStoredDefaultsARepositoryGetsTheBuiltInPresets()
    {
        QCOMPARE(RunDefaultsStore::load(), RunDefaults{});
        QCOMPARE(RunSettingsStore::load(repository("plain")), RunSettings{});
    }

    void defaultsFlowIntoARepositoryWithoutSettingsOfItsOwn()
    {
        RunSettings own;
        own.environment = {{"SERVER_NAME", "own.example"}};
        own.python = "/opt/own/bin/python";
        own.upstreamRef = "origin/own";
        own.testEngine = "sqlite";
        RunSettingsStore::save(repository("own"), own);

        RunDefaults defaults;
        defaults.environment = {{"SERVER_NAME", "localhost"}, {"FLASK_DEBUG", "0"}};
        defaults.python = "/usr/bin/python3";
        defaults.upstreamRef = "upstream/develop";
        defaults.testEngine = "postgresql";
        RunDefaultsStore::save(defaults);

        const RunSettings fresh = RunSettingsStore::load(repository("fresh"));
        QCOMPARE(fresh.environment, defaults.environment);
        QCOMPARE(fresh.python, defaults.python);
        QCOMPARE(fresh.upstreamRef, defaults.upstreamRef);
        QCOMPARE(fresh.testEngine, defaults.testEngine);
        QCOMPARE(fresh.timeoutSeconds, RunSettings{}.timeoutSeconds);
        QCOMPARE(RunSettingsStore::load(repository("own")), own);
    }

    void aValueTheRepositoryNeverStoredComesFromTheDefaults()
    {
        // An older settings file: the group has a path and an environment, but no upstream ref.
        const QString path = repository("older");
        RunSettingsStore::save(path, RunSettings{});
        QSettings store(QStringLiteral("Headway"), QStringLiteral("Headway"));
        store.beginGroup("repositories");
        for (const QString &group : store.childGroups())
            store.remove(group + "/upstreamRef");
        store.endGroup();
        store.sync();
        RunDefaults defaults;
        defaults.upstreamRef = "upstream/main";
        RunDefaultsStore::save(defaults);
        QCOMPARE(RunSettingsStore::load(path).upstreamRef, QStringLiteral("upstream/main"));
    }

    void anEmptyDefaultEnvironmentStaysEmpty()
    {
        RunDefaults defaults;
        defaults.environment.clear();
        RunDefaultsStore::save(defaults);
        QVERIFY2(RunDefaultsStore::load().environment.isEmpty(), "removing every preset must not bring the built-in ones back");
        QVERIFY(RunSettingsStore::load(repository("bare")).environment.isEmpty());
    }

    void environmentTextRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("assignments");
        QTest::newRow("presets") << "SERVER_NAME=localhost CACHE_TYPE=NullCache"
                                 << QStringList{"CACHE_TYPE=NullCache", "SERVER_NAME=localhost"};
        QTest::newRow("quoted value") << "GREETING=\"hello world\"" << QStringList{"GREETING=hello world"};
        QTest::newRow("empty value") << "EMPTY=" << QStringList{"EMPTY="};
        QTest::newRow("nothing") << "   " << QStringList{};
    }

    void environmentTextRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, assignments);
        const std::optional<QMap<QString, QString>> parsed = RunDefaults::parseEnvironment(text);
        QVERIFY(parsed);
        QStringList got;
        for (auto it = parsed->cbegin(); it != parsed->cend(); ++it)
            got.append(it.key() + '=' + it.value());
        QCOMPARE(got, assignments);
        QCOMPARE(RunDefaults::parseEnvironment(RunDefaults::environmentText(*parsed)), parsed);
    }

    void environmentTextWithQuotesAndSpacesRoundTrips()
    {
        const QMap<QString, QString> environment{{"A", "say \"hi\" twice"}, {"B", "$(rm -rf ~)"}, {"C", ""}};
        QCOMPARE(RunDefaults::parseEnvironment(RunDefaults::environmentText(environment)), environment);
    }

    void aWordWithoutNameAndEqualsIsRefused()
    {
        QString error;
        QVERIFY(!RunDefaults::parseEnvironment("SERVER_NAME=localhost oops", &error));
        QVERIFY2(error.contains("oops"), qPrintable(error));
        QVERIFY(!RunDefaults::parseEnvironment("=value", &error));
    }

    void preferencesPersistAndSignalOnlyChanges()
    {
        {
            Preferences preferences;
            QCOMPARE(preferences.collapseThreshold(), Preferences::defaultCollapseThreshold);
            QCOMPARE(preferences.layoutDirection(), Preferences::LayoutDirection::TopDown);
            QVERIFY(preferences.editorCommand().isEmpty());
            QSignalSpy direction(&preferences, &Preferences::layoutDirectionChanged);
            QSignalSpy threshold(&preferences, &Preferences::collapseThresholdChanged);
            QSignalSpy editor(&preferences, &Preferences::editorCommandChanged);
            QSignalSpy defaults(&preferences, &Preferences::runDefaultsChanged);
            preferences.setLayoutDirection(Preferences::LayoutDirection::LeftRight);
            preferences.setLayoutDirection(Preferences::LayoutDirection::LeftRight);
            preferences.setCollapseThreshold(50);
            preferences.setCollapseThreshold(50);
            preferences.setEditorCommand("  code --goto {file}:{line} ");
            RunDefaults changed;
            changed.testEngine = "mariadb";
            preferences.setRunDefaults(changed);
            preferences.setRunDefaults(changed);
            QCOMPARE(direction.size(), 1);
            QCOMPARE(direction.first().first().value<Preferences::LayoutDirection>(), Preferences::LayoutDirection::LeftRight);
            QCOMPARE(threshold.size(), 1);
            QCOMPARE(threshold.first().first().toInt(), 50);
            QCOMPARE(editor.size(), 1);
            QCOMPARE(defaults.size(), 1);
        }
        const Preferences again;
        QCOMPARE(again.layoutDirection(), Preferences::LayoutDirection::LeftRight);
        QCOMPARE(again.collapseThreshold(), 50);
        QCOMPARE(again.editorCommand(), QStringLiteral("code --goto {file}:{line}"));
        QCOMPARE(again.runDefaults().testEngine, QStringLiteral("mariadb"));
    }

    void collapseThresholdIsClamped()
    {
        Preferences preferences;
        preferences.setCollapseThreshold(0);
        QCOMPARE(preferences.collapseThreshold(), Preferences::minCollapseThreshold);
        QSettings(QStringLiteral("Headway"), QStringLiteral("Headway")).setValue("preferences/collapseThreshold", -7);
        QCOMPARE(Preferences().collapseThreshold(), Preferences::minCollapseThreshold);
        QSettings(QStringLiteral("Headway"), QStringLiteral("Headway")).setValue("preferences/collapseThreshold", "many");
        QCOMPARE(Preferences().collapseThreshold(), Preferences::defaultCollapseThreshold);
    }

    void editorCommandBecomesAnArgumentList_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        const QString file = "/repo/versions/a b $(x).py";
        QTest::newRow("vscode") << "code --goto {file}:{line}" << 12 << "code" << QStringList{"--goto", file + ":12"};
        QTest::newRow("kate") << "kate --line {line} {file}" << 3 << "kate" << QStringList{"--line", "3", file};
        QTest::newRow("no file placeholder") << "gvim +{line}" << 7 << "gvim" << QStringList{"+7", file};
        QTest::newRow("no line") << "vim +{line} {file}" << 0 << "vim" << QStringList{"+1", file};
        QTest::newRow("quoted program") << "\"/opt/My Editor/edit\" {file}" << 1 << "/opt/My Editor/edit" << QStringList{file};
    }

    void editorCommandBecomesAnArgumentList()
    {
        QFETCH(QString, command);
        QFETCH(int, line);
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        const std::optional<CommandLine> result = EditorCommand::commandFor(command, "/repo/versions/a b $(x).py", line);
        QVERIFY(result);
        QCOMPARE(result->program, program);
        QCOMPARE(result->arguments, arguments);
        QCOMPARE(result->workingDirectory, QStringLiteral("/repo/versions"));
    }

    void aPathHoldingAPlaceholderIsNotExpandedTwice()
    {
        const std::optional<CommandLine> result = EditorCommand::commandFor("ed {file}:{line}", "/r/{line}.py", 4);
        QVERIFY(result);
        QCOMPARE(result->arguments, QStringList{"/r/{line}.py:4"});
    }

    void anEmptyEditorCommandIsRefused()
    {
        QString error;
        QVERIFY(!EditorCommand::commandFor("   ", "/r/a.py", 1, &error));
        QVERIFY(!error.isEmpty());
    }

    void theEditorStartsDetachedWithTheArguments()
    {
        // A stand-in editor that writes down the arguments it was given, one a line.
        const QString out = m_dir.filePath("editor-arguments.txt");
        const QString editor = m_dir.filePath("editor.sh");
        QFile script(editor);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.tmp\" && mv \"$0.tmp\" \"" + out.toUtf8() + "\"\n");
        script.close();
        QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

        const QString file = m_dir.filePath("a file $(touch x).py");
        const std::optional<CommandLine> line = EditorCommand::commandFor('"' + editor + "\" {file} --line={line}", file, 9);
        QVERIFY(line);
        QString error;
        QVERIFY2(EditorCommand::startDetached(*line, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out), 10000);
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), file + "\n--line=9\n");
    }

    void aMissingEditorSaysItCannotStart()
    {
        QString error;
        QVERIFY(!EditorCommand::startDetached({"/nonexistent/headway-editor", {"x"}, "/", {}}, &error));
        QVERIFY2(error.contains("/nonexistent/headway-editor"), qPrintable(error));
    }

private:
    QString repository(const QString &name)
    {
        const QString path = m_dir.filePath("repos/" + name);
        QDir().mkpath(path);
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRunSettings)
#include "tst_runsettings.moc"
