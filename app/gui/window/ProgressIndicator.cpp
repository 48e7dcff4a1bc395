#include "window/ProgressIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace headway {

ProgressIndicator::ProgressIndicator(const QString &accessibleName, const QString &cancelTip, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setAccessibleName(accessibleName);
    m_bar->setAccessibleName(tr("%1: progress").arg(accessibleName));
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(16);
    m_bar->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel: %1").arg(accessibleName));
    m_cancel->setToolTip(cancelTip);
    m_cancel->setAutoRaise(true);
    m_cancel->setFocusPolicy(Qt::StrongFocus); // reachable with Tab, not only by mouse
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ProgressIndicator::cancelRequested);
    hide();
}

void ProgressIndicator::start(const QString &what)
{
    m_label->setText(what);
    m_label->setAccessibleName(what);
    m_bar->setRange(0, 0); // indeterminate until the amount of work is known
    m_bar->setToolTip(what);
    show();
}

void ProgressIndicator::setProgress(int done, int total, const QString &tip)
{
    m_bar->setRange(0, total);
    m_bar->setValue(done);
    m_bar->setToolTip(tip.isEmpty() ? tr("%1 of %2").arg(done).arg(total) : tip);
}

void ProgressIndicator::setPhase(const QString &what)
{
    m_label->setText(what);
    m_label->setAccessibleName(what);
    m_bar->setRange(0, 0);
}

void ProgressIndicator::finish()
{
    hide();
}

QString ProgressIndicator::text() const
{
    return m_label->text();
}

} // namespace headway
