// What the health banner says about a repository: one entry per problem, in
// the user's words, with its fix and the revisions or file it concerns. Pure
// logic over the core's verdict and diagnostics, so the banner only displays.
#pragma once

#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QString>

namespace headway {

struct Repository;

struct HealthProblem {
    enum class Level { Ok, Warning, Error };
    Level level = Level::Ok;
    QString text;         // what is wrong (or that all is well), one line
    QString fix;          // what to do about it; empty when nothing needs doing
    QList<int> revisions; // the revisions concerned (graph node indices)
    QString path;         // the file concerned, when no revision stands for it
    int line = 0;
    QString action;       // a command Headway runs for the fix ("merge-heads"); empty when none
    QString actionText;   // its link text: "Merge all heads…"
};

// What assessHealth() says decides the lines: a healthy repository gets its
// verdict ("OK: one head (...)") first, several heads get the heads line with
// the merge action; then errors before warnings. `layoutDiagnostics` are the
// layout's own (a failed Graphviz run).
QList<HealthProblem> healthProblems(const Repository &repository, const Diagnostics &layoutDiagnostics = {});

} // namespace headway
