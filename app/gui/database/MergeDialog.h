// Asks which heads to merge and with what message: a checkable list of the
// heads, the message (prefilled with one that says what is merged; OK stays
// disabled, with the reason shown, while MergeRequest refuses it) and the
// exact command that will run. Heads on different named branches get a warning
// before anything runs. Below, what merging the ticked heads would meet: the
// collisions between their branches (MergeConflictsView, found again whenever
// the ticks change) and the merge rehearsal on scratch databases
// (RehearsalPanel); the migrations they name are links to the graph.
#pragma once

#include "runner/MigrationTool.h"

#include <QDialog>

#include <memory>
#include <optional>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace headway {

struct LoadedRepository;
class MergeConflictsView;
class MigrationController;
class RehearsalPanel;

class MergeDialog : public QDialog
{
    Q_OBJECT

public:
    // `checked`: the heads ticked at first. `tool` gives the command preview; `controller`
    // runs the rehearsal.
    MergeDialog(std::shared_ptr<const LoadedRepository> loaded, const QList<int> &checked,
                std::optional<MigrationTool> tool, MigrationController *controller, QWidget *parent = nullptr);

    QStringList selectedHeads() const; // full revision ids, history order
    QString message() const;
    void setMessage(const QString &message);
    void setHeadChecked(const QString &id, bool checked);
    QString problemText() const; // why OK is disabled; empty when it is enabled
    QString warningText() const; // why these heads should not be merged; empty when nothing to warn
    QString commandPreview() const;
    QPushButton *okButton() const;
    MergeConflictsView *conflictsView() const { return m_conflicts; }
    RehearsalPanel *rehearsalPanel() const { return m_rehearsal; }
    // Starts the rehearsal of the ticked heads (the Rehearse button); false when it cannot start.
    bool rehearse();

Q_SIGNALS:
    void revisionsActivated(const QStringList &ids); // a migration named in the conflicts or the rehearsal

protected:
    void done(int result) override; // closing stops a running rehearsal: nothing else shows its result

private:
    void headsChanged();
    void refresh(); // not update(): that would hide QWidget::update()
    QList<int> selectedNodes() const;

    std::shared_ptr<const Repository> m_repository;
    std::optional<MigrationTool> m_tool;
    QListWidget *m_heads;
    QLineEdit *m_message;
    QLabel *m_problem;
    QLabel *m_warning;
    QLabel *m_preview;
    MergeConflictsView *m_conflicts;
    RehearsalPanel *m_rehearsal;
    QDialogButtonBox *m_buttons;
    QString m_defaultMessage; // follows the ticked heads until the user types their own
};

} // namespace headway
