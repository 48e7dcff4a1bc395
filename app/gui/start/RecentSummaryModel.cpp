#include "start/RecentSummaryModel.h"

#include "workflow/BackgroundWork.h"

#include <QDir>
#include <QFileInfo>

namespace headway {

namespace {

// Summaries get threads of their own: in the global pool they would queue ahead of
// the load of the repository the user just clicked.
QThreadPool *summaryPool()
{
    static QThreadPool *pool = [] {
        auto *threads = new QThreadPool; // lives until exit: reads may outlive every window
        threads->setMaxThreadCount(2);
        return threads;
    }();
    return pool;
}

QString displayName(const QString &path)
{
    const QFileInfo info(path);
    // An alembic.ini is named after the folder that holds it.
    if (info.fileName().endsWith(QLatin1String(".ini")))
        return info.dir().dirName();
    return info.fileName().isEmpty() ? QDir::toNativeSeparators(path) : info.fileName();
}

} // namespace

RecentSummaryModel::RecentSummaryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

RecentSummaryModel::~RecentSummaryModel()
{
    m_cancel->store(true); // results would be dropped anyway: stop reading
}

void RecentSummaryModel::setPaths(const QStringList &paths)
{
    QList<Entry> entries;
    entries.reserve(paths.size());
    for (const QString &path : paths) {
        const int row = rowOf(path);
        entries.append(row >= 0 ? m_entries.at(row) : Entry{path, std::nullopt, 0});
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    if (m_active)
        for (Entry &entry : m_entries)
            if (!entry.summary && entry.job == 0)
                summarize(entry);
}

QStringList RecentSummaryModel::paths() const
{
    QStringList paths;
    for (const Entry &entry : m_entries)
        paths.append(entry.path);
    return paths;
}

void RecentSummaryModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (m_active)
        for (Entry &entry : m_entries)
            summarize(entry);
}

std::optional<RepositorySummary> RecentSummaryModel::summaryOf(const QString &path) const
{
    const int row = rowOf(path);
    return row >= 0 ? m_entries.at(row).summary : std::nullopt;
}

void RecentSummaryModel::summarize(Entry &entry)
{
    entry.job = ++m_nextJob;
    if (m_running++ == 0)
        Q_EMIT summarizingChanged(true);
    // The read gets copies only; its result comes back here, or nowhere once the model is gone.
    const QString path = entry.path;
    const int job = entry.job;
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    runInBackground(
        this, [path, cancel] { return summarizeRepository(path, cancel.get()); },
        [this, path, job](const RepositorySummary &summary) { finish(path, job, summary); }, summaryPool());
}

void RecentSummaryModel::finish(const QString &path, int job, const RepositorySummary &summary)
{
    const int row = rowOf(path);
    // Removed meanwhile, or asked again: a newer read's result is the one to show.
    if (row >= 0 && m_entries.at(row).job == job && !summary.cancelled) {
        m_entries[row].summary = summary;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed);
        Q_EMIT summaryArrived(path);
    }
    if (--m_running == 0)
        Q_EMIT summarizingChanged(false);
}

int RecentSummaryModel::rowOf(const QString &path) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).path == path)
            return row;
    return -1;
}

QString RecentSummaryModel::stateText(const RepositorySummary &summary)
{
    switch (summary.state) {
    case RepositorySummary::State::Missing:
        return tr("Missing");
    case RepositorySummary::State::Unreadable:
        return tr("Cannot read");
    case RepositorySummary::State::Readable:
        break;
    }
    QStringList parts;
    parts << (summary.revisions == 1 ? tr("1 revision") : tr("%1 revisions").arg(summary.revisions));
    parts << (summary.heads == 1 ? tr("1 head") : tr("%1 heads").arg(summary.heads));
    if (summary.errors > 0)
        parts << (summary.errors == 1 ? tr("1 error") : tr("%1 errors").arg(summary.errors));
    if (summary.warnings > 0)
        parts << (summary.warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(summary.warnings));
    if (summary.problems() == 0)
        parts << tr("no problems");
    return parts.join(QStringLiteral(" · "));
}

QString RecentSummaryModel::toolTip(const Entry &entry) const
{
    QString tip = QDir::toNativeSeparators(entry.path);
    if (!entry.summary)
        return tip;
    const RepositorySummary &summary = *entry.summary;
    if (summary.state == RepositorySummary::State::Missing)
        tip += QLatin1Char('\n') + tr("Nothing is there any more: it was moved or deleted.");
    else if (!summary.firstError.isEmpty())
        tip += QLatin1Char('\n') + summary.firstError;
    return tip;
}

int RecentSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RecentSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    const QString state = entry.summary ? stateText(*entry.summary) : tr("Reading…");
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return displayName(entry.path);
    case PathRole:
        return entry.path;
    case StateRole:
        return entry.summary ? int(entry.summary->state) : -1;
    case StateTextRole:
        return state;
    case ProblemsRole:
        return entry.summary ? entry.summary->problems() : 0;
    case Qt::ToolTipRole:
        return toolTip(entry);
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(displayName(entry.path), state);
    case Qt::AccessibleDescriptionRole:
        return QDir::toNativeSeparators(entry.path);
    default:
        return {};
    }
}

} // namespace headway
