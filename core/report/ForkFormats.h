// What `headway-cli origins` and `preview-merge` print: the text a person reads
// and the JSON contract (field names are public: CI scripts read them).
#pragma once

#include "fork/MergePreview.h"
#include "fork/MigrationOrigins.h"
#include "report/CiAnnotations.h"

#include <QJsonObject>

namespace headway {

namespace ForkFormats {

QJsonObject originsJson(const OriginReport &report);
QString originsText(const OriginReport &report);

QJsonObject previewJson(const MergePreviewResult &preview);
QString previewText(const MergePreviewResult &preview);
// For CI: the merged graph's health as check reports it, then what collides between its heads,
// each shown first at a file the checkout has (REF's files exist only after the merge).
QList<CiAnnotation> previewAnnotations(const MergePreviewResult &preview);
QList<CiRule> previewRules(const QList<CiAnnotation> &annotations);

} // namespace ForkFormats

} // namespace headway
