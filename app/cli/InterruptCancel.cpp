#include "InterruptCancel.h"

#include "workflow/WorkflowOperation.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace headway::cli {

namespace {

int signalPipe[2] = {-1, -1};
constexpr int caught[] = {SIGINT, SIGTERM, SIGHUP};

// Only async-signal-safe calls: tell the event loop, and let the next signal end the process.
void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
    std::signal(number, SIG_DFL);
}

} // namespace

InterruptCancel::InterruptCancel(WorkflowOperation *operation)
    : m_operation(operation)
{
    if (signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return; // without the pipe, signals keep their default: headway-cli ends at once
    m_notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte;
        if (::read(signalPipe[0], &byte, 1) == 1 && m_operation)
            m_operation->cancel();
    });
    for (int number : caught)
        std::signal(number, onSignal);
}

InterruptCancel::~InterruptCancel()
{
    for (int number : caught)
        std::signal(number, SIG_DFL);
}

} // namespace headway::cli
