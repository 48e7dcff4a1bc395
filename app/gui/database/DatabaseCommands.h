// What the Database menu does: turns each action into a plan from the
// MigrationController, a confirmation where the database changes (downgrade,
// stamp, restore), a choice where Alembic would need one (which branch to
// step back), Alembic's advice with the alternatives that work when the plan
// says it would refuse, and the merge and run-settings dialogs. Asking the
// user goes through replaceable functions so tests can answer.
#pragma once

#include "workflow/CommandConfirmation.h"
#include "workflow/OperationRequest.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace headway {

class DatabaseActions;
class MergeDialog;
class MigrationController;
class RunSettingsDialog;

class DatabaseCommands : public QObject
{
    Q_OBJECT

public:
    // Shows the confirmation and calls `answer` once: true if the user accepts. The default
    // opens a window-modal ConfirmCommandDialog (Cancel is the default button). The workflow
    // asks through it too, while an operation runs (a test upgrade on the user's server).
    using Confirmation = std::function<void(const CommandConfirmation &confirmation, std::function<void(bool accepted)> answer)>;
    // Offers `options`; calls `chosen(index)` with the user's pick (never when cancelled).
    using Choice = std::function<void(const QString &title, const QString &text, const QStringList &options,
                                      std::function<void(int)> chosen)>;

    DatabaseCommands(QWidget *window, MigrationController *controller, DatabaseActions *actions);

    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }
    void setChoice(Choice choice) { m_choose = std::move(choice); }
    // The graph's selection (node indices), in the order selected.
    void setSelection(const QList<int> &revisions);

    void upgradeToHeads();
    void upgradeToSelected();
    void upgradeTo(const QString &target); // shows the plan and the command, then runs it
    void downgradeTo(const QString &target);
    void downgradeToSelected();
    void stepBack();
    void stampSelected();
    void previewUpgradeSql();
    void previewDowngradeSql();
    void restoreBackup();
    // Non-modal; merges when accepted. The selected heads are ticked when two or more are selected.
    MergeDialog *openMergeDialog();
    // The merge dialog, with the rehearsal of its ticked heads started.
    MergeDialog *rehearseMerge();
    RunSettingsDialog *openRunSettings();
    MergeDialog *mergeDialog() const { return m_mergeDialog; }

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    // Migrations the merge dialog names were clicked: node indices of the shown repository.
    void revisionsActivated(const QList<int> &revisions);

private:
    QString selectedId() const; // the one selected revision, else empty
    void updateActions();
    void confirmAndRun(OperationKind kind, const MigrationPlan &plan, const QString &preamble);
    void offerAlternatives(const MigrationPlan &plan, const QStringList &labels,
                           const QList<std::function<void()>> &alternatives);
    void showConfirmationDialog(const CommandConfirmation &confirmation, std::function<void(bool)> answer);
    void showChoiceBox(const QString &title, const QString &text, const QStringList &options,
                       std::function<void(int)> chosen);

    QWidget *m_window;
    MigrationController *m_controller;
    DatabaseActions *m_actions;
    QList<int> m_selection;
    Confirmation m_confirm;
    Choice m_choose;
    QPointer<MergeDialog> m_mergeDialog;
};

} // namespace headway
