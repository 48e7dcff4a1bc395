// The graph's look in one place: the box size the layout reserves, fonts,
// colours and cosmetic pens for every role and state, and the zoom levels
// where items drop detail. Items and the legend draw from the same table, so
// the legend cannot drift from what it explains.
#pragma once

#include "LayoutInput.h"
#include "RevisionRoles.h"
#include "fork/MigrationOrigins.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QSizeF>

namespace headway::graphstyle {

// How an item relates to the current selection.
enum class Emphasis {
    Normal,     // nothing selected, or the item is selected itself
    Ancestor,   // an ancestor of a selected revision
    Descendant, // a descendant of a selected revision
    Path,       // on the path between two selected revisions
    Dimmed,     // unrelated to the selection
};

// Light or dark colours, from the application's palette (GraphView follows it).
void setDarkTheme(bool dark);
bool isDarkTheme();

// Box size handed to the layout (scene units = Graphviz points): three lines,
// the id, the message and the operations summary. Every box gets all three, as
// every box gets a message line, so the graph keeps one rhythm.
inline constexpr QSizeF nodeSize{168, 56};
inline constexpr qreal cornerRadius = 6;
inline constexpr qreal textPadding = 8;
// Space outside a box for the current-database ring; part of every boundingRect.
inline constexpr qreal ringMargin = 5;
inline constexpr qreal dimmedOpacity = 0.22;

// Levels of detail (QStyleOptionGraphicsItem::levelOfDetailFromTransform):
// at or above fullDetailLod boxes carry text and badges; between outlineLod
// and fullDetailLod a bordered box; below outlineLod a plain filled rect.
inline constexpr qreal fullDetailLod = 0.4;
inline constexpr qreal outlineLod = 0.15;
// The smallest zoom at which ids are still easy to read (12 px ids at 7 px or more):
// Fit goes no lower, showing the graph's breadth when its whole would be specks.
inline constexpr qreal readableLod = 0.6;
// At or above this, a message too long for one line gets two, in a smaller font
// that is still at least as large on screen as the normal one at 1:1.
inline constexpr qreal twoLineLod = 1.5;

QFont idFont();
QFont messageFont();
QFont summaryFont(); // a revision's operations: smaller than its message
QFont twoLineMessageFont(); // the message on two lines, zoomed in
QFont badgeFont();

// Revisions at full and medium detail.
QColor fillFor(RevisionRoles roles);
const QPen &borderFor(RevisionRoles roles, Emphasis emphasis, bool selected);
// A strong colour per role for boxes drawn a few pixels small, where light fills vanish.
QColor markerFor(RevisionRoles roles, Emphasis emphasis, bool selected);
QColor textColor();
QColor secondaryTextColor();
QColor summaryTextColor(); // greyer than the message: detail, not the headline
const QPen &databaseRingPen();

// Ghosts: a parent no file declares.
QColor ghostFill();
const QPen &ghostBorder();
QColor ghostTextColor();

// Collapsed runs: a stack of plain cards, bordered by their emphasis.
QColor collapsedFill();
const QPen &collapsedBorder(Emphasis emphasis);
QColor collapsedMarker(Emphasis emphasis);

// Edges: the line, and a solid pen for the arrowhead (filled with its colour),
// so arrowheads stay triangles on dashed edges.
struct EdgePens {
    QPen line;
    QPen arrow;
};
const EdgePens &edgePens(LayoutEdge::Kind kind, Emphasis emphasis);

// Where a revision came from (a fork's own, upstream's, ...): the stripe at a box's left edge.
QColor originColor(Origin origin);
inline constexpr qreal originStripeWidth = 5;

// Branch label badges.
QColor badgeFill();
const QPen &badgeBorder();
QColor badgeTextColor();

} // namespace headway::graphstyle
