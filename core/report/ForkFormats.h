// What `headway-cli origins` and `preview-merge` print: the text a person reads
// and the JSON contract (field names are public: CI scripts read them).
#pragma once

#include "fork/MergePreview.h"
#include "fork/MigrationOrigins.h"

#include <QJsonObject>

namespace headway {

namespace ForkFormats {

QJsonObject originsJson(const OriginReport &report);
QString originsText(const OriginReport &report);

QJsonObject previewJson(const MergePreviewResult &preview);
QString previewText(const MergePreviewResult &preview);

} // namespace ForkFormats

} // namespace headway
