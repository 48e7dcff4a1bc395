#include "database/ConfirmCommandDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace headway {

ConfirmCommandDialog::ConfirmCommandDialog(const CommandConfirmation &confirmation, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(confirmation.title);
    auto *question = new QLabel(confirmation.question, this);
    question->setWordWrap(true);
    auto *effects = new QListWidget(this);
    effects->addItems(confirmation.effects);
    effects->setSelectionMode(QAbstractItemView::NoSelection);
    effects->setAccessibleName(tr("What it does"));
    auto *warning = new QLabel(confirmation.warning, this);
    warning->setWordWrap(true);
    warning->setVisible(!confirmation.warning.isEmpty());
    auto *command = new QLabel(QStringLiteral("$ ") + confirmation.line.shellText(), this);
    command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    command->setWordWrap(true);
    command->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_accept = buttons->addButton(confirmation.acceptText, QDialogButtonBox::AcceptRole);
    QPushButton *copy = buttons->addButton(tr("Copy as Shell Command"), QDialogButtonBox::ActionRole);
    m_accept->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    copy->setAutoDefault(false);
    // Enter must never undo migrations: only a harmless command is the default.
    QPushButton *byDefault = confirmation.destructive ? m_cancel : m_accept;
    byDefault->setDefault(true);
    byDefault->setFocus();
    const QString shellText = confirmation.line.shellText();
    connect(copy, &QPushButton::clicked, this, [shellText] { QGuiApplication::clipboard()->setText(shellText); });
    // Headway's own edits (rebase, restore) run no command: nothing to show or copy.
    copy->setVisible(!shellText.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(effects);
    layout->addWidget(warning);
    if (!shellText.isEmpty()) {
        layout->addWidget(new QLabel(tr("Command and environment:"), this));
        layout->addWidget(command);
    } else {
        command->hide();
    }
    layout->addWidget(buttons);
}

} // namespace headway
