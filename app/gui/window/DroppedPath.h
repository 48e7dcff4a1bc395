// The one local path among dropped URLs, or empty: Headway opens one
// repository at a time. Shared by the window and its start page.
#pragma once

#include <QMimeData>
#include <QUrl>

namespace headway {

inline QString droppedPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    return mime->urls().first().toLocalFile();
}

} // namespace headway
