#include "window/StatusBarPanel.h"

#include "database/MigrationController.h"
#include "layout/RunCollapse.h"
#include "report/RevisionName.h"
#include "session/RepositorySession.h"
#include "window/ProgressIndicator.h"

#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>

namespace headway {

StatusBarPanel::StatusBarPanel(RepositorySession *session, MigrationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_summary(new QLabel(this))
    , m_database(new QLabel(this))
    , m_command(new ProgressIndicator(tr("Running command"),
                                      tr("Stop the running command (terminate, then kill after a grace period)"), this))
{
    setAccessibleName(tr("Repository and database status"));
    m_summary->setObjectName(QStringLiteral("repositorySummary"));
    m_summary->setAccessibleName(tr("Revisions and heads"));
    m_summary->setToolTip(tr("Revisions in the shown repository, and its heads"));
    m_database->setObjectName(QStringLiteral("databaseRevision"));
    m_database->setAccessibleName(tr("Database revision"));
    m_database->hide();
    m_command->setObjectName(QStringLiteral("commandProgress"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_command);
    layout->addWidget(m_database);
    layout->addWidget(m_summary);

    connect(session, &RepositorySession::repositoryReady, this, &StatusBarPanel::showRepository);
    connect(session, &RepositorySession::closed, this, [this] {
        m_summary->clear(); // back on the start page: nothing to count
        showDatabase();
    });
    connect(controller, &MigrationController::repositoryChanged, this, &StatusBarPanel::showDatabase);
    connect(controller, &MigrationController::databaseRevisionsChanged, this, &StatusBarPanel::showDatabase);
    connect(controller, &MigrationController::toolChanged, this, &StatusBarPanel::showDatabase);
    connect(controller, &MigrationController::operationStarted, this,
            [this](MigrationController::Operation, const QString &title) { showCommandStarted(title); });
    connect(controller, &MigrationController::stepsPlanned, this,
            [this](MigrationController::Operation, const QList<CommandStep> &steps) {
                m_steps = int(steps.size());
                if (m_steps > 1)
                    m_command->setProgress(0, m_steps, tr("Step 1 of %1").arg(m_steps));
            });
    connect(controller, &MigrationController::stepFinished, this,
            [this](MigrationController::Operation, int index, const StepResult &) {
                if (m_steps > 1)
                    m_command->setProgress(index + 1, m_steps,
                                           tr("%1 of %2 steps done").arg(std::min(index + 1, m_steps)).arg(m_steps));
            });
    connect(controller, &MigrationController::busyChanged, this, [this](bool busy) {
        if (!busy)
            m_command->finish();
    });
    connect(m_command, &ProgressIndicator::cancelRequested, controller, &MigrationController::cancel);
}

QString StatusBarPanel::summaryText() const
{
    return m_summary->text();
}

QString StatusBarPanel::databaseText() const
{
    return m_database->isHidden() ? QString() : m_database->text();
}

void StatusBarPanel::showRepository(const std::shared_ptr<const LoadedRepository> &loaded)
{
    // Collapsed runs count their members; ghosts (missing parents) are no revisions.
    const int revisions = revisionCount(loaded->input);
    const int heads = int(loaded->repository->graph.heads().size());
    m_summary->setText((revisions == 1 ? tr("1 revision") : tr("%1 revisions").arg(revisions)) + QStringLiteral(" · ")
                       + (heads == 1 ? tr("1 head") : tr("%1 heads").arg(heads)));
}

void StatusBarPanel::showDatabase()
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    m_database->setVisible(repository != nullptr);
    if (!repository)
        return;
    QString text;
    QString tip;
    if (!m_controller->isDatabaseStateKnown()) {
        text = tr("Database: unknown");
        tip = m_controller->databaseProblem().isEmpty() ? tr("The database's revisions have not been read yet")
                                                        : m_controller->databaseProblem();
    } else if (m_controller->databaseRevisions().isEmpty()) {
        text = tr("Database: base");
        tip = tr("The database has no migration applied");
    } else {
        QStringList ids, names;
        for (const QString &id : m_controller->databaseRevisions()) {
            ids.append(displayedId(id));
            const int revision = repository->graph.indexOf(id);
            names.append(revision >= 0 ? revisionName(*repository, revision) : displayedId(id));
        }
        text = tr("Database: %1").arg(joinedNames(ids, 3));
        tip = tr("The database is at %1").arg(joinedNames(names));
        const int behind = m_controller->revisionsBehind();
        if (behind > 0)
            text += QLatin1Char(' ') + (behind == 1 ? tr("(1 behind)") : tr("(%1 behind)").arg(behind));
    }
    m_database->setText(text);
    m_database->setToolTip(tip);
}

void StatusBarPanel::showCommandStarted(const QString &title)
{
    m_steps = 0;
    m_command->start(title);
}

} // namespace headway
