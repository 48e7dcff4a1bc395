// What happens in a child process between fork() and exec(): Headway's own
// descriptors closed on exec (InheritedDescriptors), then, for a throwaway
// database server, the switch to its unprivileged account and the signal that
// ends it when Headway dies. Same constraints as closeInheritedDescriptorsOnExec:
// built in the parent, raw system calls only in the child.
#pragma once

#include "CommandLine.h"

#include <functional>

namespace headway {

std::function<void()> childProcessSetup(const CommandLine &line);

} // namespace headway
