// Long histories are mostly linear runs of revisions nobody needs to see one by
// one. Collapsing keeps what matters in sight, every base, head, branch point
// and merge point, and replaces the middle of each long run by one box
// ("⋯ 37 revisions") that the user expands on demand. Works on layout inputs,
// so the layout, the scene and a reload all see the same, smaller graph.
#pragma once

#include "LayoutInput.h"

#include <QSet>
#include <QString>

namespace headway {

struct CollapseOptions {
    enum class Mode {
        Automatic, // collapse above `threshold` revisions
        Always,
        Never,
    };
    Mode mode = Mode::Automatic;
    int threshold = 200;
    // A run's middle must hold at least this many revisions to be worth one box.
    int shortestRun = 3;
    // Revision ids whose runs stay expanded: a run is kept when any member is named,
    // so the choice survives a reload that adds revisions at the run's ends.
    QSet<QString> expanded;

    bool appliesTo(int revisions) const
    {
        return mode == Mode::Always || (mode == Mode::Automatic && revisions > threshold);
    }
};

// `input` with the middle of every linear run (as RunCondenser finds them) that is
// long enough and not expanded replaced by one collapsed node, sized like its first
// member; edges into and out of the middle end at that node. Nodes keep their order.
// Unchanged when `options` do not apply to the input's revision count.
LayoutInput collapseLinearRuns(const LayoutInput &input, const CollapseOptions &options);

// The revisions an input draws as boxes of their own (ghosts and collapsed runs excluded).
int revisionBoxCount(const LayoutInput &input);
// The revisions an input stands for: its own boxes plus every collapsed member.
int revisionCount(const LayoutInput &input);

} // namespace headway
