// The conflict report as `headway-cli conflicts` prints it: the text a person
// reads (Django-style branch listings, then each finding with its places and
// fix), the JSON contract, and the CI formats through CiAnnotations.
#pragma once

#include "CiAnnotations.h"
#include "conflicts/ConflictReport.h"

#include <QJsonObject>

namespace headway {

namespace ConflictFormats {

QJsonObject json(const ConflictReport &report);
QJsonObject finding(const ConflictFinding &finding);
QString text(const ConflictReport &report);
QList<CiAnnotation> annotations(const ConflictReport &report);
QList<CiRule> rules();

} // namespace ConflictFormats

} // namespace headway
