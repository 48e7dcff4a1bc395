#include "start/StartPage.h"

#include "start/RecentEntryDelegate.h"
#include "start/RecentList.h"
#include "start/RecentSummaryModel.h"
#include "window/DroppedPath.h"

#include <QDragEnterEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QSvgRenderer>
#include <QVBoxLayout>

namespace headway {

namespace {

const QString illustrationPath = QStringLiteral(":/illustrations/two-heads-merged.svg");

// Sharp on high-density screens: drawn at the device's pixel ratio, not scaled up.
QPixmap illustration(const QSize &size)
{
    const qreal ratio = qApp->devicePixelRatio();
    QPixmap pixmap(size * ratio);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(illustrationPath);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(ratio);
    return pixmap;
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QFont scaledFont(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new RecentSummaryModel(this))
    , m_list(new RecentList(this))
{
    setObjectName(QStringLiteral("startPage"));
    setAccessibleName(tr("Start page"));
    setAcceptDrops(true);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new RecentEntryDelegate(m_list));

    auto *columns = new QHBoxLayout;
    columns->setSpacing(48);
    columns->addWidget(makeIntroduction(), 1);
    columns->addWidget(makeRecentColumn(), 1);
    auto *content = new QWidget(this);
    content->setLayout(columns);
    content->setMaximumWidth(1100);

    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(content, 20);
    centred->addStretch(1);
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(32, 32, 32, 32);
    page->addStretch(1);
    page->addLayout(centred, 10);
    page->addStretch(1);

    applyTabOrder();

    connect(m_open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(m_demo, &QPushButton::clicked, this, &StartPage::demoRequested);
    connect(m_list, &RecentList::openRequested, this, &StartPage::repositoryRequested);
    connect(m_list, &RecentList::removeRequested, this, &StartPage::removeRequested);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StartPage::updateEmptyNote);
    updateEmptyNote();
}

QWidget *StartPage::makeIntroduction()
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);

    auto *picture = new QLabel(column);
    picture->setPixmap(illustration(QSize(260, 220)));
    picture->setAccessibleName(tr("Picture: a migration history whose two heads are merged into one"));
    picture->setToolTip(tr("Two heads, as a fork's merge of upstream leaves them, joined by a merge migration"));
    layout->addWidget(picture, 0, Qt::AlignLeft);

    auto *title = new QLabel(tr("Headway"), column);
    title->setFont(scaledFont(font(), 2.0, true));
    layout->addWidget(title);
    auto *tagline = wrappedLabel(tr("See and fix the revision graph of your Alembic migrations."), column);
    tagline->setFont(scaledFont(font(), 1.2, false));
    layout->addWidget(tagline);
    layout->addWidget(wrappedLabel(
        tr("Headway draws the revision graph of a Flask-Migrate or Alembic project and says what is wrong with it: "
           "several heads after a merge, missing revisions, files it cannot read. It reads the migration files "
           "without running them. Then it helps fix what it found: merge the heads, test the upgrade on a "
           "throwaway database, restore a missing revision from git."),
        column));

    m_open = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open &Repository…"), column);
    m_open->setObjectName(QStringLiteral("startOpenButton"));
    m_open->setToolTip(tr("Open a project, an alembic.ini or a migrations directory (Ctrl+O)"));
    m_open->setAccessibleDescription(m_open->toolTip());
    m_demo = new QPushButton(tr("Open the De&mo"), column);
    m_demo->setObjectName(QStringLiteral("startDemoButton"));
    m_demo->setToolTip(tr("Open the bundled demo: a fork whose merge of upstream left two heads"));
    m_demo->setAccessibleDescription(m_demo->toolTip());
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);
    layout->addSpacing(8);
    layout->addLayout(buttons);

    auto *dropHint = wrappedLabel(tr("Or drop a project folder, a migrations folder or an alembic.ini here."), column);
    dropHint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(dropHint);
    layout->addStretch(1);
    return column;
}

QWidget *StartPage::makeRecentColumn()
{
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Re&cent Repositories"), column);
    heading->setFont(scaledFont(font(), 1.2, true));
    heading->setBuddy(m_list); // Alt+C puts the keyboard on the list
    layout->addWidget(heading);
    m_emptyNote = wrappedLabel(tr("The repositories you open are listed here, each with its heads and problems."),
                               column);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_emptyNote);
    m_list->setParent(column);
    m_list->setMinimumHeight(200);
    layout->addWidget(m_list, 1);
    return column;
}

void StartPage::applyTabOrder()
{
    setTabOrder(m_open, m_demo);
    setTabOrder(m_demo, m_list);
}

void StartPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Qt 6.4 loses a page's own tab order when the page moves into another parent (the window's stack).
    if (event->type() == QEvent::ParentChange)
        applyTabOrder();
}

void StartPage::setRecentPaths(const QStringList &paths)
{
    m_model->setPaths(paths);
}

void StartPage::focusFirst()
{
    if (m_model->rowCount() > 0) {
        m_list->setCurrentIndex(m_model->index(0, 0));
        m_list->setFocus(Qt::OtherFocusReason);
    } else {
        m_open->setFocus(Qt::OtherFocusReason);
    }
}

void StartPage::updateEmptyNote()
{
    const bool empty = m_model->rowCount() == 0;
    m_emptyNote->setVisible(empty);
    m_list->setVisible(!empty);
}

void StartPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setActive(true); // reads every entry again: it may have changed since
    if (!event->spontaneous())
        focusFirst();
}

void StartPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous()) // minimising the window is no reason to read everything again
        m_model->setActive(false);
}

void StartPage::dragEnterEvent(QDragEnterEvent *event)
{
    // Whether it holds migrations is the loader's call, as for a drop on the window.
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void StartPage::dropEvent(QDropEvent *event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT repositoryRequested(path);
}

} // namespace headway
