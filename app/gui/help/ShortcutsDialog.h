// Help ▸ Keyboard Shortcuts: every action of a window that has a keyboard
// shortcut, with its keys as the platform writes them and the menu it is in,
// read from the actions themselves (never a hand-kept list, so it cannot go
// stale) and searchable by command, key or menu.
#pragma once

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace headway {

struct ShortcutEntry {
    QString command;  // the action's text without its mnemonic: "Fit to Window"
    QString keys;     // every shortcut, NativeText: "Ctrl+0"
    QString menu;     // the menu it is in, or empty
    QString tip;      // its status tip
};

class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *window);

    // Shows the window's one shortcuts dialog, non-modal: it can stay open beside the graph.
    static ShortcutsDialog *showFor(QWidget *window);
    // The actions of `window` and its children that have shortcuts: menu bar order first.
    static QList<ShortcutEntry> collect(const QWidget *window);

    QList<ShortcutEntry> entries() const { return m_entries; }
    void setFilter(const QString &text);
    int shownCount() const; // rows left after the search

private:
    QList<ShortcutEntry> m_entries;
    QLineEdit *m_search;
    QSortFilterProxyModel *m_filter;
    QTreeView *m_view;
};

} // namespace headway
