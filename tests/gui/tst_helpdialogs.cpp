// The Help menu, offscreen: Keyboard Shortcuts lists every action of the
// window that has a shortcut (Find, Fit to Window, ...) with its keys as the
// platform writes them, read from the actions, and its search narrows the
// list; About names Headway's version, Qt's and Graphviz's, and the licence.
// Both are non-modal, reachable from the keyboard and named for screen readers.
#include "help/AboutDialog.h"
#include "help/ShortcutsDialog.h"
#include "window/MainActions.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace headway;

namespace {

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys << sequence.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

const ShortcutEntry *entryNamed(const QList<ShortcutEntry> &entries, const QString &command)
{
    for (const ShortcutEntry &entry : entries)
        if (entry.command == command)
            return &entry;
    return nullptr;
}

} // namespace

class TestHelpDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    }

    void theHelpMenuOffersShortcutsAndAbout()
    {
        MainWindow window;
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        const QList<QAction *> help = menus.last()->menu()->actions();
        QVERIFY(help.contains(window.actions()->keyboardShortcuts));
        QVERIFY(help.contains(window.actions()->about));
        QVERIFY(!window.actions()->keyboardShortcuts->shortcuts().isEmpty());
    }

    void shortcutsListFindAndFitWithTheirKeys()
    {
        MainWindow window;
        window.show();
        window.actions()->keyboardShortcuts->trigger();
        auto *dialog = window.findChild<ShortcutsDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY2(!dialog->isModal(), "the list can stay open beside the graph");
        const QList<ShortcutEntry> entries = dialog->entries();

        const ShortcutEntry *find = entryNamed(entries, QStringLiteral("Find…"));
        QVERIFY(find);
        QCOMPARE(find->keys, QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
        QCOMPARE(find->menu, QStringLiteral("View"));
        const ShortcutEntry *fit = entryNamed(entries, QStringLiteral("Fit to Window"));
        QVERIFY(fit);
        QCOMPARE(fit->keys, QKeySequence(Qt::CTRL | Qt::Key_0).toString(QKeySequence::NativeText));
        const ShortcutEntry *zoomIn = entryNamed(entries, QStringLiteral("Zoom In"));
        QVERIFY(zoomIn);
        QCOMPARE(zoomIn->keys, keysOf(window.actions()->zoomIn)); // every key, not only the first
        QVERIFY(entryNamed(entries, QStringLiteral("Merge Heads…"))); // the Database menu's too
        QVERIFY(entryNamed(entries, QStringLiteral("Preferences…")));

        // Generated from the actions: each action with a shortcut appears once, none without.
        int withShortcuts = 0;
        for (const QAction *action : window.findChildren<QAction *>())
            if (!action->isSeparator() && !action->shortcuts().isEmpty() && !dialog->isAncestorOf(qobject_cast<QWidget *>(action->parent())))
                ++withShortcuts;
        QCOMPARE(entries.size(), withShortcuts);
        for (const ShortcutEntry &entry : entries)
            QVERIFY2(!entry.keys.isEmpty() && !entry.command.contains(QLatin1Char('&')), qPrintable(entry.command));

        // Triggering again raises the same dialog.
        window.actions()->keyboardShortcuts->trigger();
        QCOMPARE(window.findChildren<ShortcutsDialog *>().size(), 1);
    }

    void theShortcutSearchNarrowsTheList()
    {
        MainWindow window;
        auto *dialog = ShortcutsDialog::showFor(&window);
        const int all = dialog->shownCount();
        QCOMPARE(all, int(dialog->entries().size()));
        auto *search = dialog->findChild<QLineEdit *>(QStringLiteral("shortcutSearch"));
        QVERIFY(search);
        QVERIFY2(!search->accessibleName().isEmpty() && !search->toolTip().isEmpty(), "the search needs a name and a tip");
        QTest::keyClicks(search, QStringLiteral("fit"));
        QCOMPARE(dialog->shownCount(), 1);
        dialog->setFilter(QKeySequence(Qt::CTRL | Qt::Key_0).toString(QKeySequence::NativeText)); // by key
        QVERIFY(dialog->shownCount() >= 1);
        dialog->setFilter(QStringLiteral("no such command anywhere"));
        QCOMPARE(dialog->shownCount(), 0);
        dialog->setFilter(QString());
        QCOMPARE(dialog->shownCount(), all);
        auto *list = dialog->findChild<QTreeView *>(QStringLiteral("shortcutList"));
        QVERIFY(list && !list->accessibleName().isEmpty() && (list->focusPolicy() & Qt::TabFocus));
    }

    void aboutNamesTheVersionsAndTheLicence()
    {
        MainWindow window;
        window.show();
        window.actions()->about->trigger();
        auto *about = window.findChild<AboutDialog *>();
        QVERIFY(about);
        QVERIFY(about->isVisible());
        const QString text = about->text();
        QVERIFY2(text.contains(QStringLiteral("Headway " HEADWAY_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))), qPrintable(text));
        const QString graphviz = AboutDialog::graphvizVersion();
        QVERIFY2(!graphviz.isEmpty() && graphviz.front().isDigit(), qPrintable(graphviz));
        QVERIFY2(text.contains(QStringLiteral("Graphviz ") + graphviz), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Licence")), qPrintable(text));
        QVERIFY(!about->accessibleName().isEmpty());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(TestHelpDialogs)
#include "tst_helpdialogs.moc"
