#include "RepositoryLayout.h"

#include <QDir>

namespace headway {

QString RepositoryLayout::relativePath(const QString &absolutePath) const
{
    return QDir(baseDirectory).relativeFilePath(absolutePath);
}

} // namespace headway
