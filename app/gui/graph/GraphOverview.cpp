#include "GraphOverview.h"

#include "GraphScene.h"
#include "GraphView.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace headway {

namespace {

constexpr int kRenderDelayMs = 150; // a burst of scene changes (a selection, a reload) renders once
constexpr qreal kKeyStep = 0.1;     // of the visible area, per arrow key
// A long history kept in proportion is a hairline: its short side is stretched until
// it covers a fifth of the room, but never more than four times.
constexpr qreal kShortSideShare = 0.2;
constexpr qreal kMaximumStretch = 4;

qreal stretchOf(qreal pictureLength, qreal roomLength)
{
    return pictureLength <= 0 ? 1 : std::clamp(roomLength * kShortSideShare / pictureLength, 1.0, kMaximumStretch);
}

} // namespace

GraphOverview::GraphOverview(GraphView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("graphOverview"));
    setAccessibleName(tr("Graph overview"));
    setToolTip(tr("The whole graph; the frame is what the main view shows. Drag it, click elsewhere, or use the arrow keys."));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(120, 90);
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(kRenderDelayMs);
    connect(&m_renderTimer, &QTimer::timeout, this, &GraphOverview::render);
    GraphScene *scene = view->graphScene();
    connect(scene, &QGraphicsScene::changed, this, &GraphOverview::scheduleRender);
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &GraphOverview::scheduleRender);
    // The frame follows the main view: scrolling, zooming and resizing all move a scroll bar.
    const auto follow = [this] { update(); };
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, follow);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, follow);
    connect(view, &GraphView::zoomChanged, this, follow);
}

void GraphOverview::scheduleRender()
{
    if (isVisible())
        m_renderTimer.start();
}

void GraphOverview::render()
{
    GraphScene *scene = m_view->graphScene();
    const qreal ratio = devicePixelRatioF();
    QPixmap picture(size() * ratio);
    picture.setDevicePixelRatio(ratio);
    picture.fill(palette().color(QPalette::Base));
    if (scene->hasGraph()) {
        QPainter painter(&picture);
        scene->render(&painter, pictureRect(), scene->sceneRect(), Qt::IgnoreAspectRatio);
    }
    m_picture = picture;
    update();
}

QRectF GraphOverview::pictureRect() const
{
    const QRectF scene = m_view->graphScene()->sceneRect();
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    if (scene.isEmpty() || area.isEmpty())
        return area;
    const qreal scale = std::min(area.width() / scene.width(), area.height() / scene.height());
    QSizeF size = scene.size() * scale;
    size = {std::min(area.width(), size.width() * stretchOf(size.width(), area.width())),
            std::min(area.height(), size.height() * stretchOf(size.height(), area.height()))};
    QRectF picture(QPointF(), size);
    picture.moveCenter(area.center());
    return picture;
}

QRectF GraphOverview::visibleFrame() const
{
    const QRectF scene = m_view->graphScene()->sceneRect();
    if (scene.isEmpty())
        return {};
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect().intersected(scene);
    const QRectF picture = pictureRect();
    const qreal scaleX = picture.width() / scene.width();
    const qreal scaleY = picture.height() / scene.height();
    return {picture.left() + (visible.left() - scene.left()) * scaleX, picture.top() + (visible.top() - scene.top()) * scaleY,
            visible.width() * scaleX, visible.height() * scaleY};
}

QPointF GraphOverview::scenePointAt(QPointF point) const
{
    const QRectF scene = m_view->graphScene()->sceneRect();
    const QRectF picture = pictureRect();
    if (picture.isEmpty())
        return scene.center();
    return {scene.left() + (point.x() - picture.left()) * scene.width() / picture.width(),
            scene.top() + (point.y() - picture.top()) * scene.height() / picture.height()};
}

void GraphOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_view->graphScene()->hasGraph()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No graph"));
        return;
    }
    painter.drawPixmap(0, 0, m_picture);
    const QRectF frame = visibleFrame();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlphaF(0.15);
    painter.setBrush(fill);
    painter.setPen(QPen(palette().color(QPalette::Highlight), hasFocus() ? 2 : 1.5));
    // Never smaller than a few pixels: zoomed in far, the frame must still be found.
    QRectF shown = frame;
    if (shown.width() < 6 || shown.height() < 6)
        shown = QRectF(frame.center() - QPointF(3, 3), QSizeF(6, 6));
    painter.drawRect(shown);
}

void GraphOverview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleRender();
}

void GraphOverview::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    render(); // changes made while hidden were not rendered
}

void GraphOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QRectF frame = visibleFrame();
    // Grabbing the frame keeps the grip; a click elsewhere centres the view there.
    m_grabOffset = frame.contains(event->position()) ? frame.center() - event->position() : QPointF();
    moveViewTo(event->position());
}

void GraphOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

void GraphOverview::keyPressEvent(QKeyEvent *event)
{
    const QRectF frame = visibleFrame();
    QPointF step;
    switch (event->key()) {
    case Qt::Key_Left: step = {-frame.width() * kKeyStep, 0}; break;
    case Qt::Key_Right: step = {frame.width() * kKeyStep, 0}; break;
    case Qt::Key_Up: step = {0, -frame.height() * kKeyStep}; break;
    case Qt::Key_Down: step = {0, frame.height() * kKeyStep}; break;
    default: QWidget::keyPressEvent(event); return;
    }
    step = QPointF(step.x() == 0 ? 0 : std::copysign(std::max(std::abs(step.x()), 2.0), step.x()),
                   step.y() == 0 ? 0 : std::copysign(std::max(std::abs(step.y()), 2.0), step.y()));
    m_grabOffset = QPointF();
    moveViewTo(frame.center() + step);
}

void GraphOverview::moveViewTo(QPointF widgetPoint)
{
    m_view->centerOn(scenePointAt(widgetPoint + m_grabOffset));
    update();
}

} // namespace headway
