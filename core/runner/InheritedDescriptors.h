// Keeps Headway's own file descriptors (the repository watcher, SQLite
// databases, the log, sockets) out of the processes it starts: a child could
// otherwise hold a database open after Headway closed it, or write into it.
//
// Every descriptor from 3 up is marked close-on-exec in the child, between
// fork() and exec(), rather than closed there: QProcess reports a failed exec()
// through a pipe of its own (already close-on-exec), and closing that pipe would
// turn "no such program" into "started, then exited with 255".
#pragma once

#include <functional>

namespace headway {

// For QProcess::setChildProcessModifier(). Qt 6.4 runs the modifier in a child
// cloned with CLONE_VM | CLONE_VFORK on a small stack of its own (strace shows
// it): the child shares the parent's memory, so this writes nothing but its
// own locals, keeps its stack use to a few hundred bytes and makes only raw
// system calls. Build it in the parent, once per QProcess.
std::function<void()> closeInheritedDescriptorsOnExec();

} // namespace headway
