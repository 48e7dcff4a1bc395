// Shows a CommandConfirmation: what will happen, the revisions concerned, the
// command line and environment with "Copy as Shell Command". Cancel is the
// default button: Enter never changes a database by accident.
#pragma once

#include "workflow/CommandConfirmation.h"

#include <QDialog>

class QPushButton;

namespace headway {

class ConfirmCommandDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConfirmCommandDialog(const CommandConfirmation &confirmation, QWidget *parent = nullptr);

    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    QPushButton *m_accept;
    QPushButton *m_cancel;
};

} // namespace headway
