#include "RepositoryOperations.h"

#include "OperationPacking.h"
#include "OperationReader.h"
#include "parser/MigrationParser.h"
#include "parser/SourceEncoding.h"
#include "parser/SourceFile.h"
#include "repository/Repository.h"

#include <QThread>

#include <cstring>
#include <thread>

namespace headway {

namespace {

constexpr int filesPerTask = 16;

MigrationOperations unread(const QString &why)
{
    MigrationOperation operation;
    operation.text = why;
    MigrationOperations operations;
    operations.upgrade += operation;
    return operations;
}

} // namespace

MigrationOperations RepositoryOperations::readFile(const QString &path)
{
    thread_local std::vector<char> buffer; // reused across thousands of files
    const SourceFileRead read = readSourceFile(path, MigrationParser::maximumFileSize, buffer);
    if (!read.ok())
        return unread(QStringLiteral("not read: the file ") + read.describe());
    return readSource(path, QByteArrayView(buffer.data(), qsizetype(read.filled)));
}

MigrationOperations RepositoryOperations::readSource(const QString &path, QByteArrayView bytes)
{
    if (bytes.size() > MigrationParser::maximumFileSize)
        return unread(QStringLiteral("not read: the file is larger than %1 MB").arg(MigrationParser::maximumFileSize >> 20));
    if (std::memchr(bytes.data(), 0, std::size_t(bytes.size())))
        return unread(QStringLiteral("not read: a binary file"));
    QByteArray converted;
    Diagnostics ignored; // the parser already reported the encoding's problems
    const SourceText text = decodeSource(path, bytes, converted, ignored);
    return OperationReader::read(text.utf8);
}

RepositoryOperations RepositoryOperations::read(const Repository &repository, int threads,
                                                const std::atomic<bool> *cancel, WorkPriority priority)
{
    const int total = int(repository.files.size());
    std::vector<QByteArray> byFile(static_cast<std::size_t>(total));
    std::vector<QString> summaries(static_cast<std::size_t>(total));
    std::atomic<int> nextTask{0};
    auto readNextBatch = [&] {
        const int first = nextTask.fetch_add(filesPerTask);
        if (first >= total || (cancel && cancel->load()))
            return false;
        for (int i = first; i < std::min(total, first + filesPerTask); ++i) {
            const MigrationOperations read = readFile(repository.files.at(i).path);
            byFile[std::size_t(i)] = OperationPacking::pack(read);
            summaries[std::size_t(i)] = summaryLine(read);
        }
        return true;
    };
    threads = threads > 0 ? threads : QThread::idealThreadCount();
    threads = std::clamp(std::min(threads, total / filesPerTask + 1), 1, 64);
    // The calling thread works too, unless the work is lowered: then it may be a pooled
    // thread, which must keep its priority.
    const bool low = priority == WorkPriority::Low;
    std::vector<std::thread> helpers;
    for (int i = low ? 0 : 1; i < threads; ++i)
        helpers.emplace_back([&] {
            if (low)
                lowerCurrentThreadPriority();
            while (readNextBatch()) {}
        });
    if (!low)
        while (readNextBatch()) {}
    for (std::thread &helper : helpers)
        helper.join();

    RepositoryOperations operations;
    operations.m_byFile.reserve(total);
    for (QByteArray &file : byFile)
        operations.m_byFile.append(std::move(file));
    operations.m_summaries.reserve(total);
    for (QString &summary : summaries)
        operations.m_summaries.append(std::move(summary));
    return operations;
}

RepositoryOperations RepositoryOperations::fromSources(const QStringList &paths, const QList<QByteArray> &sources)
{
    RepositoryOperations operations;
    operations.m_byFile.reserve(sources.size());
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const MigrationOperations read = readSource(paths.value(i), sources.at(i));
        operations.m_byFile.append(OperationPacking::pack(read));
        operations.m_summaries.append(summaryLine(read));
    }
    return operations;
}

MigrationOperations RepositoryOperations::ofFile(int fileIndex) const
{
    return fileIndex >= 0 && fileIndex < m_byFile.size() ? OperationPacking::unpack(m_byFile.at(fileIndex))
                                                         : MigrationOperations();
}

QString RepositoryOperations::summaryOfNode(const Repository &repository, int node) const
{
    const int file = node >= 0 && node < repository.graph.size() ? repository.graph.node(node).fileIndex : -1;
    return file >= 0 && file < m_summaries.size() ? m_summaries.at(file) : QString();
}

MigrationOperations RepositoryOperations::ofNode(const Repository &repository, int node) const
{
    return ofFile(node >= 0 && node < repository.graph.size() ? repository.graph.node(node).fileIndex : -1);
}

QString RepositoryOperations::summaryLine(const MigrationOperations &operations, int maximum)
{
    QString line;
    for (const MigrationOperation &operation : operations.upgrade) {
        const QString part = operation.summary();
        if (!line.isEmpty() && line.size() + 2 + part.size() > maximum)
            return line + QStringLiteral(" …");
        line += (line.isEmpty() ? QString() : QStringLiteral("  ")) + part;
    }
    return line.size() > maximum ? line.left(maximum - 1) + QStringLiteral("…") : line;
}

} // namespace headway
