// Lays out one revision graph synchronously: condenses linear runs, has
// Graphviz's dot place what is left, and expands the runs again. Not
// thread-safe (Graphviz is not): LayoutService calls it from its one worker
// thread; tests and the command line may call it directly.
#pragma once

#include "GraphLayout.h"
#include "LayoutInput.h"

namespace headway {

class GraphvizContext;

class GraphvizLayoutEngine
{
public:
    explicit GraphvizLayoutEngine(GraphvizContext &context) : m_context(context) {}

    GraphLayout layout(const LayoutInput &input) const;

private:
    GraphvizContext &m_context;
};

} // namespace headway
