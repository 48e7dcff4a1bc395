#include "window/FileExport.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace headway {

QString saveTextFile(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QCoreApplication::translate("headway::FileExport", "Cannot write %1: %2").arg(path, file.errorString());
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QCoreApplication::translate("headway::FileExport", "Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace headway
