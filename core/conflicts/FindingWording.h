// The words of each finding: what collided, where, and what to do, written for
// the maintainer who has to fix it before the merge reaches a database.
#pragma once

#include "ConflictReport.h"

namespace headway {

namespace FindingWording {

// "create_index('ix_user_email')" as a user would search for it in the file.
QString call(const MigrationOperation &operation);
// "b3a83eea3022 (add user preferences) at migrations/versions/b3a8_x.py:27"
QString place(const FindingLocation &location, const QString &message);

// Fills message and fix of a collision between the first two locations.
void describeCollision(ConflictFinding &finding, const QList<const MigrationOperation *> &operations,
                       const QStringList &messages);

} // namespace FindingWording

} // namespace headway
