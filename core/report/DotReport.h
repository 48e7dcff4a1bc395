// The revision graph in Graphviz's DOT language, for `graph --format dot` and
// the GUI's DOT export: parents above children, depends_on dashed, missing
// revisions as dashed ghosts.
#pragma once

#include "repository/Repository.h"

namespace headway {

QString dotDocument(const Repository &repository);

} // namespace headway
