// Left-to-right layouts are top-down layouts turned a quarter: the engine lays
// out the graph with every box's width and height swapped, then rotates the
// result, so Graphviz, run condensation and the layered fallback only ever
// know one direction.
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"

namespace headway {

// `input` with boxes turned on their side and the direction set to TopDown.
LayoutInput turnedForLeftRight(const LayoutInput &input);
// A top-down layout of turnedForLeftRight(...) as the left-to-right layout of the
// original input: (x, y) becomes (-y, x), so the bases, at the bottom, end up at
// the left; boxes get their own sizes back.
GraphLayout rotatedToLeftRight(GraphLayout layout);

} // namespace headway
