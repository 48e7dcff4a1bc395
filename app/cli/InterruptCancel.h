// Ctrl-C, SIGTERM or SIGHUP while an operation runs cancel it, as the GUI's
// Cancel does: the running command is terminated, a throwaway server is stopped
// and its directory removed, and headway-cli exits 5 (cancelled). A second
// signal is not caught: it ends headway-cli at once.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace headway {
class WorkflowOperation;
}

namespace headway::cli {

class InterruptCancel : public QObject
{
    Q_OBJECT

public:
    explicit InterruptCancel(WorkflowOperation *operation);
    ~InterruptCancel() override;

private:
    WorkflowOperation *m_operation;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace headway::cli
