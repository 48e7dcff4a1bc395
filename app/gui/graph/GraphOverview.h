// A small picture of the whole graph with the main view's visible area as a
// frame, as in KCachegrind's overview: drag the frame (or click anywhere) to
// move the main view there; the arrow keys move it too. The picture is the
// same scene rendered once into a pixmap whenever the scene changes (coalesced),
// so a 100,000-revision graph costs one render, not a second live view. A long,
// narrow graph is stretched across (at most 4x) so that it is not a hairline.
#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

namespace headway {

class GraphView;

class GraphOverview : public QWidget
{
    Q_OBJECT

public:
    explicit GraphOverview(GraphView *view, QWidget *parent = nullptr);

    QSize sizeHint() const override { return {240, 180}; }
    // Where the main view's visible area is drawn, in this widget's coordinates.
    QRectF visibleFrame() const;
    // The scene point under `point` of this widget.
    QPointF scenePointAt(QPointF point) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void scheduleRender();
    void render();
    QRectF pictureRect() const; // where the scene's rect is drawn
    void moveViewTo(QPointF widgetPoint);

    GraphView *m_view;
    QPixmap m_picture;
    QTimer m_renderTimer;
    QPointF m_grabOffset; // from the frame's centre to where it was grabbed
};

} // namespace headway
