// Writes exported text (the DOT document) to disk without ever leaving a half
// written file behind, through the core's one atomic writer (io/AtomicFile).
#pragma once

#include <QString>

namespace headway {

// Returns an empty string on success, else why it failed, in words for the user.
QString saveTextFile(const QString &path, const QString &text);

} // namespace headway
