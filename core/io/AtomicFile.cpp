#include "AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>

namespace headway {

QString AtomicFile::write(const QString &path, const QByteArray &bytes, MissingFolder missingFolder)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (missingFolder == MissingFolder::Create && !QDir().mkpath(directory)) {
        const int error = errno; // mkpath ends with the mkdir() that failed
        return QStringLiteral("Cannot create the folder %1 for %2: %3")
            .arg(QDir::toNativeSeparators(directory), QDir::toNativeSeparators(path), qt_error_string(error));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace headway
