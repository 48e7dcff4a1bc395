// The banner's line for a fork, in the order the work goes: after an upstream
// merge, create the merge migration (or rebase the fork's unpublished side),
// test the upgrade, commit only the migration. Before a merge with two heads,
// the rebase offer or why there is none. Pure text with action links.
#pragma once

#include "ForkStatus.h"

#include <QString>

namespace headway {

namespace ForkFlow {

// Rich text with "action:merge-heads", "action:rebase", "action:test-upgrade",
// "action:commit-migration", "action:restore-missing"; empty when there is nothing to offer.
// Also warns of migration files git tracks that the work tree lacks.
QString bannerHtml(const ForkState &state, int heads);

} // namespace ForkFlow

} // namespace headway
