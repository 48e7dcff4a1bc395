// File > Open Recent: the last ten repositories opened, newest first, with
// "Clear Menu". Kept in QSettings once persistence is switched on, so tests
// and screenshots never rewrite the user's list. The start page shows the
// same list and follows it through changed().
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace headway {

class RecentRepositories : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxEntries = 10;

    explicit RecentRepositories(QMenu *menu, QObject *parent = nullptr);

    // Reads the list from QSettings and writes every change back from now on.
    void loadSettings();
    void add(const QString &path);
    void remove(const QString &path);
    void clear();
    QStringList paths() const { return m_paths; }

Q_SIGNALS:
    void openRequested(const QString &path);
    void changed(); // paths() is different now

private:
    void update(); // saves, rebuilds the menu and says so
    void rebuildMenu();
    void save() const;

    QMenu *m_menu;
    QStringList m_paths;
    bool m_persistent = false;
};

} // namespace headway
