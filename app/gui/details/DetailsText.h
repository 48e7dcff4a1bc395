// The details of one revision (or a summary of several) as rich text for the
// details panel: plain formatting over the repository, no widgets. Links are
// "revision:N" (select revision N), "open:" (open the file) and "line:N".
#pragma once

#include <QList>
#include <QString>

namespace headway {

struct Repository;

QString revisionDetailsHtml(const Repository &repository, int revision);
struct OriginReport;
// "Origin: the fork's own, added in <commit> by <author> on <date>"; empty when not known.
QString originHtml(const OriginReport *origins, const QString &revision);
QString selectionSummaryHtml(const Repository &repository, const QList<int> &revisions);

} // namespace headway
