// What the user is asked before a command changes the database: what it will
// do in words, exactly which revisions it undoes or marks (from the
// MigrationPlanner), and the command line with its environment. Plain data,
// so tests can read what would have been shown.
#pragma once

#include "plan/MigrationPlanner.h"
#include "runner/CommandLine.h"

#include <QStringList>

namespace headway {

struct Repository;

struct CommandConfirmation {
    QString title;       // "Downgrade the database?"
    QString question;    // one sentence: what happens
    QStringList effects; // one line per revision undone / marked applied / marked unapplied
    QString warning;     // what cannot be taken back; empty when nothing
    CommandLine line;
    QString acceptText;  // the button that runs it: "Downgrade"
    bool destructive = true; // undoes or rewrites something: Cancel is the default button
    bool changesNothing = false; // the database is already there: nobody needs to be asked

    static CommandConfirmation forPlan(const Repository &repository, const MigrationPlan &plan,
                                       const CommandLine &line);
};

} // namespace headway
