// The verdict on a repository's health that `headway-cli check` and the GUI's
// banner share: healthy (one head, or named branches kept on purpose), several
// heads to merge, or broken.
#pragma once

#include "repository/Repository.h"

namespace headway {

struct HealthVerdict {
    enum class Status { Healthy = 0, MultipleHeads = 1, Broken = 2 };
    Status status = Status::Healthy;
    int exitCode() const { return static_cast<int>(status); }
    QString statusName() const;
    QString summary; // one line for people
};

HealthVerdict assessHealth(const Repository &repository);

} // namespace headway
