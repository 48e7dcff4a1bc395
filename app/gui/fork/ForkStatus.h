// What git says about the shown repository as a fork, found off the GUI thread
// after each load: every revision's origin, whether the fork's side of two
// heads can be rebased, and whether an upstream merge is in progress or was
// just made. Only the newest request reaches the window (a job counter).
#pragma once

#include "fork/MigrationRebase.h"

#include <QObject>

#include <memory>

namespace headway {

struct Repository;

struct ForkState {
    std::shared_ptr<const OriginReport> origins; // never null in a reported state
    RebaseAdvice advice;             // for the current heads, when there are two
    bool afterUpstreamMerge = false; // git's merge of upstream is in progress or just made
    QStringList ownUnsaved;          // the fork's migration files not committed as they are (relative paths)
    bool missingParent = false;      // a down_revision names a revision no file declares, and git may have it
};

class ForkStatus : public QObject
{
    Q_OBJECT

public:
    explicit ForkStatus(QObject *parent = nullptr);

    // `upstream`: the repository's setting; empty: discover it.
    void refresh(std::shared_ptr<const Repository> repository, const QString &upstream);
    void clear();
    const std::shared_ptr<const ForkState> &state() const { return m_state; }
    bool isRefreshing() const { return m_refreshing; }

    // The work itself, for tests and the screenshot mode: blocks on git.
    static ForkState compute(const Repository &repository, const QString &upstream);

Q_SIGNALS:
    void stateChanged(const std::shared_ptr<const headway::ForkState> &state);

private:
    std::shared_ptr<const ForkState> m_state;
    int m_job = 0;
    bool m_refreshing = false;
};

} // namespace headway
