#include "GraphvizContext.h"

#include <QLoggingCategory>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace headway {

namespace {

Q_LOGGING_CATEGORY(lcGraphviz, "headway.layout.graphviz")

thread_local GraphvizMessageCapture *t_capture = nullptr;
thread_local QByteArray t_uncaptured; // Graphviz sends a message in pieces; log whole lines

// agseterrf's handler is process-wide; the capture it feeds is per thread.
int routeGraphvizMessage(char *text)
{
    if (t_capture) {
        t_capture->append(text);
        return 0;
    }
    t_uncaptured += text;
    qsizetype end;
    while ((end = t_uncaptured.indexOf('\n')) >= 0) {
        qCWarning(lcGraphviz, "%s", t_uncaptured.left(end).constData());
        t_uncaptured.remove(0, end + 1);
    }
    return 0;
}

} // namespace

GraphvizContext::GraphvizContext()
    : m_gvc(gvContext())
{
    agseterrf(&routeGraphvizMessage);
    agseterr(AGWARN);
}

GraphvizContext::~GraphvizContext()
{
    if (m_gvc)
        gvFreeContext(m_gvc);
}

GraphvizMessageCapture::GraphvizMessageCapture()
    : m_outer(t_capture)
{
    t_capture = this;
}

GraphvizMessageCapture::~GraphvizMessageCapture()
{
    t_capture = m_outer;
}

Diagnostics GraphvizMessageCapture::diagnostics() const
{
    Diagnostics result;
    const QList<QByteArray> lines = m_text.split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const QString hint = QStringLiteral("Graphviz reported this while laying out the graph; "
                                            "the drawing may be incomplete.");
        if (line.startsWith("Error:")) {
            result += Diagnostic::error(QStringLiteral("graphviz-error"),
                                        QString::fromUtf8(line.mid(6).trimmed()), {}, 0, hint);
        } else {
            const QByteArray message = line.startsWith("Warning:") ? line.mid(8).trimmed() : line;
            result += Diagnostic::warning(QStringLiteral("graphviz-warning"),
                                          QString::fromUtf8(message), {}, 0, hint);
        }
    }
    return result;
}

} // namespace headway
