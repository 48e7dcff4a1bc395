// Every migration file's operations, read statically and in parallel: what the
// conflict finder, the details panel and the graph's node summaries read.
// Reads files from disk: call it off the GUI thread. Kept packed
// (OperationPacking): a file's operations are unpacked when asked for.
#pragma once

#include "MigrationOperation.h"
#include "workflow/WorkPriority.h"

#include <QList>
#include <QString>

#include <atomic>

namespace headway {

struct Repository;

// What could not be read is kept with the file, not thrown away: one
// NotAnalysed entry naming why (unreadable, binary, too large).
class RepositoryOperations
{
public:
    RepositoryOperations() = default;
    // Reads every file of `repository` on `threads` threads (0: all cores); at Low
    // priority all of them are made for it and yield to the window.
    static RepositoryOperations read(const Repository &repository, int threads = 0,
                                     const std::atomic<bool> *cancel = nullptr,
                                     WorkPriority priority = WorkPriority::Normal);
    static MigrationOperations readFile(const QString &path);
    // Sources already in memory (from git objects), by file index; `paths` name them in messages.
    static RepositoryOperations fromSources(const QStringList &paths, const QList<QByteArray> &sources);
    static MigrationOperations readSource(const QString &path, QByteArrayView bytes);

    bool isEmpty() const { return m_byFile.isEmpty(); }
    // By file index, as Repository::files; empty operations for an index out of range.
    MigrationOperations ofFile(int fileIndex) const;
    MigrationOperations ofNode(const Repository &repository, int node) const;
    // summaryLine() of a node's operations, made while reading: the graph shows
    // one per box without unpacking every file on the GUI thread.
    QString summaryOfNode(const Repository &repository, int node) const;

    // A node's short summary for the graph: "+users.prefs  +ix ix_user_email (user.email)", cut to `maximum`.
    static QString summaryLine(const MigrationOperations &operations, int maximum = 48);

private:
    QList<QByteArray> m_byFile; // OperationPacking::pack of each file's
    QList<QString> m_summaries; // summaryLine() of each file's
};

} // namespace headway
