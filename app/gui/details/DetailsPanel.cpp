#include "details/DetailsPanel.h"

#include "details/DetailsText.h"
#include "details/OperationsView.h"
#include "details/PythonHighlighter.h"
#include "layout/LoadedRepository.h"
#include "repository/Repository.h"

#include <QFontDatabase>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace headway {

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_details(new QLabel(this))
    , m_operations(new OperationsView(this))
    , m_sourceNote(new QLabel(this))
    , m_source(new QPlainTextEdit(this))
    , m_sourcePane(new QWidget(this))
    , m_highlighter(new PythonHighlighter(m_source->document()))
    , m_reader(new SourceReader(this))
{
    setObjectName(QStringLiteral("detailsPanel"));
    m_details->setObjectName(QStringLiteral("revisionDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setMargin(6);
    connect(m_details, &QLabel::linkActivated, this, &DetailsPanel::activateLink);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setAccessibleName(tr("Migration source"));
    m_sourceNote->setWordWrap(true);
    m_sourceNote->hide();

    auto *sourceLayout = new QVBoxLayout(m_sourcePane);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    sourceLayout->addWidget(m_sourceNote);
    sourceLayout->addWidget(m_source);

    // The source stays below the tabs, so a row in Operations can point into it.
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("detailsTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(scroll, tr("Details"));
    tabs->addTab(m_operations, tr("Operations"));
    connect(m_operations, &OperationsView::lineActivated, this, &DetailsPanel::revealLine);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tabs);
    splitter->addWidget(m_sourcePane);
    // Half each until the user drags the handle: the facts (parents, file, "Open in
    // editor") fit without scrolling above the source.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({1000, 1000});
    scroll->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_reader, &SourceReader::sourceRead, this, &DetailsPanel::showSource);
    showRevisions({});
}

void DetailsPanel::setRepository(std::shared_ptr<const LoadedRepository> loaded)
{
    m_loaded = std::move(loaded);
    m_repository = m_loaded ? m_loaded->repository.get() : nullptr;
    m_reader->clearCache(); // a reload means the files may have changed
    m_revision = -1;
    m_path.clear();
    showRevisions({});
}

void DetailsPanel::setOperations(std::shared_ptr<const LoadedRepository> loaded)
{
    if (!loaded || !m_loaded || loaded->repository != m_loaded->repository)
        return;
    m_loaded = std::move(loaded);
    if (m_revision >= 0)
        showOperationsOf({m_revision});
}

QString DetailsPanel::detailsText() const
{
    return QTextDocumentFragment::fromHtml(m_details->text()).toPlainText();
}

void DetailsPanel::setOrigins(std::shared_ptr<const OriginReport> origins)
{
    m_origins = std::move(origins);
    if (m_revision >= 0)
        showRevisions({m_revision});
}

void DetailsPanel::showRevisions(const QList<int> &revisions)
{
    const bool one = m_repository && revisions.size() == 1;
    m_revision = one ? revisions.first() : -1;
    if (!m_repository) {
        m_details->setText(tr("No repository open."));
    } else if (one) {
        m_details->setText(revisionDetailsHtml(*m_repository, m_revision) + originHtml(m_origins.get(), m_repository->graph.node(m_revision).id));
    } else {
        m_details->setText(selectionSummaryHtml(*m_repository, revisions));
    }
    showOperationsOf(revisions);
    const QString path = one ? m_repository->fileOf(m_revision).path : QString();
    m_sourcePane->setVisible(!path.isEmpty());
    if (path == m_path)
        return;
    m_path = path;
    m_pendingLine = 0;
    m_source->clear();
    m_sourceNote->hide();
    m_readingSource = !path.isEmpty();
    if (m_readingSource)
        m_reader->read(path);
}

void DetailsPanel::showOperationsOf(const QList<int> &revisions)
{
    if (m_revision >= 0 && m_loaded->operationsPending)
        m_operations->showPlaceholder(tr("Reading the migrations' operations…"));
    else if (m_revision >= 0)
        m_operations->showOperations(m_loaded->operationsOf(m_revision));
    else if (!m_repository)
        m_operations->showPlaceholder(tr("No repository open."));
    else if (revisions.isEmpty())
        m_operations->showPlaceholder(tr("Select a revision to see its operations."));
    else
        m_operations->showPlaceholder(tr("Select one revision to see its operations."));
}

QString DetailsPanel::shownRevisionId() const
{
    return m_revision >= 0 ? m_repository->graph.node(m_revision).id : QString();
}

QString DetailsPanel::sourceText() const
{
    return m_source->toPlainText();
}

void DetailsPanel::activateLink(const QString &link)
{
    if (link.startsWith(QLatin1String("revision:"))) {
        Q_EMIT revisionLinkActivated(link.mid(9).toInt());
    } else if (link == QLatin1String("open:") && !m_path.isEmpty()) {
        // At the line the source view's cursor is on: a revealed problem, or where the user clicked.
        Q_EMIT openFileRequested(m_path, m_source->textCursor().blockNumber() + 1);
    } else if (link.startsWith(QLatin1String("line:"))) {
        revealLine(link.mid(5).toInt());
    }
}

void DetailsPanel::showSource(const QString &path, const SourceText &source)
{
    if (path != m_path)
        return;
    m_readingSource = false;
    if (!source.error.isEmpty()) {
        m_sourceNote->setText(tr("Cannot read %1: %2").arg(path, source.error));
        m_sourceNote->show();
        Q_EMIT sourceShown();
        return;
    }
    m_source->setPlainText(source.text);
    if (source.truncated) {
        m_sourceNote->setText(tr("Only the first %1 MB of this file are shown.")
                                  .arg(SourceReader::maxBytes / (1024 * 1024)));
        m_sourceNote->show();
    }
    if (m_pendingLine > 0)
        revealLine(m_pendingLine);
    Q_EMIT sourceShown();
}

void DetailsPanel::revealLine(int line)
{
    if (m_source->document()->isEmpty()) {
        m_pendingLine = line; // the source is still being read
        return;
    }
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.select(QTextCursor::LineUnderCursor);
    m_source->setTextCursor(cursor);
    m_source->centerCursor();
    m_pendingLine = 0;
}

} // namespace headway
