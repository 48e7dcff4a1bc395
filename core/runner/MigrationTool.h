// A repository's own migration tool, ready to run: the backend (flask db or
// alembic), the interpreter that can run it and the user's settings, turned
// into the exact command lines for heads, current, upgrade, downgrade, stamp
// and merge. Preparing may probe interpreters (starts processes and waits; the
// cache usually answers): do it off the GUI thread.
#pragma once

#include "InterpreterCache.h"
#include "MigrationBackend.h"
#include "RunSettings.h"
#include "repository/Repository.h"

#include <QProcessEnvironment>

namespace headway {

class MigrationTool
{
public:
    static MigrationTool prepare(const Repository &repository, const RunSettings &settings,
                                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                 const InterpreterCache &cache = InterpreterCache());

    bool ready() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; } // what stops commands from running, and what to do
    QString python() const { return m_python; }
    QString pythonOrigin() const { return m_pythonOrigin; } // "your setting", "project virtualenv", "PATH", ...
    const MigrationBackend &backend() const { return m_backend; }
    const RunSettings &settings() const { return m_settings; }
    const InterpreterChoice &interpreter() const { return m_interpreter; }

    // The same tool with one more environment variable (a scratch database).
    MigrationTool withEnvironment(const QString &name, const QString &value) const;
    // Plain Alembic: the same tool reading another alembic.ini (a scratch database).
    MigrationTool withConfigFile(const QString &iniPath) const;

    CommandLine command(const QStringList &arguments) const;
    CommandLine current() const;
    CommandLine upgrade(const QString &target, bool sqlOnly = false) const;
    CommandLine downgrade(const QString &target, bool sqlOnly = false) const;
    CommandLine stamp(const QString &target) const;
    // The message goes as one `--message=...` argument, so text starting with '-'
    // or holding quotes, `$(...)` or newlines reaches Alembic verbatim.
    CommandLine merge(const QStringList &revisions, const QString &message) const;
    // The interpreter itself in the project directory with the same environment
    // (the project's tests, the database-location probe).
    CommandLine pythonCommand(const QStringList &arguments) const;

private:
    MigrationBackend m_backend;
    RunSettings m_settings;
    InterpreterChoice m_interpreter;
    QString m_python;
    QString m_pythonOrigin;
    QString m_problem;
};

} // namespace headway
