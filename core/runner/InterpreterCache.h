// Interpreter discovery answered from disk: which interpreter can run a
// project's tool is remembered per project directory and required modules, so
// a command that runs `flask db current` starts only that process, not a probe
// of every python on the machine first.
//
// An answer holds only while everything it depends on is unchanged: every
// candidate tried up to the chosen one (path and modification time), the
// project's virtualenv folders and their bin/, the folders each probed
// interpreter imports from (installing or removing a package changes one),
// and the variables that decide the candidates ($PATH, $VIRTUAL_ENV, ...).
// A failed discovery is never remembered, so installing the missing package
// is noticed at once; a corrupt or unwritable cache only means probing again.
//
// The interpreter the user chose explicitly is probed through here too, its
// answer kept by path and modification time (and its import folders).
#pragma once

#include "InterpreterDiscovery.h"

namespace headway {

class InterpreterCache
{
public:
    explicit InterpreterCache(const QString &cachePath = defaultPath());

    // InterpreterDiscovery::find, unless the last answer for the project still holds.
    InterpreterChoice find(const QString &projectDirectory, const QStringList &requiredModules,
                           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const;
    // Probes again whatever is stored, then remembers a usable answer
    // (`headway-cli interpreter` shows what every candidate lacks now).
    InterpreterChoice refresh(const QString &projectDirectory, const QStringList &requiredModules,
                              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const;
    // InterpreterDiscovery::probe for an interpreter the user named.
    InterpreterCandidate probe(const InterpreterCandidate &candidate, const QStringList &requiredModules) const;

    // interpreter-choices.json, next to the interpreters' cached sys.path.
    static QString defaultPath();

private:
    QString m_path;
};

} // namespace headway
