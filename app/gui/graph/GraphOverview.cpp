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
        scene->render(&painter, pictureRect(), scene->sceneRect(), Qt::KeepAspectRatio);
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
    QRectF picture(0, 0, scene.width() * scale, scene.height() * scale);
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
    const qreal scale = picture.width() / scene.width();
    return {picture.left() + (visible.left() - scene.left()) * scale, picture.top() + (visible.top() - scene.top()) * scale,
            visible.width() * scale, visible.height() * scale};
}

QPointF GraphOverview::scenePointAt(QPointF point) const
{
    const QRectF scene = m_view->graphScene()->sceneRect();
    const QRectF picture = pictureRect();
    if (picture.isEmpty())
        return scene.center();
    const qreal scale = scene.width() / picture.width();
    return {scene.left() + (point.x() - picture.left()) * scale, scene.top() + (point.y() - picture.top()) * scale};
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
