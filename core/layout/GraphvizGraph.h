// One pass of Graphviz's dot over a LayoutInput: builds the cgraph graph, runs
// gvLayout, reads positions and routes back in scene coordinates and frees it
// all. Runs on the calling thread; see GraphvizContext for the threading rules.
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"

namespace headway {

class GraphvizContext;

// Graphviz's messages are left to the caller's GraphvizMessageCapture; a failed
// gvLayout gives succeeded == false and a diagnostic. Every node's box keeps the
// input's size; Parent and Missing edges leave the top centre of the older box and
// end at the bottom centre of the newer (RunCondenser relies on that); Dependency
// edges, if any, are routed but neither rank nor pull boxes.
GraphLayout layOutWithGraphviz(GraphvizContext &context, const LayoutInput &input);

} // namespace headway
