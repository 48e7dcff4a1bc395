#include "database/MigrationController.h"

#include "session/BackgroundTask.h"
#include "session/RepositorySession.h"
#include "database/CurrentRevisions.h"
#include "plan/SqlPreview.h"
#include "python/PythonValueResolver.h"

#include <QTemporaryDir>

namespace headway {

namespace {

// What the test upgrade needs before its first step: made off the GUI thread.
struct PreparedTestUpgrade {
    ScratchDatabase scratch;
    QList<CommandStep> steps;
};

QString lastLine(const QString &output)
{
    const QStringList lines = output.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

// Why a sequence did not succeed, in one line for the status bar.
QString failureMessage(const QString &title, const QList<StepResult> &results)
{
    for (const StepResult &result : results) {
        if (result.skipped || result.result.succeeded())
            continue;
        switch (result.result.outcome) {
        case CommandResult::Outcome::Cancelled:
            return MigrationController::tr("%1: cancelled").arg(title);
        case CommandResult::Outcome::TimedOut:
            return MigrationController::tr("%1: timed out").arg(title);
        default:
            break;
        }
        if (result.explanation.recognised())
            return MigrationController::tr("%1 failed: %2").arg(title, result.explanation.summary);
        return MigrationController::tr("%1 failed: %2").arg(title, lastLine(result.result.output));
    }
    return MigrationController::tr("%1 failed").arg(title);
}

} // namespace

MigrationController::MigrationController(RepositorySession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<CommandStep>();
    qRegisterMetaType<StepResult>();
    connect(session, &RepositorySession::repositoryReady, this, &MigrationController::repositoryLoaded);
    connect(session, &RepositorySession::loadFailed, this, [this] {
        if (!m_mergeBefore)
            return;
        m_mergeBefore.reset();
        end(false, tr("The merge ran, but the migrations could not be read again: reload to see the merge."));
    });
}

MigrationController::~MigrationController() = default;

bool MigrationController::isChanging() const
{
    switch (m_operation) {
    case Operation::Upgrade:
    case Operation::Downgrade:
    case Operation::Stamp:
    case Operation::Merge:
    case Operation::Restore:
    case Operation::LocateDatabase: // the first step of a change
        return true;
    default:
        return false;
    }
}

QString MigrationController::toolProblem() const
{
    if (m_preparing)
        return tr("Headway is still looking for a Python interpreter that can run this project's migrations.");
    if (!m_tool)
        return tr("Open a repository first.");
    return m_tool->problem();
}

int MigrationController::revisionsBehind() const
{
    if (!m_repository || !m_databaseKnown)
        return -1;
    return MigrationPlanner(m_repository->graph).revisionsBehind(m_databaseRevisions);
}

MigrationPlan MigrationController::planUpgrade(const QString &target) const
{
    if (!m_repository)
        return {};
    return MigrationPlanner(m_repository->graph).upgrade(m_databaseRevisions, target);
}

MigrationPlan MigrationController::planDowngrade(const QString &target) const
{
    if (!m_repository)
        return {};
    return MigrationPlanner(m_repository->graph).downgrade(m_databaseRevisions, target);
}

MigrationPlan MigrationController::planStamp(const QString &target) const
{
    if (!m_repository)
        return {};
    return MigrationPlanner(m_repository->graph).stamp(m_databaseRevisions, target);
}

QList<UndoStep> MigrationController::undoChoices() const
{
    if (!m_repository)
        return {};
    return MigrationPlanner(m_repository->graph).undoChoices(m_databaseRevisions);
}

void MigrationController::setSettings(const RunSettings &settings)
{
    m_settings = settings;
    if (!m_repositoryPath.isEmpty())
        RunSettingsStore::save(m_repositoryPath, settings);
    m_refreshAfterPrepare = true;
    prepareTool();
}

void MigrationController::repositoryLoaded()
{
    m_repository = m_session->repository();
    if (!m_repository)
        return;
    Q_EMIT repositoryChanged();
    if (m_mergeBefore)
        verifyMerge();
    const QString path = m_repository->layout.baseDirectory;
    if (path == m_repositoryPath)
        return; // a reload: same tool, same database
    m_repositoryPath = path;
    m_settings = RunSettingsStore::load(path);
    m_databaseRevisions.clear();
    m_databaseKnown = false;
    m_databaseProblem.clear();
    m_lastBackup = {};
    Q_EMIT databaseRevisionsChanged(m_databaseRevisions);
    m_refreshAfterPrepare = true;
    prepareTool();
}

void MigrationController::prepareTool()
{
    if (!m_repository)
        return;
    const int job = ++m_prepareJob;
    m_preparing = true;
    Q_EMIT toolChanged();
    const std::shared_ptr<const Repository> repository = m_repository;
    const RunSettings settings = m_settings;
    runInBackground(
        this, [repository, settings] { return MigrationTool::prepare(*repository, settings); },
        [this, job](MigrationTool tool) {
            if (job != m_prepareJob)
                return; // the settings or the repository changed meanwhile
            m_tool = std::move(tool);
            m_preparing = false;
            Q_EMIT toolChanged();
            if (!m_tool->ready()) {
                Q_EMIT status(tr("Commands cannot run: %1").arg(m_tool->problem()));
                return;
            }
            if (m_refreshAfterPrepare && !isBusy()) {
                m_refreshAfterPrepare = false;
                refreshDatabaseState();
            }
        });
}

bool MigrationController::begin(Operation operation, const QString &title)
{
    QString reason;
    if (!m_repository)
        reason = tr("Open a repository first.");
    else if (isBusy())
        reason = tr("“%1” is still running: wait for it to finish or cancel it first.").arg(m_title);
    else if (!isToolReady() || m_preparing)
        reason = tr("Cannot run commands yet: %1").arg(toolProblem());
    if (!reason.isEmpty()) {
        Q_EMIT refused(reason);
        return false;
    }
    m_operation = operation;
    m_title = title;
    m_cancelRequested = false;
    Q_EMIT busyChanged(true);
    Q_EMIT operationStarted(operation, title);
    return true;
}

void MigrationController::end(bool succeeded, const QString &message)
{
    const Operation finished = m_operation;
    m_operation = Operation::None;
    m_cancelRequested = false;
    Q_EMIT operationFinished(finished, succeeded, message);
    Q_EMIT busyChanged(false);
    if (!message.isEmpty())
        Q_EMIT status(message);
}

bool MigrationController::cancelled()
{
    if (!m_cancelRequested)
        return false;
    end(false, tr("%1: cancelled").arg(m_title));
    return true;
}

void MigrationController::cancel()
{
    if (!isBusy())
        return;
    m_cancelRequested = true;
    if (m_sequence)
        m_sequence->cancel();
    Q_EMIT status(tr("Cancelling…"));
}

void MigrationController::runSteps(Operation operation, const QList<CommandStep> &steps,
                                   std::function<void(const QList<StepResult> &, bool)> done)
{
    auto *sequence = new CommandSequence(steps, this);
    sequence->setTimeout(std::clamp(m_settings.timeoutSeconds, 1, 24 * 3600) * 1000);
    m_sequence = sequence;
    connect(sequence, &CommandSequence::stepStarted, this,
            [this, operation](int index, const CommandStep &step) { Q_EMIT stepStarted(operation, index, step); });
    connect(sequence, &CommandSequence::outputLine, this, &MigrationController::outputLine);
    connect(sequence, &CommandSequence::stepFinished, this,
            [this, operation](int index, const StepResult &result) { Q_EMIT stepFinished(operation, index, result); });
    connect(sequence, &CommandSequence::finished, this, [this, sequence, done = std::move(done)](bool succeeded) {
        m_sequence = nullptr;
        const QList<StepResult> results = sequence->results();
        sequence->deleteLater(); // it emitted this signal
        done(results, succeeded);
    });
    sequence->start();
}

bool MigrationController::refreshDatabaseState()
{
    if (!begin(Operation::Current, tr("Read the database's revisions")))
        return false;
    readCurrentThen([this] { end(m_databaseKnown, m_databaseKnown ? QString() : m_databaseProblem); });
    return true;
}

void MigrationController::readCurrentThen(Continuation next)
{
    if (!m_tool) {
        next();
        return;
    }
    const std::shared_ptr<const Repository> repository = m_repository;
    runSteps(Operation::Current, {CommandStep{tr("Read the database's revisions"), m_tool->current()}},
             [this, repository, next = std::move(next)](const QList<StepResult> &results, bool succeeded) {
                 const StepResult result = results.value(0);
                 m_databaseProblem.clear();
                 if (succeeded) {
                     const CurrentRevisions current = CurrentRevisions::parse(result.result.output, repository->graph);
                     m_databaseRevisions = current.revisions;
                     m_databaseKnown = true;
                     if (!current.unknown.isEmpty())
                         m_databaseProblem = tr("The database is at %1, which no migration file declares: it was "
                                                "migrated from another branch or checkout.")
                                                 .arg(current.unknown.join(QLatin1String(", ")));
                 } else {
                     m_databaseRevisions.clear();
                     m_databaseKnown = false;
                     m_databaseProblem = result.explanation.recognised()
                                             ? result.explanation.summary
                                             : tr("`current` failed: %1").arg(lastLine(result.result.output));
                 }
                 Q_EMIT databaseRevisionsChanged(m_databaseRevisions);
                 next();
             });
}

bool MigrationController::upgrade(const QString &target)
{
    if (!begin(Operation::Upgrade, tr("Upgrade to %1").arg(target)))
        return false;
    runChanging(Operation::Upgrade, CommandStep{m_title, m_tool->upgrade(target)});
    return true;
}

bool MigrationController::downgrade(const QString &target)
{
    if (!begin(Operation::Downgrade, tr("Downgrade to %1").arg(target)))
        return false;
    runChanging(Operation::Downgrade, CommandStep{m_title, m_tool->downgrade(target)});
    return true;
}

bool MigrationController::stamp(const QString &target)
{
    if (!begin(Operation::Stamp, tr("Stamp %1").arg(target)))
        return false;
    runChanging(Operation::Stamp, CommandStep{m_title, m_tool->stamp(target)});
    return true;
}

void MigrationController::runChanging(Operation operation, const CommandStep &step)
{
    backUpThen([this, operation, step] {
        runSteps(operation, {step}, [this](const QList<StepResult> &results, bool succeeded) {
            const QString message = succeeded ? tr("%1: done").arg(m_title) : failureMessage(m_title, results);
            // Even a failed or cancelled command may have changed the database.
            readCurrentThen([this, succeeded, message] { end(succeeded, message); });
        });
    });
}

bool MigrationController::previewUpgradeSql(const QString &target)
{
    return previewSql(planUpgrade(target), tr("SQL for upgrade to %1").arg(target));
}

bool MigrationController::previewDowngradeSql(const QString &target)
{
    return previewSql(planDowngrade(target), tr("SQL for downgrade to %1").arg(target));
}

bool MigrationController::previewSql(const MigrationPlan &plan, const QString &title)
{
    if (!m_repository || !m_tool)
        return begin(Operation::PreviewSql, title); // refuses, saying why
    // Offline, Alembic cannot read where the database is: the range starts at its revision.
    const SqlPreview preview = SqlPreview::forPlan(*m_tool, m_repository->graph, m_databaseRevisions, plan);
    if (!preview.ok()) {
        Q_EMIT refused(preview.error);
        return false;
    }
    if (!begin(Operation::PreviewSql, title))
        return false;
    runSteps(Operation::PreviewSql, {CommandStep{m_title, preview.line}},
             [this](const QList<StepResult> &results, bool succeeded) {
                 end(succeeded, succeeded ? tr("The SQL is in the console; nothing ran on the database.")
                                          : failureMessage(m_title, results));
             });
    return true;
}

bool MigrationController::merge(const QStringList &heads, const QString &message)
{
    const QString problem = MergeRequest::messageProblem(message);
    if (!problem.isEmpty()) {
        Q_EMIT refused(problem);
        return false;
    }
    if (heads.size() < 2) {
        Q_EMIT refused(tr("Choose at least two heads to merge."));
        return false;
    }
    if (!begin(Operation::Merge, tr("Merge %1").arg(heads.join(QLatin1String(", ")))))
        return false;
    runSteps(Operation::Merge, {CommandStep{m_title, m_tool->merge(heads, message)}},
             [this, heads](const QList<StepResult> &results, bool succeeded) {
                 if (!succeeded) {
                     end(false, failureMessage(m_title, results));
                     return;
                 }
                 // Set before reload(): a quick load may report before it returns.
                 m_mergeBefore = m_repository;
                 m_mergedHeads = heads;
                 Q_EMIT status(tr("Merge written; reading the migrations again…"));
                 m_session->reload();
             });
    return true;
}

void MigrationController::verifyMerge()
{
    const MergeVerification verification = MergeRequest::verify(*m_mergeBefore, *m_repository, m_mergedHeads);
    m_mergeBefore.reset();
    Q_EMIT mergeVerified(verification);
    end(verification.ok(),
        verification.ok() ? (verification.headsAfter == 1 ? tr("Merged: one head now")
                                                         : tr("Merged: %1 heads now").arg(verification.headsAfter))
                          : tr("The merge did not do what was asked: %1").arg(verification.problem));
}

bool MigrationController::testUpgrade()
{
    if (!begin(Operation::TestUpgrade, tr("Test upgrade on a scratch database")))
        return false;
    startTestUpgrade();
    return true;
}

void MigrationController::startTestUpgrade()
{
    m_scratch = std::make_unique<QTemporaryDir>();
    if (!m_scratch->isValid()) {
        const QString error = m_scratch->errorString();
        m_scratch.reset();
        end(false, tr("Cannot create a directory for the scratch database: %1").arg(error));
        return;
    }
    const MigrationTool tool = *m_tool;
    const std::shared_ptr<const Repository> repository = m_repository;
    const QString directory = m_scratch->path();
    const QStringList testCommand = m_settings.testCommand;
    runInBackground(this, [tool, repository, directory, testCommand] {
        PreparedTestUpgrade prepared;
        prepared.scratch = TestUpgrade::prepareScratch(tool, directory);
        if (prepared.scratch.error.isEmpty())
            prepared.steps = TestUpgrade::steps(*repository, TestUpgrade::toolFor(tool, prepared.scratch),
                                                prepared.scratch.file, testCommand);
        return prepared;
    }, [this](const PreparedTestUpgrade &prepared) {
        if (!prepared.scratch.error.isEmpty()) {
            m_scratch.reset();
            end(false, prepared.scratch.error);
            return;
        }
        if (cancelled()) {
            m_scratch.reset();
            return;
        }
        Q_EMIT testUpgradeStarted(prepared.steps);
        runSteps(Operation::TestUpgrade, prepared.steps,
                 [this](const QList<StepResult> &results, bool succeeded) { finishTestUpgrade(results, succeeded); });
    });
}

void MigrationController::finishTestUpgrade(const QList<StepResult> &results, bool succeeded)
{
    m_scratch.reset(); // every step has ended: nothing holds the scratch database any more
    const auto failed = std::find_if(results.cbegin(), results.cend(), [](const StepResult &result) {
        return !result.skipped && !result.result.succeeded() && !result.step.optional;
    });
    if (succeeded || failed == results.cend() || failed->result.outcome == CommandResult::Outcome::Cancelled) {
        end(succeeded, succeeded ? tr("Test upgrade passed: every migration went up, down and up again.")
                                 : failureMessage(m_title, results));
        return;
    }
    const std::shared_ptr<const Repository> repository = m_repository;
    const QString output = failed->result.output;
    const QString title = failed->step.title;
    // Reads the migration files: off the GUI thread.
    runInBackground(
        this, [repository, output] { return FailureSite::locate(*repository, output); },
        [this, title](const FailureSite &site) {
            Q_EMIT testUpgradeFailureLocated(site);
            end(false, site.summary.isEmpty() ? tr("Test upgrade failed at “%1”").arg(title) : site.summary);
        });
}

bool MigrationController::resolveWithPython()
{
    const QStringList paths = m_repository ? PythonValueResolver::filesNeedingPython(*m_repository) : QStringList{};
    if (m_repository && paths.isEmpty()) {
        Q_EMIT refused(tr("Every revision identifier is a literal: there is nothing to resolve."));
        return false;
    }
    if (!begin(Operation::ResolveValues, tr("Resolve %n file(s) with Python", nullptr, int(paths.size()))))
        return false;
    runSteps(Operation::ResolveValues, {CommandStep{m_title, PythonValueResolver::command(*m_tool, paths)}},
             [this](const QList<StepResult> &results, bool) {
                 const QList<ResolvedFile> resolved = PythonValueResolver::parseOutput(results.value(0).result.output);
                 if (resolved.isEmpty()) {
                     end(false, failureMessage(m_title, results));
                     return;
                 }
                 QStringList failures;
                 for (const ResolvedFile &file : resolved)
                     if (!file.error.isEmpty())
                         failures += QStringLiteral("%1: %2").arg(m_repository->relativePath(file.path), file.error);
                 runInBackground(this, [resolved] { return ResolvedValueCache::store(resolved); },
                                 [this, failures](bool stored) {
                                     if (!stored) {
                                         end(false, tr("The resolved values could not be saved in %1")
                                                        .arg(ResolvedValueCache::defaultPath()));
                                         return;
                                     }
                                     end(failures.isEmpty(), failures.isEmpty()
                                                                 ? tr("Values resolved through Python; reading the migrations again")
                                                                 : tr("Some files could not be imported: %1")
                                                                       .arg(failures.join(QLatin1String("; "))));
                                     m_session->reload();
                                 });
             });
    return true;
}

} // namespace headway
