// The details dock: what the selected revision is (id, message, date, parents
// and children as links that select them, labels, dependencies, file, its
// problems) in a Details tab, what its upgrade() and downgrade() do in an
// Operations tab, and its source, highlighted, below both. Several selected
// revisions get a list instead. File text comes from a SourceReader and the
// operations from the load, never read here.
#pragma once

#include "details/SourceReader.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;

namespace headway {

struct LoadedRepository;
struct OriginReport;
struct Repository;
class OperationsView;
class PythonHighlighter;

class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    // The repository and its operations; the panel keeps a share of `loaded`.
    void setRepository(std::shared_ptr<const LoadedRepository> loaded);
    // The shown repository again, now with its operations: the Operations tab fills in.
    void setOperations(std::shared_ptr<const LoadedRepository> loaded);
    void showRevisions(const QList<int> &revisions);
    // Where each revision came from (git), shown with the revision; null: not known.
    void setOrigins(std::shared_ptr<const OriginReport> origins);
    // Scrolls the source to `line` (1-based) and marks it, once the source is there.
    void revealLine(int line);

    // The revision id on show; empty unless exactly one revision is selected.
    QString shownRevisionId() const;
    QString sourceText() const;
    QString detailsText() const; // the Details tab as plain text
    OperationsView *operationsView() const { return m_operations; }

    // A revision is shown whose source is still being read in the background.
    bool isReadingSource() const { return m_readingSource; }

Q_SIGNALS:
    void revisionLinkActivated(int revision);
    void openFileRequested(const QString &path, int line); // "Open in editor"
    void sourceShown(); // the selected revision's source (or why it cannot be read) is on screen

private:
    bool m_readingSource = false;
    void activateLink(const QString &link);
    void showSource(const QString &path, const SourceText &source);

    void showOperationsOf(const QList<int> &revisions);

    std::shared_ptr<const LoadedRepository> m_loaded;
    const Repository *m_repository = nullptr; // m_loaded's, while there is one
    int m_revision = -1;
    std::shared_ptr<const OriginReport> m_origins;
    QString m_path; // the file whose source is wanted
    QLabel *m_details;
    OperationsView *m_operations;
    QLabel *m_sourceNote;
    QPlainTextEdit *m_source;
    QWidget *m_sourcePane;
    PythonHighlighter *m_highlighter;
    SourceReader *m_reader;
    int m_pendingLine = 0;
};

} // namespace headway
