// Reads a migration file's source for display, off the GUI thread and at most
// `maxBytes` of it, and hands back only the newest request's answer. Keeps the
// last few files so stepping back and forth through revisions does not re-read.
#pragma once

#include <QCache>
#include <QObject>

namespace headway {

struct SourceText {
    QString text;
    bool truncated = false; // the file is longer than maxBytes; text holds its start
    QString error;          // why it could not be read; empty on success
};

class SourceReader : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 maxBytes = 1024 * 1024;

    explicit SourceReader(QObject *parent = nullptr);

    // Answers with sourceRead(path, ...), at once if cached, else once read.
    void read(const QString &path);
    // The files may have changed on disk (the repository was reloaded).
    void clearCache() { m_cache.clear(); }

    // Synchronous read; runs on a worker thread.
    static SourceText readFile(const QString &path);

Q_SIGNALS:
    void sourceRead(const QString &path, const headway::SourceText &source);

private:
    QCache<QString, SourceText> m_cache{32};
    int m_job = 0;
};

} // namespace headway
