#include "window/CentralPages.h"

#include "start/StartPage.h"
#include "window/MainDocks.h"

#include <QVBoxLayout>

namespace headway {

CentralPages::CentralPages(StartPage *start, const QList<QWidget *> &graphPage, QWidget *stretched,
                           MainDocks *docks, QWidget *parent)
    : QStackedWidget(parent)
    , m_start(start)
    , m_graphPage(new QWidget(this))
    , m_stretched(stretched)
    , m_docks(docks)
{
    auto *layout = new QVBoxLayout(m_graphPage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (QWidget *widget : graphPage)
        layout->addWidget(widget, widget == stretched ? 1 : 0);
    addWidget(m_start);
    addWidget(m_graphPage);
    showStartPage();
}

bool CentralPages::isStartPageShown() const
{
    return currentWidget() == m_start;
}

void CentralPages::showStartPage()
{
    m_docks->putAway();
    setCurrentWidget(m_start); // the page puts the keyboard on itself as it shows
}

void CentralPages::showGraphPage()
{
    if (!isStartPageShown())
        return;
    setCurrentWidget(m_graphPage);
    m_docks->bringBack();
    m_stretched->setFocus(Qt::OtherFocusReason);
}

} // namespace headway
