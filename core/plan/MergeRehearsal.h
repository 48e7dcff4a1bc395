// The merge rehearsal: every path a real database can take to the merged
// state, each on a fresh scratch database — from base in each order of the
// branches (and through the merge revision when one joins them), from each
// head already applied (the fork's deployments at the fork's head, upstream's
// at upstream's), from the common ancestor — and the schema each path ends
// with, read through SQLAlchemy's inspector. A path that fails, or ends with a
// schema the others do not, is what a deployed database would meet.
#pragma once

#include "FailureSite.h"
#include "TestUpgrade.h"

namespace headway {

struct RehearsalPath {
    enum class Kind { AlembicOrder, BranchOrder, Deployed, FromAncestor };
    Kind kind = Kind::AlembicOrder;
    QString title;       // "Deployed at b3a83eea3022 (add user preferences), then every head"
    QString start;       // where a database on this path already is: "base", a head, the ancestor
    QStringList targets; // the upgrades, in order; the first ones make the starting state
    int setupSteps = 0;  // how many targets only build the starting state
};

struct RehearsalPathResult {
    RehearsalPath path;
    enum class Outcome { Passed, Failed, NotRun } outcome = Outcome::NotRun;
    qint64 elapsedMs = 0;
    QString failingStep;   // its title
    QString error;         // the exception, "Type: message"
    QStringList errorFrames;
    QString output;        // of the failing step
    FailureSite site;      // filled by the operation (reads files)
    QStringList schema;    // sorted lines
    QStringList onlyHere;  // schema lines the reference path lacks
    QStringList missingHere; // the reference path's lines this one lacks
    bool schemaDiffers() const { return !onlyHere.isEmpty() || !missingHere.isEmpty(); }
};

struct RehearsalReport {
    QStringList heads;
    QString merge;          // the revision joining them, when one exists
    QList<RehearsalPathResult> paths;
    int referencePath = -1; // the first path that passed: the others' schemas are compared with it

    bool passed() const;    // every path passed, with one schema
    int failedPaths() const;
    int differingPaths() const;
};

class MergeRehearsal
{
public:
    // Two or more heads (node indices) whose branches meet.
    static QList<RehearsalPath> paths(const Repository &repository, const QList<int> &heads);
    // Each path: a fresh database (on a server: `databaseName` dropped and created again from
    // `adminUrl`), its upgrades, its schema; a Flask app is first checked to use the scratch
    // database. `pathOfStep` gets each step's path (-1: not a path's).
    static QList<DrivenStep> drivenSteps(const MigrationTool &scratchTool, const ScratchDatabase &scratch,
                                         const QList<RehearsalPath> &paths, const QString &adminUrl,
                                         const QString &databaseName, QList<int> &pathOfStep);
    // What each path did, from the driver's step results.
    static RehearsalReport report(const Repository &repository, const QList<int> &heads, const QList<RehearsalPath> &paths,
                                  const QList<int> &pathOfStep, const QList<StepResult> &results);
    // The revision whose parents are exactly `heads`, or -1.
    static int mergeOf(const Repository &repository, const QList<int> &heads);
};

} // namespace headway
