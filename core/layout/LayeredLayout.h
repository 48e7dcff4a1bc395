// A simple, fast layered layout for graphs too branchy for Graphviz to lay out
// in good time (dot's placement grows far faster than linearly there, and on
// some such graphs Graphviz 2.43 even crashes when its effort is bounded).
// Ranks by longest path from the bases, orders each rank by the parents'
// positions, and draws straight edges: less pretty than dot, but instant and
// deterministic, with the same orientation (newest on top) and result type.
#pragma once

#include "GraphLayout.h"

namespace headway {

GraphLayout layOutLayered(const LayoutInput &input);

} // namespace headway
