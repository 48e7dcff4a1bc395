// Asks which heads to merge and with what message: a checkable list of the
// heads, the message (prefilled with one that says what is merged; OK stays
// disabled, with the reason shown, while MergeRequest refuses it) and the
// exact command that will run. Heads on different named branches get a warning
// before anything runs.
#pragma once

#include "runner/MigrationTool.h"

#include <QDialog>

#include <memory>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace headway {

class MergeDialog : public QDialog
{
    Q_OBJECT

public:
    // `checked`: the heads ticked at first. `tool` gives the command preview.
    MergeDialog(std::shared_ptr<const Repository> repository, const QList<int> &checked,
                std::optional<MigrationTool> tool, QWidget *parent = nullptr);

    QStringList selectedHeads() const; // full revision ids, history order
    QString message() const;
    void setMessage(const QString &message);
    void setHeadChecked(const QString &id, bool checked);
    QString problemText() const; // why OK is disabled; empty when it is enabled
    QString warningText() const; // why these heads should not be merged; empty when nothing to warn
    QString commandPreview() const;
    QPushButton *okButton() const;

private:
    void refresh(); // not update(): that would hide QWidget::update()

    std::shared_ptr<const Repository> m_repository;
    std::optional<MigrationTool> m_tool;
    QListWidget *m_heads;
    QLineEdit *m_message;
    QLabel *m_problem;
    QLabel *m_warning;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
    QString m_defaultMessage; // follows the ticked heads until the user types their own
};

} // namespace headway
