// The start page's list of recent repositories with what each one holds:
// revisions, heads, problems, or that it is missing or cannot be read. The
// summaries are read in the background (core's summarizeRepository), each
// entry by itself, while the page is active; a result for an entry removed or
// asked again meanwhile is dropped, and reads still running when the model
// goes are told to stop.
#pragma once

#include "repository/RepositorySummary.h"

#include <QAbstractListModel>
#include <QHash>

#include <atomic>
#include <memory>
#include <optional>

namespace headway {

class RecentSummaryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PathRole = Qt::UserRole + 1, // QString: the repository as opened
        NameRole,                    // QString: its folder's name
        StateRole,                   // int: a RepositorySummary::State, or -1 while it is read
        StateTextRole,               // QString: "5 revisions · 2 heads · 1 warning", "Missing", ...
        ProblemsRole,                // int: errors and warnings found in a readable one
    };

    explicit RecentSummaryModel(QObject *parent = nullptr);
    ~RecentSummaryModel() override;

    // Newest first. Entries still listed keep what is known about them.
    void setPaths(const QStringList &paths);
    QStringList paths() const;
    // Inactive: changes are only noted. Becoming active reads every entry again,
    // since a repository may have changed on disk while the page was hidden.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    bool isSummarizing() const { return m_running > 0; }
    std::optional<RepositorySummary> summaryOf(const QString &path) const;

    // What the list says about an entry, in the user's words.
    static QString stateText(const RepositorySummary &summary);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void summaryArrived(const QString &path);
    void summarizingChanged(bool summarizing);

private:
    struct Entry {
        QString path;
        std::optional<RepositorySummary> summary;
        int job = 0; // the read whose result counts; 0: none asked since the last change
    };

    void summarize(Entry &entry);
    void finish(const QString &path, int job, const RepositorySummary &summary);
    int rowOf(const QString &path) const;
    QString toolTip(const Entry &entry) const;

    QList<Entry> m_entries;
    bool m_active = false;
    int m_nextJob = 0;
    int m_running = 0;
    // Shared with every read in flight: set when the model goes, so they stop early.
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace headway
