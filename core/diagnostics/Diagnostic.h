// One problem found while loading a repository: where it is, what it means,
// and what the user should do about it. Errors are values, never exceptions.
#pragma once

#include <QList>
#include <QString>

namespace headway {

enum class Severity {
    Error,   // the graph is broken or incomplete: Alembic would refuse or mislead
    Warning, // Headway could not read something fully; the rest of the graph stands
    Note,    // informational: worth knowing, nothing is wrong with the graph
};

struct Diagnostic {
    Severity severity = Severity::Error;
    QString code;    // stable, machine-readable: "multiple-heads", "missing-revision", ...
    QString message; // what is wrong, in Alembic's own words where Alembic has them
    QString path;    // file the problem is in (absolute); empty for repository-wide problems
    int line = 0;    // 1-based; 0 when no line applies
    QString hint;    // the fix, in words a user understands

    static Diagnostic error(QString code, QString message, QString path = {}, int line = 0,
                            QString hint = {});
    static Diagnostic warning(QString code, QString message, QString path = {}, int line = 0,
                              QString hint = {});
    static Diagnostic note(QString code, QString message, QString path = {}, int line = 0,
                           QString hint = {});
};

using Diagnostics = QList<Diagnostic>;

QString severityName(Severity severity);
bool hasErrors(const Diagnostics &diagnostics);

} // namespace headway
