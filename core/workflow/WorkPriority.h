// Work that should not slow the window down, such as reading every file's
// operations after a long history is on screen, runs on threads the scheduler
// ranks below the window's. Lowered, not idle: an idle-class thread would wait
// for as long as anything else keeps the CPU busy (a build, a test run).
#pragma once

namespace headway {

enum class WorkPriority {
    Normal,
    Low, // nice 10 on Linux: about a tenth of a core shared with normal work; elsewhere Normal
};

// Lowers the calling thread for the rest of its life: call it on a thread made
// for the work, never on a pooled one, which could not be raised again.
void lowerCurrentThreadPriority();

} // namespace headway
