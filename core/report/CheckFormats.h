// A repository's health as `headway-cli check` prints it for CI, through
// CiAnnotations: each diagnostic an annotation at its file and line, the
// several-heads verdict one error at every head's file. It takes any
// Repository with its verdict, so a merge preview reports the same way.
#pragma once

#include "CiAnnotations.h"
#include "HealthCheck.h"

namespace headway {

namespace CheckFormats {

// One annotation per diagnostic, each with at least one location (code scanning
// refuses a result without one): repository-wide problems sit at alembic.ini.
QList<CiAnnotation> annotations(const Repository &repository, const HealthVerdict &verdict);
// Every check a load makes, passing ones included, then any other code the annotations carry.
QList<CiRule> rules(const QList<CiAnnotation> &annotations);

} // namespace CheckFormats

} // namespace headway
