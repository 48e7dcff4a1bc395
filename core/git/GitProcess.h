// One run of git plumbing, to its end, with its raw output: the one way Headway
// talks to git. Argument lists only; a fixed C locale; optional locks off, so a
// read never rewrites the index (git status would). Blocks the calling thread:
// call it on a worker thread or from the CLI, never on the GUI thread.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

namespace headway {

struct GitOutput {
    bool ok = false;       // started, and exited with status 0
    bool cancelled = false;
    int exitCode = -1;
    QByteArray out;        // stdout, byte for byte
    QString error;         // stderr, or why git could not run
};

class GitProcess
{
public:
    // Runs in `directory`; `cancel`, when set while git runs, ends it.
    explicit GitProcess(QString directory, const std::atomic<bool> *cancel = nullptr);

    GitOutput run(const QStringList &arguments, const QByteArray &input = {}) const;
    const QString &directory() const { return m_directory; }

    // NUL-separated records, empty ones dropped (what -z prints).
    static QList<QByteArray> splitNul(const QByteArray &bytes);

private:
    QString m_directory;
    const std::atomic<bool> *m_cancel;
};

} // namespace headway
