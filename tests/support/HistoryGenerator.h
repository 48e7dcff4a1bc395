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
    double branchProbability = 0.15; // chance a new revision starts a branch from an older revision
    int maxMergeWidth = 4;           // merges join 2..maxMergeWidth open heads
    double mergeProbability = 0.15;
    int extraBases = 0;              // additional independent roots (multi-base histories)
    double branchLabelProbability = 0.0; // chance a revision declares branch_labels (unique names)
    // Chance a revision declares depends_on ONE earlier revision on another branch, by id or,
    // when it has one, by branch label.
    double dependsOnProbability = 0.0;
    // 1..3 directories, files distributed among them; >1 writes version_locations in alembic.ini.
    int versionLocations = 1;
    // New-style files (annotations, double quotes) vs old-style untyped ones with single quotes.
    double typedProbability = 0.5;
    bool flaskBodies = false;    // Flask-Migrate autogenerate upgrade()/downgrade() bodies, not `pass`
    bool leaveOpenHeads = true;  // if false, end with a merge of all open heads: exactly one head
    // Applied after generation, keeping revisionCount files:
    // MissingParent: one non-base revision's down_revision names an id that no file declares.
    // Cycle: an earlier non-base revision's down_revision is re-pointed at one of its descendants.
    // DuplicateId: the last revision becomes a copy of an earlier one's revision, down_revision
    //   and depends_on (own message, file name, no branch_labels), as if a file was duplicated.
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

// Deterministic for a given spec; the graph depends only on the seed and the graph-shaping
// fields, not on typedProbability/flaskBodies/versionLocations. rootDir is created if needed
// and must not already contain an alembic.ini. With versionLocations > 1 its path must not
// contain spaces or commas (Alembic splits version_locations on them), and no '%' anywhere
// (configparser interpolation). Throws std::runtime_error on I/O failure and
// std::invalid_argument if a breakage cannot be applied to so small a history.
GeneratedHistory writeHistory(const QString &rootDir, const HistorySpec &spec);

// Writes revisions a test shaped itself (id, downRevisions, dependsOn, branchLabels set;
// message and filePath are filled in), with the files' cosmetics drawn from `spec`.
GeneratedHistory writeRevisions(const QString &rootDir, const HistorySpec &spec, QList<GeneratedRevision> revisions);

} // namespace headway::testsupport
