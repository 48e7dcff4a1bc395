// A run of Headway's migration driver (resources/python/headway_stairway.py)
// on a scratch database: the scratch database, the steps it runs, and the
// driver and its plan written into the scratch directory. The test upgrade and
// the merge rehearsal both prepare one; only their steps differ.
#pragma once

#include "engine/TestUpgradeTarget.h"
#include "plan/TestUpgrade.h"

#include <optional>

namespace headway {

struct PreparedDriverRun {
    ScratchDatabase scratch;
    QString adminUrl;          // a server's own database, to create and drop the scratch one from
    QList<DrivenStep> driven;
    std::optional<CommandStep> projectTests;
    QString driverScript;      // written into the scratch directory
    QString planFile;
    QString marker;
    QString error;

    QList<CommandStep> steps() const; // every step, in order, as the panel lists them
};

namespace DriverRun {

// The scratch database at `url` (empty: a SQLite file in `directory`) and its server's admin URL.
PreparedDriverRun scratch(const MigrationTool &tool, const TestUpgradeTarget &target, const QString &directory,
                          const QString &url);
// Writes the driver and its plan (prepared.driven's actions) into `directory`; sets prepared.error on failure.
void write(PreparedDriverRun &prepared, const MigrationTool &tool, const TestUpgradeTarget &target, const QString &directory);
// The driver's process: `run` the plan, or `drop` a server's scratch database.
CommandLine command(const MigrationTool &scratchTool, const PreparedDriverRun &prepared,
                    const QString &mode = QStringLiteral("run"));

} // namespace DriverRun

} // namespace headway
