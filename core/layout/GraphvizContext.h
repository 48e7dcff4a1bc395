// Owns one Graphviz context (GVC_t) and routes Graphviz's messages to whoever
// is laying out on this thread. Graphviz is not re-entrant: create, use and
// destroy a context on one thread, and have only one thread use Graphviz at a
// time (LayoutService keeps all of it on its worker thread).
#pragma once

#include "diagnostics/Diagnostic.h"

#include <QByteArray>

struct GVC_s; // Graphviz's GVC_t, kept out of this header

namespace headway {

class GraphvizContext
{
public:
    GraphvizContext();
    ~GraphvizContext();
    GraphvizContext(const GraphvizContext &) = delete;
    GraphvizContext &operator=(const GraphvizContext &) = delete;

    GVC_s *handle() const { return m_gvc; }

private:
    GVC_s *m_gvc = nullptr;
};

// Collects what Graphviz reports (agerr) on this thread while it is alive, instead
// of letting Graphviz print to stderr. Messages outside any capture go to the log.
class GraphvizMessageCapture
{
public:
    GraphvizMessageCapture();
    ~GraphvizMessageCapture();
    GraphvizMessageCapture(const GraphvizMessageCapture &) = delete;
    GraphvizMessageCapture &operator=(const GraphvizMessageCapture &) = delete;

    // One diagnostic per line Graphviz wrote so far, its "Error:"/"Warning:" prefix
    // turned into the severity.
    Diagnostics diagnostics() const;

    void append(const char *text) { m_text += text; }

private:
    QByteArray m_text;
    GraphvizMessageCapture *m_outer = nullptr;
};

} // namespace headway
