#include "WorkPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace headway {

void lowerCurrentThreadPriority()
{
#ifdef __linux__
    // On Linux a thread's nice value is its own, set through its thread id.
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, thread, 10); // best effort: unchanged on failure
#endif
}

} // namespace headway
