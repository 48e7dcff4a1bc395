#include "window/RecentRepositories.h"

#include <QDir>
#include <QMenu>
#include <QSettings>

namespace headway {

namespace {
const QString settingsKey = QStringLiteral("recentRepositories");
}

RecentRepositories::RecentRepositories(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    rebuildMenu();
}

void RecentRepositories::loadSettings()
{
    m_persistent = true;
    m_paths = QSettings().value(settingsKey).toStringList().mid(0, maxEntries);
    rebuildMenu();
    Q_EMIT changed();
}

void RecentRepositories::add(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    m_paths.removeAll(clean);
    m_paths.prepend(clean);
    m_paths = m_paths.mid(0, maxEntries);
    update();
}

void RecentRepositories::remove(const QString &path)
{
    if (m_paths.removeAll(QDir::cleanPath(path)) > 0)
        update();
}

void RecentRepositories::clear()
{
    m_paths.clear();
    update();
}

void RecentRepositories::update()
{
    save();
    rebuildMenu();
    Q_EMIT changed();
}

void RecentRepositories::rebuildMenu()
{
    m_menu->clear();
    for (int i = 0; i < m_paths.size(); ++i) {
        const QString path = m_paths.at(i);
        // &1 .. &9, then 1&0: keyboard accelerators like every Open Recent menu.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QAction *action = m_menu->addAction(QStringLiteral("%1  %2").arg(number, QDir::toNativeSeparators(path)));
        action->setStatusTip(tr("Open %1").arg(QDir::toNativeSeparators(path)));
        action->setToolTip(action->statusTip());
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    m_menu->addSeparator();
    QAction *clearAction = m_menu->addAction(tr("&Clear Menu"), this, &RecentRepositories::clear);
    clearAction->setStatusTip(tr("Forget the recently opened repositories"));
    clearAction->setToolTip(clearAction->statusTip());
    clearAction->setEnabled(!m_paths.isEmpty());
    m_menu->setEnabled(true);
}

void RecentRepositories::save() const
{
    if (m_persistent)
        QSettings().setValue(settingsKey, m_paths);
}

} // namespace headway
