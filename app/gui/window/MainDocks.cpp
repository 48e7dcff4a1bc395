#include "window/MainDocks.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace headway {

MainDocks::MainDocks(QMainWindow *window, QWidget *overview, QWidget *details, QWidget *history, QWidget *console,
                     QWidget *testUpgrade)
    : QObject(window)
    , m_window(window)
{
    QDockWidget *overviewDock = add(window, overview, tr("Overview"), QStringLiteral("overviewDock"),
                                    tr("Show or hide the whole graph with the visible area as a frame"));
    window->addDockWidget(Qt::RightDockWidgetArea, overviewDock);
    QDockWidget *detailsDock = add(window, details, tr("Details"), QStringLiteral("detailsDock"),
                                   tr("Show or hide the selected revision's details"));
    window->addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    window->splitDockWidget(overviewDock, detailsDock, Qt::Vertical);
    QDockWidget *historyDock = add(window, history, tr("History"), QStringLiteral("historyDock"),
                                   tr("Show or hide the history, as flask db history lists it"));
    window->addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    QDockWidget *consoleDock = add(window, console, tr("Console"), QStringLiteral("consoleDock"),
                                   tr("Show or hide the commands Headway runs and their output"));
    window->addDockWidget(Qt::BottomDockWidgetArea, consoleDock);
    window->tabifyDockWidget(historyDock, consoleDock);
    QDockWidget *testDock = add(window, testUpgrade, tr("Test Upgrade"), QStringLiteral("testUpgradeDock"),
                                tr("Show or hide the results of the last test upgrade"));
    window->addDockWidget(Qt::BottomDockWidgetArea, testDock);
    window->tabifyDockWidget(historyDock, testDock);
    historyDock->raise();
    consoleDock->hide();
    testDock->hide();

    m_overviewDock = overviewDock;
    m_detailsDock = detailsDock;
    m_historyDock = historyDock;
    window->installEventFilter(this);
}

bool MainDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Show)
        sizeOnceShown();
    return QObject::eventFilter(watched, event);
}

void MainDocks::sizeOnceShown()
{
    // QMainWindow spreads a resize over the docks by their size hints, so sizes
    // set before the window and its docks are shown do not stick: set them once
    // both are, after the layout has run, unless a saved state placed them.
    if (m_sized || m_away || !m_window->isVisible())
        return;
    m_sized = true;
    QTimer::singleShot(0, this, [this] {
        m_window->resizeDocks({m_detailsDock}, {460}, Qt::Horizontal);
        m_window->resizeDocks({m_historyDock}, {180}, Qt::Vertical);
        const int column = m_overviewDock->height() + m_detailsDock->height();
        m_window->resizeDocks({m_overviewDock, m_detailsDock}, {column * 2 / 5, column - column * 2 / 5}, Qt::Vertical);
    });
}

QDockWidget *MainDocks::add(QMainWindow *window, QWidget *content, const QString &title, const QString &name,
                            const QString &tip)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(name); // saveState() needs it
    dock->setWidget(content);
    dock->toggleViewAction()->setStatusTip(tip);
    dock->toggleViewAction()->setToolTip(tip);
    m_docks.append(dock);
    return dock;
}

QList<QAction *> MainDocks::toggleActions() const
{
    QList<QAction *> actions;
    for (QDockWidget *dock : m_docks)
        actions.append(dock->toggleViewAction());
    return actions;
}

void MainDocks::putAway()
{
    m_away = true;
    // isHidden(), not isVisible(): before the window is first shown nothing is visible.
    for (QDockWidget *dock : std::as_const(m_docks)) {
        if (dock->isHidden())
            continue;
        if (!m_putAway.contains(dock))
            m_putAway.append(dock);
        dock->hide();
    }
}

void MainDocks::bringBack()
{
    for (QDockWidget *dock : std::as_const(m_putAway))
        dock->show();
    m_putAway.clear();
    m_away = false;
    sizeOnceShown();
}

QByteArray MainDocks::saveWindowState()
{
    if (!m_away)
        return m_window->saveState();
    bringBack();
    const QByteArray state = m_window->saveState();
    putAway();
    return state;
}

void MainDocks::restoreWindowState(const QByteArray &state)
{
    // Shown as the graph page has them, then as the state says (unless it is not a valid one).
    const bool away = m_away;
    bringBack();
    if (m_window->restoreState(state))
        m_sized = true;
    if (away)
        putAway();
}

} // namespace headway
