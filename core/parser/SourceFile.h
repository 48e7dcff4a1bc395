// Reads a Python source file Headway does not own without ever hanging on it:
// O_NONBLOCK so a FIFO cannot block the open, only regular files, a size
// limit, and the reason in words when the file cannot be read. Migration files
// and the project modules they import are read through it.
#pragma once

#include <QString>

#include <vector>

namespace headway {

struct SourceFileRead {
    enum class Problem { None, Unreadable, NotAFile, TooLarge };
    Problem problem = Problem::None;
    int error = 0;      // errno, for Unreadable
    qint64 size = 0;    // the file's size, for TooLarge
    std::size_t filled = 0; // bytes read into the buffer

    bool ok() const { return problem == Problem::None; }
    // "Permission denied", "is not a regular file", "is 70 MB": completes "<file> ..."
    QString describe() const;
};

// Fills `buffer` (kept by the caller, so a loop over thousands of files reuses it).
SourceFileRead readSourceFile(const QString &path, qint64 maximumSize, std::vector<char> &buffer);

} // namespace headway
