#include "details/SourceReader.h"

#include "workflow/BackgroundWork.h"

#include <QFile>

namespace headway {

SourceReader::SourceReader(QObject *parent)
    : QObject(parent)
{
}

void SourceReader::read(const QString &path)
{
    const int job = ++m_job;
    if (const SourceText *cached = m_cache.object(path)) {
        Q_EMIT sourceRead(path, *cached);
        return;
    }
    runInBackground(this, [path] { return readFile(path); }, [this, job, path](const SourceText &source) {
        if (source.error.isEmpty())
            m_cache.insert(path, new SourceText(source));
        if (job == m_job) // an answer nobody waits for any more is only cached
            Q_EMIT sourceRead(path, source);
    });
}

SourceText SourceReader::readFile(const QString &path)
{
    SourceText source;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        source.error = file.errorString();
        return source;
    }
    const QByteArray bytes = file.read(maxBytes + 1);
    source.truncated = bytes.size() > maxBytes;
    // Migration files are UTF-8 (PEP 3120); a broken byte shows as U+FFFD, never as an error.
    source.text = QString::fromUtf8(bytes.left(maxBytes));
    return source;
}

} // namespace headway
