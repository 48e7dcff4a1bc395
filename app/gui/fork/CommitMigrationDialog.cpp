#include "CommitMigrationDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace headway {

CommitMigrationDialog::CommitMigrationDialog(const QStringList &files, const QString &message,
                                             std::function<QString(const QString &)> describe, QWidget *parent)
    : QDialog(parent)
    , m_files(new QComboBox(this))
    , m_message(new QPlainTextEdit(message, this))
{
    setWindowTitle(tr("Commit the Migration"));
    resize(560, 320);
    for (const QString &file : files)
        m_files->addItem(QDir::toNativeSeparators(file), file);
    m_files->setAccessibleName(tr("Migration file to commit"));
    m_message->setAccessibleName(tr("Commit message"));
    m_message->setTabChangesFocus(true);
    auto *what = new QLabel(this);
    what->setWordWrap(true);
    auto describeFile = [this, what, describe] { what->setText(describe(file())); };
    connect(m_files, &QComboBox::currentIndexChanged, this, describeFile);
    describeFile();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *commit = buttons->addButton(tr("&Commit"), QDialogButtonBox::AcceptRole);
    connect(m_message, &QPlainTextEdit::textChanged, this,
            [this, commit] { commit->setEnabled(!m_message->toPlainText().trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&File:"), m_files);
    form->addRow(what);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(buttons);
}

QString CommitMigrationDialog::file() const
{
    return m_files->currentData().toString();
}

QString CommitMigrationDialog::message() const
{
    return m_message->toPlainText();
}

} // namespace headway
