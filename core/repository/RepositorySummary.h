// A repository in a few numbers, for a list of recent repositories: how many
// revisions and heads it has and how many errors and warnings a load finds,
// or that it is missing or cannot be read. Loads through RepositoryLoader
// (never Python) on the calling thread, so callers run it in the background.
#pragma once

#include <QString>

#include <atomic>

namespace headway {

struct RepositorySummary {
    enum class State {
        Readable,   // its migrations were found and read; the counts below hold
        Missing,    // nothing exists at the path any more
        Unreadable, // something is there, but no migrations Headway can read
    };
    State state = State::Missing;
    QString path;       // as asked
    int revisions = 0;  // revisions Alembic sees (a file shadowed by a duplicate id is not one)
    int heads = 0;
    int errors = 0;
    int warnings = 0;   // notes are not problems and are not counted
    QString firstError; // the first error's message: what is wrong, or why it cannot be read
    bool cancelled = false;

    bool readable() const { return state == State::Readable; }
    int problems() const { return errors + warnings; }
};

// Reads `path` (anything RepositoryLoader accepts). `cancel`, when set, abandons
// the read; the result then has `cancelled` and says nothing else.
RepositorySummary summarizeRepository(const QString &path, const std::atomic<bool> *cancel = nullptr);

} // namespace headway
