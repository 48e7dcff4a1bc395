// Per-migration warnings the conflict report carries with the collisions:
// destructive upgrade operations (a dropped table or column loses its data)
// and a downgrade() that does not undo its upgrade() (something created that
// downgrade never drops). Never guessed: a downgrade with raw SQL or
// statements Headway could not read is not judged.
#pragma once

#include "ConflictReport.h"

#include <functional>

namespace headway {

namespace MigrationHygiene {

using Locate = std::function<FindingLocation(const MigrationOperation &)>;

QList<ConflictFinding> check(const MigrationOperations &operations, const Locate &locate);

} // namespace MigrationHygiene

} // namespace headway
