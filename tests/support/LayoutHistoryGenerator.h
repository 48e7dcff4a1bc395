// Migration-like histories built in memory (no files) for the layout tests and
// benchmark. They follow how teams use Alembic: a trunk that most revisions
// extend; now and then a developer branches off a recent trunk revision, adds a
// few revisions and merges back (sometimes two branches in one merge).
// Deterministic for a given spec.
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
    double branchChance = 0.03;  // a revision starts a side branch off a recent trunk revision
    double meanBranchLength = 3; // revisions on a side branch before it is merged back
    int maxOpenBranches = 3;     // no new side branch while this many are open
    double dependsOnChance = 0;  // a revision also depends_on an earlier revision
    int missingParents = 0;      // this many revisions name a parent no file declares
};

inline QList<MigrationFile> generateLayoutHistory(const LayoutHistorySpec &spec)
{
    std::mt19937_64 rng(spec.seed); // our own draws: portable, unlike std distributions
    const auto below = [&rng](qsizetype n) { return qsizetype(rng() % quint64(n)); };
    const auto chance = [&rng](double p) { return double(rng() >> 11) * 0x1.0p-53 < p; };
    const auto idOf = [](qsizetype index) { return QString::number(index, 16).rightJustified(12, u'0'); };

    struct Branch {
        qsizetype head;
        int left; // revisions still to add before merging
    };
    QList<MigrationFile> files;
    QList<Branch> branches;
    qsizetype trunk = -1;
    const auto add = [&](const QList<qsizetype> &parents) {
        const qsizetype index = files.size();
        MigrationFile file;
        const QString id = idOf(index);
        file.path = QStringLiteral("/generated/versions/%1_step.py").arg(id);
        file.revision.present = file.revision.literal = true;
        file.revision.values = {id};
        file.revision.line = 1;
        file.downRevision.present = file.downRevision.literal = true;
        for (qsizetype parent : parents)
            file.downRevision.values << idOf(parent);
        if (index > 1 && chance(spec.dependsOnChance)) {
            file.dependsOn.present = file.dependsOn.literal = true;
            file.dependsOn.values = {idOf(below(index - 1))};
            file.dependsOn.line = 3;
        }
        files << file;
        return index;
    };

    while (files.size() < spec.revisions) {
        if (trunk < 0) {
            trunk = add({});
        } else if (branches.size() < spec.maxOpenBranches && chance(spec.branchChance)) {
            const qsizetype from = std::max<qsizetype>(0, trunk - below(4));
            int length = 0;
            while (chance(1.0 - 1.0 / spec.meanBranchLength))
                ++length;
            branches << Branch{add({from}), length};
        } else if (!branches.isEmpty() && chance(0.5)) {
            const qsizetype b = below(branches.size());
            if (branches[b].left-- > 0) {
                branches[b].head = add({branches.at(b).head});
                continue;
            }
            QList<qsizetype> parents{trunk, branches.takeAt(b).head};
            if (!branches.isEmpty() && chance(0.2))
                parents << branches.takeAt(below(branches.size())).head;
            trunk = add(parents);
        } else {
            trunk = add({trunk});
        }
    }
    for (int k = 0; k < spec.missingParents && files.size() > 1; ++k) {
        MigrationFile &file = files[1 + below(files.size() - 1)];
        if (!file.downRevision.values.isEmpty())
            file.downRevision.values.first() = QStringLiteral("deadbeef%1").arg(k, 4, 10, QLatin1Char('0'));
    }
    return files;
}

} // namespace headway::testsupport
