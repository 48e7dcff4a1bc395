// Migration-like histories built in memory (no files) for the layout tests and
// benchmark: long runs of revisions, now and then a branch off a recent
// revision, branches merged back a little later. Deterministic for a spec.
#pragma once

#include "parser/MigrationFile.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <random>

namespace headway::testsupport {

struct LayoutHistorySpec {
    int revisions = 100;
    quint64 seed = 1;
    double branchChance = 0.03; // a revision starts a branch off a recent revision
    double mergeChance = 0.15;  // with several open heads, a revision merges two or three
    int maxOpenHeads = 4;       // more open heads than this forces a merge
    double dependsOnChance = 0; // a revision depends_on an earlier revision on another branch
    int missingParents = 0;     // this many revisions name a parent no file declares
};

inline QList<MigrationFile> generateLayoutHistory(const LayoutHistorySpec &spec)
{
    std::mt19937_64 rng(spec.seed); // our own draws: portable, unlike std distributions
    const auto below = [&rng](qsizetype n) { return qsizetype(rng() % quint64(n)); };
    const auto chance = [&rng](double p) { return double(rng() >> 11) * 0x1.0p-53 < p; };
    const auto idOf = [](qsizetype index) { return QString::number(index, 16).rightJustified(12, u'0'); };

    QList<MigrationFile> files;
    QList<qsizetype> openHeads;
    for (qsizetype i = 0; i < spec.revisions; ++i) {
        QList<qsizetype> parents;
        if (i == 0) {
        } else if (openHeads.size() >= 2 && (openHeads.size() > spec.maxOpenHeads || chance(spec.mergeChance))) {
            const qsizetype width = std::min<qsizetype>(openHeads.size(), chance(0.2) ? 3 : 2);
            QList<qsizetype> heads = openHeads;
            for (qsizetype k = 0; k < width; ++k)
                parents << heads.takeAt(below(heads.size()));
        } else if (chance(spec.branchChance)) {
            parents << i - 1 - below(std::min<qsizetype>(i, 20));
        } else {
            parents << openHeads.at(below(openHeads.size()));
        }
        for (qsizetype parent : std::as_const(parents))
            openHeads.removeOne(parent);
        openHeads << i;

        MigrationFile file;
        const QString id = idOf(i);
        file.path = QStringLiteral("/generated/versions/%1_step.py").arg(id);
        file.revision = {true, true, {id}, QLatin1Char('"') + id + QLatin1Char('"'), 1};
        file.downRevision.present = file.downRevision.literal = true;
        for (qsizetype parent : std::as_const(parents))
            file.downRevision.values << idOf(parent);
        if (i > 1 && chance(spec.dependsOnChance))
            file.dependsOn = {true, true, {idOf(below(i - 1))}, {}, 3};
        files << file;
    }
    // Turn some parents into ids no file declares.
    for (int k = 0; k < spec.missingParents && files.size() > 1; ++k) {
        MigrationFile &file = files[1 + below(files.size() - 1)];
        if (!file.downRevision.values.isEmpty())
            file.downRevision.values.first() = QStringLiteral("deadbeef%1").arg(k, 4, 10, QLatin1Char('0'));
    }
    return files;
}

} // namespace headway::testsupport
