// What the graph's colours and line styles mean, as a small translucent panel
// over a corner of the view. A widget, not a scene item, so it keeps its size
// and place while the graph zooms and scrolls; it lets the mouse through.
#pragma once

#include <QWidget>

namespace headway {

class GraphLegend : public QWidget
{
    Q_OBJECT

public:
    explicit GraphLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    // A third column explains the origin stripes, while they are drawn.
    void setOriginsShown(bool shown);
    bool originsShown() const { return !m_columns[2].isEmpty(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    enum class Swatch { Box, Ghost, Ring, Line, Origin };
    struct Entry {
        Swatch swatch;
        QString text;
        int index; // role, state or edge kind, depending on the swatch
    };
    QList<Entry> m_columns[3];
};

} // namespace headway
