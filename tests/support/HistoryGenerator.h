#pragma once

// Writes random but reproducible Alembic migration repositories for tests and
// benchmarks. The files imitate what `alembic revision` / `flask db migrate`
// produce, so the static reader can be compared against the real Alembic
// (tests/oracle/alembic_oracle.py).

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace headway::testsupport {

struct HistorySpec {
    quint64 seed = 1;
    int revisionCount = 50;
    double branchProbability = 0.15;   // chance a new revision starts a branch from an older revision
    int maxMergeWidth = 4;             // merges join 2..maxMergeWidth open heads
    double mergeProbability = 0.15;
    int extraBases = 0;                // additional independent roots (multi-base histories)
    double branchLabelProbability = 0.0; // chance a revision declares branch_labels (unique label names)
    double dependsOnProbability = 0.0;   // chance a revision declares depends_on ONE earlier revision (by id, or by a branch label when one exists) on another branch
    int versionLocations = 1;          // 1..3 directories; files distributed among them; >1 writes version_locations in alembic.ini
    double typedProbability = 0.5;     // new-style files with annotations vs old-style untyped with single quotes
    bool flaskBodies = false;          // Flask-Migrate autogenerate upgrade()/downgrade() bodies instead of `pass`
    bool leaveOpenHeads = true;        // if false, finish with a merge of all open heads so there is exactly one head
    enum class Breakage { None, MissingParent, Cycle, DuplicateId } breakage = Breakage::None;
};

struct GeneratedRevision {
    QString id;
    QStringList downRevisions;  // as written in the file, in order
    QStringList dependsOn;      // as written: a revision id or a branch label
    QStringList branchLabels;   // as declared (before Alembic propagates them)
    QString message;            // first docstring paragraph, i.e. what Script.doc returns
    QString filePath;           // absolute
};

struct GeneratedHistory {
    QString root;               // absolute
    QString iniPath;
    QStringList versionDirs;    // in version_locations order
    QList<GeneratedRevision> revisions; // in creation order
};

// Deterministic for a given spec. rootDir is created if needed and must not
// already contain an alembic.ini. With versionLocations > 1 its path must not
// contain spaces or commas (Alembic splits version_locations on them), and no
// '%' anywhere (configparser interpolation). Throws std::runtime_error on I/O
// failure and std::invalid_argument if a breakage cannot be applied.
GeneratedHistory writeHistory(const QString &rootDir, const HistorySpec &spec);

} // namespace headway::testsupport
