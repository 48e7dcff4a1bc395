// Formats revisions the way Alembic's command line prints them (heads,
// history, show, branches), so users recognise what they see.
#pragma once

#include "repository/Repository.h"

namespace headway {

class AlembicText
{
public:
    explicit AlembicText(const Repository &repository)
        : m_repository(repository)
    {
    }

    QString headLine(int node, bool verbose = false) const;
    QString historyLine(int node, bool verbose = false) const;
    QString logEntry(int node) const; // `alembic show`
    QString branchesEntry(int node, bool verbose = false) const;

private:
    struct LineParts {
        bool branches = false;
        bool doc = false;
        bool parents = false;
        bool treeIndicators = true;
    };
    QString shortLine(int node, LineParts parts) const;
    QString downRevisionText(int node) const;
    QString displayPath(int node) const;

    const Repository &m_repository;
};

} // namespace headway
