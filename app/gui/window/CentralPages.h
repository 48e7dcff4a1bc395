// The window's middle: the start page while no repository is open, the graph
// page (health banner, database strip, graph and find bar) once one is. The
// docked panels describe a repository, so they go with the graph page and
// come back with it.
#pragma once

#include <QStackedWidget>

namespace headway {

class MainDocks;
class StartPage;

class CentralPages : public QStackedWidget
{
    Q_OBJECT

public:
    // `graphPage`: the graph page's widgets from top to bottom; `stretched` takes the height left.
    CentralPages(StartPage *start, const QList<QWidget *> &graphPage, QWidget *stretched, MainDocks *docks,
                 QWidget *parent = nullptr);

    void showStartPage();
    void showGraphPage();
    bool isStartPageShown() const;

private:
    StartPage *m_start;
    QWidget *m_graphPage;
    QWidget *m_stretched;
    MainDocks *m_docks;
};

} // namespace headway
