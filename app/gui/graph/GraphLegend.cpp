#include "GraphLegend.h"

#include "GraphStyle.h"

#include <QPainter>

#include <algorithm>

namespace headway {

using namespace graphstyle;

namespace {

constexpr int kRow = 17;
constexpr int kSwatch = 22;
constexpr int kMargin = 8;
constexpr int kColumnGap = 14;

// Boxes are described by the roles and selection states that style them.
struct BoxStyle {
    RevisionRoles roles;
    Emphasis emphasis;
    bool selected;
};

const BoxStyle kBoxes[] = {
    {RevisionRole::Head, Emphasis::Normal, false},
    {RevisionRole::Base, Emphasis::Normal, false},
    {RevisionRole::BranchPoint, Emphasis::Normal, false},
    {RevisionRole::MergePoint, Emphasis::Normal, false},
    {RevisionRole::InCycle, Emphasis::Normal, false},
    {{}, Emphasis::Normal, true},
    {{}, Emphasis::Ancestor, false},
    {{}, Emphasis::Descendant, false},
    {{}, Emphasis::Path, false},
};

} // namespace

GraphLegend::GraphLegend(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents); // drags and clicks reach the graph below
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    setFont(small);
    m_columns[0] = {
        {Swatch::Box, tr("Head"), 0},
        {Swatch::Box, tr("Base"), 1},
        {Swatch::Box, tr("Branch point"), 2},
        {Swatch::Box, tr("Merge point"), 3},
        {Swatch::Box, tr("Cycle or duplicate id"), 4},
        {Swatch::Ghost, tr("Missing revision"), 0},
        {Swatch::Ring, tr("Database revision"), 0},
    };
    m_columns[1] = {
        {Swatch::Line, tr("down_revision"), int(LayoutEdge::Kind::Parent)},
        {Swatch::Line, tr("depends_on"), int(LayoutEdge::Kind::Dependency)},
        {Swatch::Line, tr("Missing parent"), int(LayoutEdge::Kind::Missing)},
        {Swatch::Box, tr("Selected"), 5},
        {Swatch::Box, tr("Ancestor"), 6},
        {Swatch::Box, tr("Descendant"), 7},
        {Swatch::Box, tr("Path between two"), 8},
    };
}

void GraphLegend::setOriginsShown(bool shown)
{
    if (shown == originsShown())
        return;
    m_columns[2].clear();
    if (shown)
        m_columns[2] = {
            {Swatch::Origin, tr("The fork's own"), int(Origin::Fork)},
            {Swatch::Origin, tr("From upstream"), int(Origin::Upstream)},
            {Swatch::Origin, tr("Shared"), int(Origin::Shared)},
            {Swatch::Origin, tr("Uncommitted"), int(Origin::Uncommitted)},
            {Swatch::Origin, tr("Untracked"), int(Origin::Untracked)},
        };
    updateGeometry();
    resize(sizeHint());
    update();
}

QSize GraphLegend::sizeHint() const
{
    int width = 2 * kMargin - kColumnGap; // a gap between columns, none after the last
    int rows = 0;
    for (const QList<Entry> &column : m_columns) {
        if (column.isEmpty())
            continue;
        int widest = 0;
        for (const Entry &entry : column)
            widest = std::max(widest, fontMetrics().horizontalAdvance(entry.text));
        width += kSwatch + 6 + widest + kColumnGap;
        rows = std::max(rows, int(column.size()));
    }
    return {width, 2 * kMargin + rows * kRow};
}

void GraphLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor panel = palette().color(QPalette::Window);
    panel.setAlpha(225);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(panel);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    int x = kMargin;
    for (const QList<Entry> &column : m_columns) {
        if (column.isEmpty())
            continue;
        int y = kMargin;
        int widest = 0;
        for (const Entry &entry : column) {
            const QRectF swatch(x, y + 3, kSwatch, kRow - 6);
            switch (entry.swatch) {
            case Swatch::Box: {
                const BoxStyle &style = kBoxes[entry.index];
                painter.setPen(borderFor(style.roles, style.emphasis, style.selected));
                painter.setBrush(fillFor(style.roles));
                painter.drawRoundedRect(swatch, 3, 3);
                break;
            }
            case Swatch::Ghost:
                painter.setPen(ghostBorder());
                painter.setBrush(ghostFill());
                painter.drawRoundedRect(swatch, 3, 3);
                break;
            case Swatch::Ring:
                painter.setPen(databaseRingPen());
                painter.setBrush(Qt::white);
                painter.drawRoundedRect(swatch.adjusted(1, 1, -1, -1), 3, 3);
                break;
            case Swatch::Origin:
                painter.fillRect(QRectF(swatch.left(), swatch.top(), originStripeWidth + 1, swatch.height()), originColor(Origin(entry.index)));
                break;
            case Swatch::Line:
                painter.setPen(edgePens(LayoutEdge::Kind(entry.index), Emphasis::Normal).line);
                painter.drawLine(swatch.left(), swatch.center().y(), swatch.right(), swatch.center().y());
                break;
            }
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(QRect(x + kSwatch + 6, y, width(), kRow), Qt::AlignLeft | Qt::AlignVCenter,
                             entry.text);
            widest = std::max(widest, fontMetrics().horizontalAdvance(entry.text));
            y += kRow;
        }
        x += kSwatch + 6 + widest + kColumnGap;
    }
}

} // namespace headway
