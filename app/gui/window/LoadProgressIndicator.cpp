#include "window/LoadProgressIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace headway {

LoadProgressIndicator::LoadProgressIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(16);
    m_bar->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading; the repository on screen stays as it is"));
    m_cancel->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &LoadProgressIndicator::cancelRequested);
    hide();
}

void LoadProgressIndicator::start(const QString &what)
{
    m_label->setText(what);
    m_bar->setRange(0, 0); // indeterminate until the file count is known
    show();
}

void LoadProgressIndicator::setProgress(int done, int total)
{
    m_bar->setRange(0, total);
    m_bar->setValue(done);
    m_bar->setToolTip(tr("%1 of %2 migration files read").arg(done).arg(total));
}

void LoadProgressIndicator::setPhase(const QString &what)
{
    m_label->setText(what);
    m_bar->setRange(0, 0);
}

void LoadProgressIndicator::finish()
{
    hide();
}

} // namespace headway
