// Interpreter discovery starts processes, so it lives with the runner now
// (runner/InterpreterDiscovery.h); this forwarder keeps older includes
// compiling and points the right way: python/ -> runner/.
#pragma once

#include "runner/InterpreterDiscovery.h"
