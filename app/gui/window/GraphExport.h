// File > Export: the shown graph as SVG or PNG (drawn by the view) or as DOT
// (its text written off the GUI thread), asking where first when chosen from
// the menu, in the folder used last.
#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace headway {

class GraphView;
class RepositorySession;

class GraphExport : public QObject
{
    Q_OBJECT

public:
    enum class Format { Svg, Png, Dot };

    // `window` parents the file dialog.
    GraphExport(RepositorySession *session, GraphView *graph, QWidget *window);

    // Asks for a file (named after `baseName`) in directory(), then exports to it.
    void choose(Format format, const QString &baseName);
    void exportTo(const QString &path, Format format);

    QString directory() const { return m_directory; }
    void setDirectory(const QString &directory) { m_directory = directory; }

Q_SIGNALS:
    void finished(const QString &path, const QString &error); // error empty: saved

private:
    RepositorySession *m_session;
    GraphView *m_graph;
    QWidget *m_window;
    QString m_directory;
};

} // namespace headway
