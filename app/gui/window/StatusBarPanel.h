// The permanent part of the status bar: how many revisions and heads the
// shown repository has, which revision the database is at, and the command
// that is running, with its progress and a Cancel button. Reads the session
// and the MigrationController; the window only installs it.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;

namespace headway {

struct LoadedRepository;
class MigrationController;
class ProgressIndicator;
class RepositorySession;

class StatusBarPanel : public QWidget
{
    Q_OBJECT

public:
    StatusBarPanel(RepositorySession *session, MigrationController *controller, QWidget *parent = nullptr);

    QString summaryText() const;  // "5 revisions · 2 heads"
    QString databaseText() const; // "Database: 3f2a1b0c9d8e", "Database: base", ...
    ProgressIndicator *commandIndicator() const { return m_command; }

private:
    void showRepository(const std::shared_ptr<const LoadedRepository> &loaded);
    void showDatabase();
    void showCommandStarted(const QString &title);

    MigrationController *m_controller;
    QLabel *m_summary;
    QLabel *m_database;
    ProgressIndicator *m_command;
    int m_steps = 0; // of the running command, when it said how many
};

} // namespace headway
