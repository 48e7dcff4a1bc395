// headway-cli's front end to the core workflow: preparing the tool from the
// repository, the saved settings and the options (validated by RunSettings);
// the terminal's side of the workflow's ports (TerminalPorts: the prompt,
// --yes, refusal without a terminal, output on stderr, loading the migrations
// again); running one operation to its end; exit codes and the JSON shapes.
#pragma once

#include "CliCommands.h"
#include "CliContext.h"

#include "runner/MigrationTool.h"
#include "workflow/DriverRun.h"
#include "workflow/WorkflowOperation.h"

#include <QJsonArray>

#include <variant>

namespace headway::cli {

// The repository as loaded and the tool ready to run.
struct Prepared {
    std::shared_ptr<const Repository> repository;
    MigrationTool tool;
};

// Loads the repository and prepares its tool, or returns the exit code that says why not.
std::variant<Prepared, int> prepare(Context &c, const QString &repositoryPath);

// Helper commands (current, the database probe) stay quiet unless they fail or --verbose is given.
// Silent: not even a failing step's output (the command prints its own report of failures).
enum class Echo { Silent, Quiet, Command, StepsAndCommand };

// Runs one request through the workflow to its end, talking to the terminal.
OperationResult runOperation(Context &c, const Prepared &p, const DatabaseState &database,
                             const OperationRequest &request, Echo echo);
// The database's revisions, from the tool's own `current`; reports a failure.
std::optional<DatabaseState> readDatabase(Context &c, const Prepared &p);
// With --dry-run: prints the command and returns true (run nothing).
bool dryRun(Context &c, const CommandLine &line);

void reportFailure(Context &c, const OperationResult &result);
int exitCodeFor(const OperationResult &result);
// The step the user asked for (not the helpers around it), or null.
const StepResult *mainStep(const OperationResult &result);

bool jsonOutput(const Context &c);
QJsonArray ids(const RevisionGraph &graph, const QList<int> &revisions);
QJsonObject commandJson(const CommandLine &line);
QJsonObject explanationJson(const FailureExplanation &explanation);

// --engine and --server into the request; false (and the problem said) for an unknown engine.
bool readScratchOptions(Context &c, OperationRequest &request);
// --dry-run of a driver run (test-upgrade, rehearse): the engine and every planned step, run nothing.
using PrepareDriverRun = std::function<PreparedDriverRun(const OperationContext &, const OperationRequest &,
                                                         const TestUpgradeTarget &, const QString &, const QString &)>;
int printDryRun(Context &c, const Prepared &p, const OperationRequest &request, const PrepareDriverRun &prepareRun);

int current(Context &c);
int upgrade(Context &c);
int downgrade(Context &c);
int stamp(Context &c);
int merge(Context &c);
int fix(Context &c);
int testUpgrade(Context &c);
int resolve(Context &c);
int rehearse(Context &c);

} // namespace headway::cli
