// Recognises the ways `flask db` and `alembic` commands fail and says what the
// failure means and how to fix it, in the user's words.
#pragma once

#include <QString>

namespace headway {

struct FailureExplanation {
    QString code;    // "multiple-heads", "missing-revision", "not-up-to-date", "already-exists", "engine-feature",
                     // "no-db-command", "app-import-failed", "database-locked"; empty: not recognised
    QString summary; // what happened
    QString fix;     // what to do
    QString detail;  // the line of output that shows it
    bool recognised() const { return !code.isEmpty(); }
};

class FailureExplainer
{
public:
    static FailureExplanation explain(const QString &output);
};

} // namespace headway
