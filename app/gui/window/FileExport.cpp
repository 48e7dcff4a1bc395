#include "window/FileExport.h"

#include "io/AtomicFile.h"

namespace headway {

QString saveTextFile(const QString &path, const QString &text)
{
    return AtomicFile::write(path, text.toUtf8(), AtomicFile::MissingFolder::Fail); // where the user chose
}

} // namespace headway
