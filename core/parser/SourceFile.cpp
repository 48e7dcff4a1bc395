#include "SourceFile.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace headway {

QString SourceFileRead::describe() const
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Unreadable:
        return QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(error)));
    case Problem::NotAFile:
        return QStringLiteral("is not a regular file");
    case Problem::TooLarge:
        return QStringLiteral("is %1 MB, far larger than any Python source file").arg(size / (1024 * 1024));
    }
    return {};
}

SourceFileRead readSourceFile(const QString &path, qint64 maximumSize, std::vector<char> &buffer)
{
    SourceFileRead result;
    auto unreadable = [&](int error) {
        result.problem = SourceFileRead::Problem::Unreadable;
        result.error = error;
        return result;
    };
    // Plain POSIX reads: loading tens of thousands of files is dominated by
    // this, and O_NONBLOCK keeps a FIFO from hanging us.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return unreadable(errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        const int error = errno;
        const bool regular = S_ISREG(info.st_mode);
        ::close(fd);
        if (regular)
            return unreadable(error);
        result.problem = SourceFileRead::Problem::NotAFile;
        return result;
    }
    if (info.st_size > maximumSize) {
        ::close(fd);
        result.problem = SourceFileRead::Problem::TooLarge;
        result.size = info.st_size;
        return result;
    }
    buffer.resize(static_cast<std::size_t>(info.st_size) + 1);
    std::size_t filled = 0;
    while (true) {
        const ssize_t got = ::read(fd, buffer.data() + filled, buffer.size() - filled);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            return unreadable(error);
        }
        if (got == 0)
            break;
        filled += static_cast<std::size_t>(got);
        if (filled == buffer.size()) {
            if (static_cast<qint64>(filled) > maximumSize) { // it grew past the limit while we read it
                ::close(fd);
                result.problem = SourceFileRead::Problem::TooLarge;
                result.size = static_cast<qint64>(filled);
                return result;
            }
            buffer.resize(buffer.size() * 2);
        }
    }
    ::close(fd);
    result.filled = filled;
    return result;
}

} // namespace headway
