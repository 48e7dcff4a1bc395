// What the headway-cli commands that run the project's own tool share:
// preparing the tool from the repository, the saved settings and the options;
// running steps with their output on stderr; reading the database's revisions;
// asking before destructive commands; backing a SQLite database up; and the
// JSON shapes of commands and explanations.
#pragma once

#include "CliCommands.h"
#include "CliContext.h"

#include "database/SqliteBackup.h"
#include "runner/CommandSequence.h"
#include "runner/MigrationTool.h"

#include <QJsonArray>

#include <optional>
#include <variant>

namespace headway::cli {

// The repository as loaded and the tool ready to run.
struct Prepared {
    Repository repository;
    MigrationTool tool;
};

// Loads the repository and prepares its tool, or returns the exit code that says why not.
std::variant<Prepared, int> prepare(Context &c, const QString &repositoryPath);

// Helper commands (current, the database probe) stay quiet unless they fail or --verbose is given.
enum class Echo { Quiet, Command, StepsAndCommand };
// Runs steps to the end; the sequence belongs to `owner`.
CommandSequence *runSteps(Context &c, const QList<CommandStep> &steps, const MigrationTool &tool, QObject *owner, Echo echo);

std::optional<QStringList> currentRevisions(Context &c, const Prepared &p, QObject *owner, QString *output = nullptr);
bool confirmed(Context &c, const QString &question); // --yes, or a terminal answer
// Copies a SQLite database aside before a command changes it; nullopt: do not go on.
std::optional<SqliteBackupCopy> backUpDatabase(Context &c, const Prepared &p, QObject *owner);
// With --dry-run: prints the command and returns true (run nothing).
bool dryRun(Context &c, const CommandLine &line);

void reportFailure(Context &c, const StepResult &result);
int exitCodeFor(const StepResult &result);

bool jsonOutput(const Context &c);
QJsonArray ids(const RevisionGraph &graph, const QList<int> &revisions);
QJsonObject commandJson(const CommandLine &line);
QJsonObject explanationJson(const FailureExplanation &explanation);
QString describe(const Repository &repository, int revision); // "id  message"

int current(Context &c);
int upgrade(Context &c);
int downgrade(Context &c);
int stamp(Context &c);
int merge(Context &c);
int fix(Context &c);
int testUpgrade(Context &c);
int resolve(Context &c);

} // namespace headway::cli
