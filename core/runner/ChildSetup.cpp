#include "ChildSetup.h"

#include "InheritedDescriptors.h"

#include <csignal>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace headway {

std::function<void()> childProcessSetup(const CommandLine &line)
{
    const std::function<void()> closeDescriptors = closeInheritedDescriptorsOnExec();
    const long userId = line.userId;
    const long groupId = line.groupId;
    const bool endsWithHeadway = line.endsWithHeadway;
    return [closeDescriptors, userId, groupId, endsWithHeadway] {
        closeDescriptors();
        if (userId >= 0) {
            // Raw calls: glibc's setuid() would signal every thread of the (shared) parent.
            if (::syscall(SYS_setgroups, 0, nullptr) != 0
                || ::syscall(SYS_setresgid, groupId, groupId, groupId) != 0
                || ::syscall(SYS_setresuid, userId, userId, userId) != 0)
                ::syscall(SYS_exit_group, 126); // never run a server as root by accident
        }
        // After the switch: changing credentials clears the parent-death signal.
        if (endsWithHeadway)
            ::syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
    };
}

} // namespace headway
