#include "help/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace headway {

namespace {

// "&Fit to Window" → "Fit to Window"; "R&&D" keeps its one '&'.
QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QString(QChar(0x1)));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(0x1), QLatin1Char('&'));
    return text;
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys.append(sequence.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

ShortcutEntry entryFor(const QAction *action, const QString &menu)
{
    return {withoutMnemonic(action->text()), keysOf(action), withoutMnemonic(menu), action->statusTip()};
}

// The menu's actions with shortcuts, depth first, as the menus show them.
void collectMenu(const QMenu *menu, const QString &path, QList<ShortcutEntry> *entries, QSet<const QAction *> *seen)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu *submenu = action->menu()) {
            collectMenu(submenu, path + QStringLiteral(" ▸ ") + submenu->title(), entries, seen);
            continue;
        }
        if (!action->shortcuts().isEmpty() && !seen->contains(action)) {
            seen->insert(action);
            entries->append(entryFor(action, path));
        }
    }
}

} // namespace

QList<ShortcutEntry> ShortcutsDialog::collect(const QWidget *window)
{
    QList<ShortcutEntry> entries;
    QSet<const QAction *> seen;
    const auto *main = qobject_cast<const QMainWindow *>(window);
    if (const auto *bar = main ? qobject_cast<const QMenuBar *>(main->menuWidget()) : nullptr) {
        for (const QAction *menuAction : bar->actions())
            if (const QMenu *menu = menuAction->menu())
                collectMenu(menu, menu->title(), &entries, &seen);
    }
    // Actions in no menu (the graph's own, the toolbar's) still have keys worth knowing.
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->isSeparator() || action->shortcuts().isEmpty() || seen.contains(action))
            continue;
        seen.insert(action);
        entries.append(entryFor(action, QString()));
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window)
    : QDialog(window)
    , m_entries(collect(window)) // before this dialog adds widgets of its own
    , m_search(new QLineEdit(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));

    auto *model = new QStandardItemModel(0, 3, this);
    model->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut"), tr("Menu")});
    for (const ShortcutEntry &entry : std::as_const(m_entries)) {
        QList<QStandardItem *> row{new QStandardItem(entry.command), new QStandardItem(entry.keys),
                                   new QStandardItem(entry.menu)};
        for (QStandardItem *item : row) {
            item->setEditable(false);
            item->setToolTip(entry.tip);
        }
        model->appendRow(row);
    }
    m_filter->setSourceModel(model);
    m_filter->setFilterKeyColumn(-1); // command, keys and menu alike
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_search->setObjectName(QStringLiteral("shortcutSearch"));
    m_search->setPlaceholderText(tr("Search commands, keys or menus"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search shortcuts"));
    m_search->setToolTip(tr("Show only the commands whose name, keys or menu contain this text"));
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    m_view->setObjectName(QStringLiteral("shortcutList"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // menu order until a header is clicked
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_view->setAccessibleName(tr("Commands and their shortcuts"));
    m_view->setToolTip(tr("Every command of the window that has a keyboard shortcut"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    m_search->setFocus();
    resize(640, 520);
}

ShortcutsDialog *ShortcutsDialog::showFor(QWidget *window)
{
    auto *dialog = window->findChild<ShortcutsDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new ShortcutsDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void ShortcutsDialog::setFilter(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text); // comes back here through textChanged
    m_filter->setFilterFixedString(text.trimmed());
}

int ShortcutsDialog::shownCount() const
{
    return m_filter->rowCount();
}

} // namespace headway
