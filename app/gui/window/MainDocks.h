// The panels docked around the graph: details, history, the command console
// and the test-upgrade results, made, placed and tabbed. They describe the
// open repository, so the start page puts them away and the graph brings
// back the ones that were shown.
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace headway {

class MainDocks : public QObject
{
    Q_OBJECT

public:
    MainDocks(QMainWindow *window, QWidget *overview, QWidget *details, QWidget *history, QWidget *console,
              QWidget *testUpgrade);

    // For View: show or hide each panel.
    QList<QAction *> toggleActions() const;
    // Hides the shown panels and remembers them; bringBack() shows them again.
    void putAway();
    void bringBack();
    // QMainWindow's state as the graph page shows it, even while the panels are put away.
    QByteArray saveWindowState();
    // Restores it; while put away, the panels it shows stay away until bringBack().
    void restoreWindowState(const QByteArray &state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sizeOnceShown(); // the first-run sizes, once the window and the docks are shown
    QDockWidget *add(QMainWindow *window, QWidget *content, const QString &title, const QString &name,
                     const QString &tip);

    QMainWindow *m_window;
    QList<QDockWidget *> m_docks;
    QList<QDockWidget *> m_putAway;
    QDockWidget *m_overviewDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    bool m_away = false;
    bool m_sized = false; // the first-run sizes are set, or a saved state set them
};

} // namespace headway
