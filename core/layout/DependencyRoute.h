// The route of a depends_on edge, drawn over the finished layout instead of
// being laid out by Graphviz. Such edges do not rank revisions anyway
// (constraint=false), and routing them through every rank they span was most
// of dot's time on big histories (10,000 revisions: 2.4 s of 3.3 s, with 3.5
// times the boxes to place) while pushing unrelated boxes apart.
#pragma once

#include "GraphLayout.h"

namespace headway {

// An arc from the side of `from`'s box into the side of `to`'s: between boxes in
// one column it bulges out to their right, clear of the parent edges running
// through that column; between columns it joins the facing sides. The
// arrowhead ends on `to`'s box.
BezierCurve dependencyRoute(const NodeGeometry &from, const NodeGeometry &to, qreal arrowLength);

} // namespace headway
