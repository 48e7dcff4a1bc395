// Values the static reader cannot see, resolved on the user's request: the
// project's interpreter imports just the files that need it, the values are
// remembered, and the migrations are read again with them.
#pragma once

#include "WorkflowOperation.h"

namespace headway {

class ResolveOperation : public WorkflowOperation
{
    Q_OBJECT

public:
    ResolveOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);

protected:
    void run() override;

private:
    void store(const QList<ResolvedFile> &resolved);
};

} // namespace headway
