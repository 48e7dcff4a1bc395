// The subcommands of headway-cli. Each one turns its arguments into core calls
// and the core's answer into text or JSON; the exit codes are a public contract.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace headway::cli {

enum ExitCode {
    Success = 0,
    MultipleHeads = 1, // check: several heads, nothing else wrong
    Broken = 2,        // check: graph broken; any command: no migrations, unknown revision
    NoInterpreter = 3, // interpreter and every command that runs Python: nothing usable found
    CommandFailed = 4, // the project's flask db / alembic failed, or a test-upgrade step did
    NotConfirmed = 5,  // a destructive command without --yes where no one can answer, or cancelled
    UsageError = 64,
};

int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace headway::cli
