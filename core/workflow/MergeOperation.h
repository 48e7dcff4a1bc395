// Merging heads into one revision: the message checked first (it must say what
// is merged), the tool's merge, the migrations read again, and the result
// verified (exactly one new file, every earlier file intact, the heads left).
// Heads on different named branches are merged only once confirmed.
#pragma once

#include "WorkflowOperation.h"

namespace headway {

class MergeOperation : public WorkflowOperation
{
    Q_OBJECT

public:
    MergeOperation(OperationContext context, OperationRequest request, WorkflowPorts ports, QObject *parent = nullptr);

protected:
    void run() override;

private:
    void runMerge();
    void verify(const std::shared_ptr<const Repository> &after);
};

} // namespace headway
