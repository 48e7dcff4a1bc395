// Finds the Python interpreter that can run a project's own tools (alembic,
// flask_migrate): the project's virtualenv first, then $VIRTUAL_ENV, then
// every python on PATH, then the system's. Users' machines are full of
// interpreters without the right packages, so every candidate is probed and
// the reasons for rejecting each are kept to explain a failure.
//
// Probing starts processes (through runToCompletion, like every process Headway
// starts) and waits for them: call it off the GUI thread. InterpreterCache
// answers from disk instead while nothing the answer depends on has changed.
#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace headway {

struct InterpreterCandidate {
    QString path;
    QString origin;  // "project virtualenv", "$VIRTUAL_ENV", "PATH", "system"
    QString version; // e.g. "3.11.2", empty if it did not run
    QStringList missingModules;
    QString problem; // why it cannot be used; empty when usable
    // Where it imports from (sys.path and the user site directory), as the probe
    // saw them: installing or removing a package changes one of these folders.
    QStringList importDirectories;
    bool usable() const { return problem.isEmpty(); }
};

struct InterpreterChoice {
    QString path; // empty when nothing fits
    QList<InterpreterCandidate> tried;
    bool found() const { return !path.isEmpty(); }
    QString explanation(const QStringList &requiredModules) const; // why nothing fits
};

class InterpreterDiscovery
{
public:
    static QList<InterpreterCandidate> candidates(const QString &projectDirectory,
                                                  const QProcessEnvironment &environment);
    // The virtualenv folders candidates() looks in (.venv, venv, env a few levels up),
    // whether or not they exist: creating one changes which interpreter is found.
    static QStringList virtualenvDirectories(const QString &projectDirectory);
    static InterpreterCandidate probe(InterpreterCandidate candidate, const QStringList &requiredModules,
                                      int timeoutMs = 15000);
    static InterpreterChoice find(const QString &projectDirectory, const QStringList &requiredModules,
                                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace headway
