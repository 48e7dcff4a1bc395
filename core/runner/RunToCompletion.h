// A command run to its end and its result returned: MigrationCommand driven by a
// local event loop, for the few callers that need an answer before they go on
// (interpreter probes, the demo's git history). Same wrapper, so descriptors,
// timeouts, argument lists and the environment are handled exactly as for the
// project's own tool.
//
// Blocks the calling thread: call it on a worker thread or from the CLI, never
// on the GUI thread.
#pragma once

#include "MigrationCommand.h"

namespace headway {

CommandResult runToCompletion(const CommandLine &line, int timeoutMs);

} // namespace headway
