// The JSON that `headway-cli ... --json` and `graph --format json` print. Its
// field names are a public contract: scripts and CI pipelines read them.
#pragma once

#include "repository/Repository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace headway {

class JsonReport
{
public:
    explicit JsonReport(const Repository &repository)
        : m_repository(repository)
    {
    }

    QJsonObject revision(int node) const;
    QJsonArray revisions(const QList<int> &nodes) const;
    QJsonArray ids(const QList<int> &nodes) const;
    QJsonObject diagnostic(const Diagnostic &diagnostic) const;
    QJsonArray diagnostics() const;

    // Every branch label a head carries -> the ids of the heads carrying it.
    QJsonObject namedBranches() const;

    QJsonObject graph() const; // versions, revisions (history order), heads, named_branches, bases, diagnostics

private:
    QString relative(const QString &path) const;
    const Repository &m_repository;
};

} // namespace headway
