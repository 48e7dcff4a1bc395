// Work that must never slow the window down, such as reading every file's
// operations after a long history is on screen, runs on threads the scheduler
// only gives otherwise idle CPU time.
#pragma once

namespace headway {

enum class WorkPriority {
    Normal,
    Idle, // only when nothing else wants the CPU (Linux SCHED_IDLE; elsewhere Normal)
};

// Lowers the calling thread for the rest of its life: call it on a thread made
// for the work, never on a pooled one, which could not be raised again.
void lowerCurrentThreadToIdle();

} // namespace headway
