// Turns a migration file's bytes into the UTF-8 text the lexer reads, the way
// Python decides a source file's encoding: a UTF-8 BOM, a PEP 263 coding
// cookie on one of the first two lines, UTF-8 otherwise.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <QByteArray>

#include <string_view>

namespace headway {

struct SourceText {
    std::string_view utf8; // points into the source or into the conversion buffer
    bool blank = false;    // nothing but white space
};

// `converted` owns the text when it had to be re-encoded; problems go to `diagnostics`.
SourceText decodeSource(const QString &path, QByteArrayView source, QByteArray &converted,
                        Diagnostics &diagnostics);

// Position of the first byte that is not valid UTF-8, or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes);

} // namespace headway
