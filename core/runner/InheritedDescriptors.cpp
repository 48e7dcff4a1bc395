#include "InheritedDescriptors.h"

#include <cstdint>

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2) // Linux 5.11; older kernels answer EINVAL
#endif

namespace headway {

namespace {

constexpr int firstInherited = 3; // stdin, stdout and stderr stay

void markCloseOnExec(int fd)
{
    const long flags = ::syscall(SYS_fcntl, fd, F_GETFD);
    if (flags >= 0 && !(flags & FD_CLOEXEC))
        ::syscall(SYS_fcntl, fd, F_SETFD, flags | FD_CLOEXEC);
}

// Linux 5.11+: one system call for every descriptor.
bool markAllAtOnce()
{
#ifdef SYS_close_range
    return ::syscall(SYS_close_range, firstInherited, ~0U, CLOSE_RANGE_CLOEXEC) == 0;
#else
    return false;
#endif
}

// Older kernels: the open descriptors as /proc lists them, read with raw system
// calls into a small buffer (see the header: this runs on a tiny borrowed stack).
bool markListedInProc()
{
#if defined(SYS_getdents64) && defined(SYS_openat)
    const int directory = static_cast<int>(
        ::syscall(SYS_openat, AT_FDCWD, "/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory < 0)
        return false;
    struct LinuxDirent64 {
        std::uint64_t inode;
        std::int64_t offset;
        unsigned short length;
        unsigned char type;
        char name[1];
    };
    alignas(8) char buffer[256];
    long bytes;
    while ((bytes = ::syscall(SYS_getdents64, directory, buffer, sizeof buffer)) > 0) {
        for (long at = 0; at < bytes;) {
            const auto *entry = reinterpret_cast<const LinuxDirent64 *>(buffer + at);
            at += entry->length;
            int fd = 0;
            const char *digit = entry->name;
            for (; *digit >= '0' && *digit <= '9'; ++digit)
                fd = fd * 10 + (*digit - '0');
            if (digit != entry->name && *digit == '\0' && fd >= firstInherited && fd != directory)
                markCloseOnExec(fd);
        }
    }
    ::syscall(SYS_close, directory);
    return bytes == 0;
#else
    return false;
#endif
}

} // namespace

std::function<void()> closeInheritedDescriptorsOnExec()
{
    // The last resort walks every possible descriptor; its bound is read here, in the
    // parent, because sysconf() is not on the async-signal-safe list.
    long limit = ::sysconf(_SC_OPEN_MAX);
    if (limit <= 0 || limit > 1 << 20)
        limit = 1 << 20;
    const int openMax = static_cast<int>(limit);
    return [openMax] {
        if (!markAllAtOnce() && !markListedInProc())
            for (int fd = firstInherited; fd < openMax; ++fd)
                markCloseOnExec(fd);
    };
}

} // namespace headway
