// File > Open Recent: the last ten repositories opened, newest first, with
// "Clear Menu". Kept in QSettings once persistence is switched on, so tests
// and screenshots never rewrite the user's list.
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
    void clear();
    QStringList paths() const { return m_paths; }

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void rebuildMenu();
    void save() const;

    QMenu *m_menu;
    QStringList m_paths;
    bool m_persistent = false;
};

} // namespace headway
