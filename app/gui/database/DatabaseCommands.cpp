#include "database/DatabaseCommands.h"

#include "database/ConfirmCommandDialog.h"
#include "database/DatabaseActions.h"
#include "database/MergeConflictsView.h"
#include "database/MergeDialog.h"
#include "database/MigrationController.h"
#include "database/RehearsalPanel.h"
#include "database/RunSettingsDialog.h"
#include "plan/MergeRequest.h"
#include "python/PythonValueResolver.h"
#include "report/RevisionName.h"
#include "workflow/RestoreOperation.h"

#include <QAction>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace headway {

DatabaseCommands::DatabaseCommands(QWidget *window, MigrationController *controller, DatabaseActions *actions)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_actions(actions)
{
    m_confirm = [this](const CommandConfirmation &confirmation, std::function<void(bool)> answer) {
        showConfirmationDialog(confirmation, std::move(answer));
    };
    controller->setConfirmer([this](const CommandConfirmation &confirmation, std::function<void(bool)> answer) {
        m_confirm(confirmation, std::move(answer));
    });
    m_choose = [this](const QString &title, const QString &text, const QStringList &options,
                      std::function<void(int)> chosen) { showChoiceBox(title, text, options, std::move(chosen)); };

    DatabaseActions *a = actions;
    connect(a->refresh, &QAction::triggered, controller, &MigrationController::refreshDatabaseState);
    connect(a->upgradeHeads, &QAction::triggered, this, &DatabaseCommands::upgradeToHeads);
    connect(a->upgradeSelected, &QAction::triggered, this, &DatabaseCommands::upgradeToSelected);
    connect(a->downgradeSelected, &QAction::triggered, this, &DatabaseCommands::downgradeToSelected);
    connect(a->stepBack, &QAction::triggered, this, &DatabaseCommands::stepBack);
    connect(a->stampSelected, &QAction::triggered, this, &DatabaseCommands::stampSelected);
    connect(a->mergeHeads, &QAction::triggered, this, &DatabaseCommands::openMergeDialog);
    connect(a->rehearseMerge, &QAction::triggered, this, &DatabaseCommands::rehearseMerge);
    connect(a->testUpgrade, &QAction::triggered, controller, &MigrationController::testUpgrade);
    connect(a->previewUpgradeSql, &QAction::triggered, this, &DatabaseCommands::previewUpgradeSql);
    connect(a->previewDowngradeSql, &QAction::triggered, this, &DatabaseCommands::previewDowngradeSql);
    connect(a->restoreBackup, &QAction::triggered, this, &DatabaseCommands::restoreBackup);
    connect(a->runSettings, &QAction::triggered, this, &DatabaseCommands::openRunSettings);
    connect(a->cancel, &QAction::triggered, controller, &MigrationController::cancel);
    connect(a->resolveValues, &QAction::triggered, controller, &MigrationController::resolveWithPython);
    connect(controller, &MigrationController::repositoryChanged, this, &DatabaseCommands::updateActions);
    connect(controller, &MigrationController::toolChanged, this, &DatabaseCommands::updateActions);
    connect(controller, &MigrationController::busyChanged, this, &DatabaseCommands::updateActions);
    connect(controller, &MigrationController::backupMade, this, &DatabaseCommands::updateActions);
    connect(controller, &MigrationController::databaseRevisionsChanged, this, &DatabaseCommands::updateActions);
    updateActions();
}

void DatabaseCommands::setSelection(const QList<int> &revisions)
{
    m_selection = revisions;
    updateActions();
}

QString DatabaseCommands::selectedId() const
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    if (!repository || m_selection.size() != 1 || m_selection.first() >= repository->graph.size())
        return {};
    return repository->graph.node(m_selection.first()).id;
}

void DatabaseCommands::updateActions()
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    DatabaseActions::State state;
    state.repository = repository != nullptr;
    state.ready = m_controller->isToolReady() && !m_controller->isPreparing();
    state.busy = m_controller->isBusy();
    state.selected = int(m_selection.size());
    state.heads = repository ? int(repository->graph.heads().size()) : 0;
    state.backup = m_controller->lastBackup().made();
    state.unresolved = repository ? int(PythonValueResolver::filesNeedingPython(*repository).size()) : 0;
    m_actions->update(state);
}

void DatabaseCommands::upgradeToHeads()
{
    upgradeTo(QStringLiteral("heads"));
}

void DatabaseCommands::upgradeToSelected()
{
    const QString target = selectedId();
    if (!target.isEmpty())
        upgradeTo(target);
}

void DatabaseCommands::upgradeTo(const QString &target)
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    if (!repository || !m_controller->tool())
        return;
    const MigrationPlan plan = m_controller->planUpgrade(target);
    if (!plan.ok()) {
        offerAlternatives(plan, {tr("Upgrade to All Heads")}, {[this] { upgradeToHeads(); }});
        return;
    }
    const QString unknown = m_controller->isDatabaseStateKnown()
                                ? QString()
                                : tr("The database's revisions are not known yet, so this list assumes it is empty. ");
    confirmAndRun(OperationKind::Upgrade, plan, unknown);
}

void DatabaseCommands::confirmAndRun(OperationKind kind, const MigrationPlan &plan, const QString &preamble)
{
    // What will run, and the exact command, before anything runs; then exactly that plan runs.
    OperationRequest request;
    request.kind = kind;
    request.plan = plan;
    request.confirmed = true;
    CommandConfirmation confirmation
        = CommandConfirmation::forPlan(*m_controller->repository(), plan, m_controller->commandFor(request));
    confirmation.question.prepend(preamble);
    m_confirm(confirmation, [this, request](bool accepted) {
        if (accepted)
            m_controller->run(request);
    });
}

void DatabaseCommands::downgradeToSelected()
{
    const QString target = selectedId();
    if (!target.isEmpty())
        downgradeTo(target);
}

void DatabaseCommands::downgradeTo(const QString &target)
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    const MigrationController *controller = m_controller;
    if (!repository || !controller->tool())
        return;
    const MigrationPlan plan = controller->planDowngrade(target);
    if (!plan.ok()) {
        // The choices that undo one migration each always work.
        QStringList labels;
        QList<std::function<void()>> alternatives;
        for (const UndoStep &step : controller->undoChoices()) {
            labels.append(tr("Undo %1").arg(revisionName(*repository, step.revision)));
            const QString choice = step.target;
            alternatives.append([this, choice] { downgradeTo(choice); });
        }
        offerAlternatives(plan, labels, alternatives);
        return;
    }
    confirmAndRun(OperationKind::Downgrade, plan, {});
}

void DatabaseCommands::stepBack()
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    const QList<UndoStep> choices = m_controller->undoChoices();
    if (!repository)
        return;
    if (choices.isEmpty()) {
        Q_EMIT message(tr("Nothing to step back: the database is at base."));
        return;
    }
    if (choices.size() == 1) {
        downgradeTo(choices.first().target);
        return;
    }
    QStringList options;
    for (const UndoStep &choice : choices)
        options.append(tr("Undo %1").arg(revisionName(*repository, choice.revision)));
    m_choose(tr("Step Back Which Branch?"),
             tr("The database is at several revisions: `downgrade -1` would be ambiguous. Which one should be undone?"),
             options, [this, choices](int index) { downgradeTo(choices.value(index).target); });
}

void DatabaseCommands::stampSelected()
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    const QString target = selectedId();
    if (!repository || target.isEmpty() || !m_controller->tool())
        return;
    const MigrationPlan plan = m_controller->planStamp(target);
    if (!plan.ok()) {
        offerAlternatives(plan, {}, {});
        return;
    }
    confirmAndRun(OperationKind::Stamp, plan, {});
}

void DatabaseCommands::previewUpgradeSql()
{
    const QString target = selectedId();
    m_controller->previewUpgradeSql(target.isEmpty() ? QStringLiteral("heads") : target);
}

void DatabaseCommands::previewDowngradeSql()
{
    const QString target = selectedId();
    if (!target.isEmpty())
        m_controller->previewDowngradeSql(target);
}

void DatabaseCommands::restoreBackup()
{
    const SqliteBackupCopy backup = m_controller->lastBackup();
    if (!backup.made()) {
        m_controller->restoreLastBackup(); // says why not
        return;
    }
    m_confirm(RestoreOperation::confirmationFor(backup), [this](bool accepted) {
        if (accepted)
            m_controller->restoreLastBackup();
    });
}

MergeDialog *DatabaseCommands::openMergeDialog()
{
    const std::shared_ptr<const LoadedRepository> loaded = m_controller->loadedRepository();
    if (!loaded)
        return nullptr;
    const std::shared_ptr<const Repository> repository = loaded->repository;
    if (m_mergeDialog) {
        m_mergeDialog->raise();
        return m_mergeDialog;
    }
    QList<int> checked;
    for (int revision : std::as_const(m_selection))
        if (repository->graph.heads().contains(revision))
            checked.append(revision);
    if (checked.size() < 2)
        checked = MergeRequest::suggestedHeads(*repository); // all heads, or a diverged branch's
    std::optional<MigrationTool> tool;
    if (m_controller->tool())
        tool = *m_controller->tool();
    auto *dialog = new MergeDialog(loaded, checked, tool, m_controller, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MergeDialog::revisionsActivated, this, [this](const QStringList &ids) {
        // By id: the repository may have been read again since the dialog opened.
        const std::shared_ptr<const Repository> shown = m_controller->repository();
        QList<int> revisions;
        for (const QString &id : ids)
            if (const int node = shown ? shown->graph.indexOf(id) : -1; node >= 0)
                revisions.append(node);
        if (!revisions.isEmpty())
            Q_EMIT revisionsActivated(revisions);
    });
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_controller->merge(dialog->selectedHeads(), dialog->message()); });
    connect(m_controller, &MigrationController::operationsRead, dialog->conflictsView(),
            &MergeConflictsView::setOperations);
    m_mergeDialog = dialog;
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

MergeDialog *DatabaseCommands::rehearseMerge()
{
    MergeDialog *dialog = openMergeDialog();
    if (dialog && !dialog->rehearsalPanel()->isRunning())
        dialog->rehearse(); // a refusal is shown in the dialog
    return dialog;
}

RunSettingsDialog *DatabaseCommands::openRunSettings()
{
    auto *dialog = new RunSettingsDialog(m_controller->settings(), m_controller->tool(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_controller->setSettings(dialog->settings()); });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

void DatabaseCommands::offerAlternatives(const MigrationPlan &plan, const QStringList &labels,
                                         const QList<std::function<void()>> &alternatives)
{
    const QString text = tr("Alembic would refuse this: %1.\n\n%2").arg(plan.error, plan.advice);
    if (labels.isEmpty()) {
        m_choose(tr("This Command Would Fail"), text, {}, [](int) {});
        return;
    }
    m_choose(tr("This Command Would Fail"), text, labels, [alternatives](int index) {
        if (index >= 0 && index < alternatives.size())
            alternatives.at(index)();
    });
}

void DatabaseCommands::showConfirmationDialog(const CommandConfirmation &confirmation, std::function<void(bool)> answer)
{
    auto *dialog = new ConfirmCommandDialog(confirmation, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [answer = std::move(answer)](int result) { answer(result == QDialog::Accepted); });
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

void DatabaseCommands::showChoiceBox(const QString &title, const QString &text, const QStringList &options,
                                     std::function<void(int)> chosen)
{
    // Non-modal, like the window's error display: nothing waits in a nested event loop.
    auto *box = new QMessageBox(options.isEmpty() ? QMessageBox::Warning : QMessageBox::Question, title, text,
                                QMessageBox::Cancel, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    for (int index = 0; index < options.size(); ++index) {
        QPushButton *button = box->addButton(options.at(index), QMessageBox::ActionRole);
        connect(button, &QPushButton::clicked, this, [chosen, index] { chosen(index); });
    }
    box->setDefaultButton(QMessageBox::Cancel);
    box->setWindowModality(Qt::WindowModal);
    box->show();
}

} // namespace headway
