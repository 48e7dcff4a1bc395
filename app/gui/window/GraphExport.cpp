#include "window/GraphExport.h"

#include "graph/GraphView.h"
#include "report/DotReport.h"
#include "session/RepositorySession.h"
#include "window/FileExport.h"
#include "workflow/BackgroundWork.h"

#include <QDir>
#include <QFileDialog>

namespace headway {

GraphExport::GraphExport(RepositorySession *session, GraphView *graph, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_graph(graph)
    , m_window(window)
    , m_directory(QDir::homePath())
{
}

void GraphExport::choose(Format format, const QString &baseName)
{
    static const QStringList suffixes = {QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("gv")};
    const QStringList filters = {tr("SVG images (*.svg)"), tr("PNG images (*.png)"), tr("Graphviz DOT files (*.gv *.dot)")};
    const int kind = static_cast<int>(format);
    const QString name = baseName.isEmpty() ? QStringLiteral("migrations") : baseName;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Graph"), QDir(m_directory).filePath(name + QLatin1Char('.') + suffixes.at(kind)),
        filters.at(kind));
    if (path.isEmpty())
        return;
    m_directory = QFileInfo(path).absolutePath();
    exportTo(path, format);
}

void GraphExport::exportTo(const QString &path, Format format)
{
    if (!m_session->hasRepository())
        return;
    if (format == Format::Dot) {
        // Off the GUI thread: the text of a big graph takes a moment, and the disk may be slow.
        const std::shared_ptr<const Repository> repository = m_session->repository();
        runInBackground(this, [repository, path] { return saveTextFile(path, dotDocument(*repository)); },
                        [this, path](const QString &error) { Q_EMIT finished(path, error); });
        return;
    }
    const bool ok = format == Format::Svg ? m_graph->exportSvg(path) : m_graph->exportPng(path);
    Q_EMIT finished(path, ok ? QString() : tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace headway
