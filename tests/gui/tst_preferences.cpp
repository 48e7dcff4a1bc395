// The Preferences dialog end to end, offscreen, with settings in a temporary
// place: what it stores survives a restart of the window, and so do a
// repository's own Run Settings; the defaults reach a repository without
// settings of its own (also while it is open) and leave one with its own
// alone; the editor command opens the migration file at its line, and a
// broken one says so and still opens the file; every field can be reached
// from the keyboard and has an accessible name and a tooltip.
#include "config/Preferences.h"
#include "database/MigrationController.h"
#include "database/RunSettingsDialog.h"
#include "demo/DemoWorkspace.h"
#include "details/DetailsPanel.h"
#include "graph/GraphView.h"
#include "preferences/PreferencesDialog.h"
#include "runner/RunDefaults.h"
#include "session/RepositorySession.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using namespace headway;

namespace {

constexpr int kLoadTimeoutMs = 30000;

// Stands in for the desktop's file opener.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

template <typename Widget>
Widget *field(QWidget *dialog, const char *name)
{
    auto *widget = dialog->findChild<Widget *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no field named %s", name);
    return widget;
}

} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void preferencesAreInTheSettingsMenuWithTheStandardShortcut();
    void preferencesAndRunSettingsPersistAcrossARestart();
    void defaultsFlowIntoARepositoryWithoutSettingsOnly();
    void changedDefaultsReachTheOpenRepositoryWithoutSettings();
    void restoreDefaultsInRunSettingsUsesThePreferences();
    void aBadEnvironmentCannotBeSaved();
    void theEditorCommandOpensTheFileAtItsLine();
    void aBrokenEditorCommandSaysSoAndStillOpensTheFile();
    void everyFieldHasANameATipAndTakesFocus();

private:
    QString newDemo();
    bool open(MainWindow &window, const QString &path);
    PreferencesDialog *openPreferences(MainWindow &window);

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
};

void TestPreferences::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.filePath(QStringLiteral("home")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toUtf8());
    std::setlocale(LC_NUMERIC, "C");
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
}

void TestPreferences::init()
{
    QSettings(QStringLiteral("Headway"), QStringLiteral("Headway")).clear();
}

void TestPreferences::cleanup()
{
    QSettings(QStringLiteral("Headway"), QStringLiteral("Headway")).clear();
}

QString TestPreferences::newDemo()
{
    static int copies = 0;
    const DemoWorkspaceResult demo = DemoWorkspace::prepare(DemoWorkspace::bundledDemoDirectory(),
                                                            m_dir.filePath(QStringLiteral("demo%1").arg(++copies)));
    if (!demo.ok())
        qWarning("%s", qPrintable(demo.error));
    return demo.path;
}

bool TestPreferences::open(MainWindow &window, const QString &path)
{
    QSignalSpy changed(window.migrationController(), &MigrationController::repositoryChanged);
    window.openRepository(path);
    return !changed.isEmpty() || changed.wait(kLoadTimeoutMs);
}

PreferencesDialog *TestPreferences::openPreferences(MainWindow &window)
{
    window.actions()->preferences->trigger();
    auto *dialog = window.findChild<PreferencesDialog *>();
    if (dialog && !dialog->isVisible())
        qWarning("the Preferences dialog is not shown");
    return dialog;
}

void TestPreferences::preferencesAreInTheSettingsMenuWithTheStandardShortcut()
{
    MainWindow window;
    QAction *preferences = window.actions()->preferences;
    QVERIFY2(preferences->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)),
             qPrintable(QKeySequence::listToString(preferences->shortcuts())));
    for (const QKeySequence &standard : QKeySequence::keyBindings(QKeySequence::Preferences))
        QVERIFY(preferences->shortcuts().contains(standard));
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 2);
    QCOMPARE(menus.at(menus.size() - 2)->text(), QStringLiteral("&Settings")); // just before Help
    QVERIFY(menus.at(menus.size() - 2)->menu()->actions().contains(preferences));
}

void TestPreferences::preferencesAndRunSettingsPersistAcrossARestart()
{
    const QString demo = newDemo();
    {
        MainWindow window;
        window.show();
        QVERIFY(open(window, demo));
        // The repository's own settings first, as the Run Settings dialog saves them.
        RunSettings own = window.migrationController()->settings();
        own.upstreamRef = QStringLiteral("upstream/release");
        own.environment.insert(QStringLiteral("HEADWAY_TEST_MARKER"), QStringLiteral("own"));
        window.migrationController()->setSettings(own);

        PreferencesDialog *dialog = openPreferences(window);
        QVERIFY(dialog);
        field<QLineEdit>(dialog, "editorCommand")->setText(QStringLiteral("kate --line {line} {file}"));
        field<QLineEdit>(dialog, "defaultEnvironment")->setText(QStringLiteral("SERVER_NAME=example.test GREETING=\"hi there\""));
        field<QLineEdit>(dialog, "defaultInterpreter")->setText(QStringLiteral("/opt/python/bin/python3"));
        field<QLineEdit>(dialog, "defaultUpstreamRef")->setText(QStringLiteral("upstream/develop"));
        auto *engine = field<QComboBox>(dialog, "defaultEngine");
        engine->setCurrentIndex(engine->findData(QStringLiteral("postgresql")));
        field<QComboBox>(dialog, "layoutDirection")->setCurrentIndex(int(Preferences::LayoutDirection::LeftRight));
        field<QSpinBox>(dialog, "collapseThreshold")->setValue(75);

        Preferences *preferences = window.preferences();
        QSignalSpy direction(preferences, &Preferences::layoutDirectionChanged);
        QSignalSpy threshold(preferences, &Preferences::collapseThresholdChanged);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(direction.size(), 1);
        QCOMPARE(direction.first().first().value<Preferences::LayoutDirection>(), Preferences::LayoutDirection::LeftRight);
        QCOMPARE(threshold.size(), 1);
        QCOMPARE(threshold.first().first().toInt(), 75);
        QCOMPARE(window.migrationController()->settings(), own); // its own settings, not the new defaults
    }

    MainWindow window;
    window.show();
    const Preferences *preferences = window.preferences();
    QCOMPARE(preferences->editorCommand(), QStringLiteral("kate --line {line} {file}"));
    QCOMPARE(preferences->layoutDirection(), Preferences::LayoutDirection::LeftRight);
    QCOMPARE(preferences->collapseThreshold(), 75);
    const RunDefaults defaults = preferences->runDefaults();
    QCOMPARE(defaults.environment, (QMap<QString, QString>{{QStringLiteral("SERVER_NAME"), QStringLiteral("example.test")},
                                                           {QStringLiteral("GREETING"), QStringLiteral("hi there")}}));
    QCOMPARE(defaults.python, QStringLiteral("/opt/python/bin/python3"));
    QCOMPARE(defaults.upstreamRef, QStringLiteral("upstream/develop"));
    QCOMPARE(defaults.testEngine, QStringLiteral("postgresql"));

    // The dialog shows what was stored.
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    QCOMPARE(field<QLineEdit>(dialog, "editorCommand")->text(), QStringLiteral("kate --line {line} {file}"));
    QCOMPARE(RunDefaults::parseEnvironment(field<QLineEdit>(dialog, "defaultEnvironment")->text()), defaults.environment);
    QCOMPARE(field<QComboBox>(dialog, "defaultEngine")->currentData().toString(), QStringLiteral("postgresql"));
    QCOMPARE(field<QComboBox>(dialog, "layoutDirection")->currentIndex(), int(Preferences::LayoutDirection::LeftRight));
    QCOMPARE(field<QSpinBox>(dialog, "collapseThreshold")->value(), 75);
    dialog->reject();

    // The repository kept its own settings, not the new defaults.
    QVERIFY(open(window, demo));
    const RunSettings own = window.migrationController()->settings();
    QCOMPARE(own.upstreamRef, QStringLiteral("upstream/release"));
    QCOMPARE(own.environment.value(QStringLiteral("HEADWAY_TEST_MARKER")), QStringLiteral("own"));
    QVERIFY(!own.environment.contains(QStringLiteral("GREETING")));
}

void TestPreferences::defaultsFlowIntoARepositoryWithoutSettingsOnly()
{
    const QString own = newDemo();
    const QString fresh = newDemo();
    MainWindow window;
    window.show();
    QVERIFY(open(window, own));
    RunSettings ownSettings = window.migrationController()->settings();
    ownSettings.upstreamRef = QStringLiteral("origin/own");
    ownSettings.testEngine = QStringLiteral("sqlite");
    window.migrationController()->setSettings(ownSettings); // what Run Settings' OK does

    RunDefaults defaults;
    defaults.environment = {{QStringLiteral("SERVER_NAME"), QStringLiteral("defaults.test")}};
    defaults.upstreamRef = QStringLiteral("upstream/main");
    defaults.testEngine = QStringLiteral("mariadb");
    window.preferences()->setRunDefaults(defaults);
    QCOMPARE(window.migrationController()->settings(), ownSettings);

    QVERIFY(open(window, fresh));
    RunSettings settings = window.migrationController()->settings();
    QCOMPARE(settings.environment, defaults.environment);
    QCOMPARE(settings.upstreamRef, defaults.upstreamRef);
    QCOMPARE(settings.testEngine, defaults.testEngine);

    QVERIFY(open(window, own));
    settings = window.migrationController()->settings();
    QCOMPARE(settings.upstreamRef, QStringLiteral("origin/own"));
    QCOMPARE(settings.testEngine, QStringLiteral("sqlite"));
    QCOMPARE(settings.environment, RunSettings::defaultEnvironment());
}

void TestPreferences::changedDefaultsReachTheOpenRepositoryWithoutSettings()
{
    MainWindow window;
    window.show();
    QVERIFY(open(window, newDemo()));
    MigrationController *controller = window.migrationController();
    QSignalSpy toolChanged(controller, &MigrationController::toolChanged);
    RunDefaults defaults = window.preferences()->runDefaults();
    defaults.upstreamRef = QStringLiteral("upstream/next");
    window.preferences()->setRunDefaults(defaults);
    QCOMPARE(controller->settings().upstreamRef, QStringLiteral("upstream/next"));
    QVERIFY2(!toolChanged.isEmpty(), "the tool is prepared again with the new settings");

    // A repository with its own settings does not follow.
    RunSettings own = controller->settings();
    own.upstreamRef = QStringLiteral("origin/mine");
    controller->setSettings(own);
    defaults.upstreamRef = QStringLiteral("upstream/later");
    window.preferences()->setRunDefaults(defaults);
    QCOMPARE(controller->settings().upstreamRef, QStringLiteral("origin/mine"));
}

void TestPreferences::restoreDefaultsInRunSettingsUsesThePreferences()
{
    RunDefaults defaults;
    defaults.environment = {{QStringLiteral("CACHE_TYPE"), QStringLiteral("SimpleCache")}};
    RunDefaultsStore::save(defaults);
    RunSettings settings;
    settings.environment = {{QStringLiteral("OTHER"), QStringLiteral("x")}};
    RunSettingsDialog dialog(settings, nullptr);
    QPushButton *restore = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Restore Defaults"))
            restore = button;
    QVERIFY(restore);
    restore->click();
    QCOMPARE(dialog.settings().environment, defaults.environment);
}

void TestPreferences::aBadEnvironmentCannotBeSaved()
{
    MainWindow window;
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    field<QLineEdit>(dialog, "defaultEnvironment")->setText(QStringLiteral("SERVER_NAME=localhost oops"));
    QVERIFY2(!ok->isEnabled(), "a word without '=' must not be saved");
    const auto *error = field<QLabel>(dialog, "environmentError");
    QVERIFY(error && !error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("oops")), qPrintable(error->text()));
    field<QLineEdit>(dialog, "defaultEnvironment")->setText(QStringLiteral("SERVER_NAME=localhost"));
    QVERIFY(ok->isEnabled());
    QVERIFY(error->isHidden());
}

void TestPreferences::theEditorCommandOpensTheFileAtItsLine()
{
    // A stand-in editor that writes down its arguments, one a line.
    const QString out = m_dir.filePath(QStringLiteral("editor-arguments.txt"));
    const QString editor = m_dir.filePath(QStringLiteral("editor.sh"));
    QFile script(editor);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.tmp\" && mv \"$0.tmp\" \"" + out.toUtf8() + "\"\n");
    script.close();
    QVERIFY(script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

    MainWindow window;
    window.show();
    window.preferences()->setEditorCommand(QLatin1Char('"') + editor + QStringLiteral("\" --goto {file}:{line}"));
    QVERIFY(open(window, newDemo()));
    QVERIFY(window.selectRevision(QStringLiteral("c8f06bd407a8")));
    DetailsPanel *details = window.detailsPanel();
    QSignalSpy sourceShown(details, &DetailsPanel::sourceShown);
    details->revealLine(3);
    QVERIFY(!details->isReadingSource() || sourceShown.wait(kLoadTimeoutMs));

    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    auto *info = details->findChild<QLabel *>(QStringLiteral("revisionDetails"));
    QVERIFY(info);
    Q_EMIT info->linkActivated(QStringLiteral("open:"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QVERIFY2(catcher.urls.isEmpty(), "with an editor command the desktop is not asked");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out), 10000);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QStringList arguments = QString::fromUtf8(written.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(arguments.size(), 2);
    QCOMPARE(arguments.first(), QStringLiteral("--goto"));
    QVERIFY2(arguments.last().endsWith(QStringLiteral("/c8f06bd407a8_add_created_at_to_post.py:3")),
             qPrintable(arguments.last()));
}

void TestPreferences::aBrokenEditorCommandSaysSoAndStillOpensTheFile()
{
    MainWindow window;
    QStringList errors;
    window.setErrorDisplay([&errors](const QString &title, const QString &message, const QString &hint) {
        errors << title + QLatin1Char('\n') + message + QLatin1Char('\n') + hint;
    });
    window.preferences()->setEditorCommand(QStringLiteral("/nonexistent/headway-editor {file}"));
    window.show();
    QVERIFY(open(window, newDemo()));
    QVERIFY(window.selectRevision(QStringLiteral("c8f06bd407a8")));
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    Q_EMIT window.detailsPanel()->findChild<QLabel *>(QStringLiteral("revisionDetails"))->linkActivated(QStringLiteral("open:"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(QStringLiteral("/nonexistent/headway-editor"))
                 && errors.first().contains(QStringLiteral("Preferences")),
             qPrintable(errors.first()));
    QCOMPARE(catcher.urls.size(), 1);
    QVERIFY(catcher.urls.first().toLocalFile().endsWith(QStringLiteral("_add_created_at_to_post.py")));
}

void TestPreferences::everyFieldHasANameATipAndTakesFocus()
{
    MainWindow window;
    PreferencesDialog *dialog = openPreferences(window);
    QVERIFY(dialog);
    QList<QWidget *> inputs;
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>())
        if (!edit->parentWidget() || !qobject_cast<QSpinBox *>(edit->parentWidget())) // a spin box's own editor
            inputs << edit;
    for (QComboBox *box : dialog->findChildren<QComboBox *>())
        inputs << box;
    for (QSpinBox *box : dialog->findChildren<QSpinBox *>())
        inputs << box;
    QCOMPARE(inputs.size(), 7);
    for (QWidget *input : inputs) {
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName() + " has no accessible name"));
        QVERIFY2(!input->toolTip().isEmpty(), qPrintable(input->objectName() + " has no tooltip"));
        QVERIFY2(input->focusPolicy() & Qt::TabFocus, qPrintable(input->objectName() + " cannot be reached with Tab"));
    }
    // Every field has a label whose Alt+letter moves focus to it.
    int buddies = 0;
    for (const QLabel *label : dialog->findChildren<QLabel *>())
        if (label->buddy() && inputs.contains(label->buddy()) && label->text().contains(QLatin1Char('&')))
            ++buddies;
    QCOMPARE(buddies, 7);
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
