#include "FindBar.h"

#include "GraphView.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace headway {

FindBar::FindBar(GraphView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_edit->setPlaceholderText(tr("Find revision by id or message"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Find"));
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(tr("No matches")) + 8);

    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_next->setToolTip(tr("Next match (F3)"));
    auto *closeButton = new QToolButton(this);
    closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    closeButton->setToolTip(tr("Close the find bar (Escape)"));
    closeButton->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(closeButton);

    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::find);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        // Return steps forward, Shift+Return back, like every find bar.
        (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) ? findPrevious() : findNext();
    });
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::dismiss);
    updateStatus();
}

void FindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FindBar::setText(const QString &text)
{
    m_edit->setText(text); // finds through textChanged
}

void FindBar::findNext()
{
    step(+1);
}

void FindBar::findPrevious()
{
    step(-1);
}

void FindBar::invalidate()
{
    m_stale = true;
}

QString FindBar::statusText() const
{
    return m_status->text();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::find(const QString &text)
{
    m_stale = false;
    if (!text.isEmpty())
        m_view->find(text); // selects the first match
    updateStatus();
}

void FindBar::step(int direction)
{
    if (m_edit->text().isEmpty())
        return;
    if (m_stale) {
        find(m_edit->text());
        return;
    }
    if (direction > 0)
        m_view->findNext();
    else
        m_view->findPrevious();
    updateStatus();
}

void FindBar::updateStatus()
{
    const bool searched = !m_edit->text().isEmpty();
    m_count = searched ? m_view->findMatchCount() : 0;
    m_current = m_count > 0 ? m_view->findMatchPosition() + 1 : 0;
    m_status->setText(!searched ? QString()
                      : m_count == 0 ? tr("No matches")
                                     : tr("%1 of %2").arg(m_current).arg(m_count));
    m_previous->setEnabled(m_count > 1);
    m_next->setEnabled(m_count > 1);
}

void FindBar::dismiss()
{
    hide();
    Q_EMIT closed();
}

} // namespace headway
