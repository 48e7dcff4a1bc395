#include "IdlePriority.h"

#ifdef __linux__
#include <pthread.h>
#include <sched.h>
#endif

namespace headway {

void lowerCurrentThreadToIdle()
{
#ifdef __linux__
    const sched_param parameters{}; // SCHED_IDLE takes priority 0
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &parameters); // best effort: unchanged on failure
#endif
}

} // namespace headway
