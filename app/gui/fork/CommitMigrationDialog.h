// Asks for the commit of the migration an upstream merge needed: which file
// (only that one goes in), what git will do with it, and the message, which
// the user can edit. Nothing is committed here; the dialog only asks.
#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QPlainTextEdit;

namespace headway {

class CommitMigrationDialog : public QDialog
{
    Q_OBJECT

public:
    // `files`: absolute paths to choose from, the likeliest first; `describe` says what git will do with one.
    CommitMigrationDialog(const QStringList &files, const QString &message, std::function<QString(const QString &)> describe,
                          QWidget *parent = nullptr);

    QString file() const;
    QString message() const;
    QPlainTextEdit *messageEdit() const { return m_message; }

private:
    QComboBox *m_files;
    QPlainTextEdit *m_message;
};

} // namespace headway
