// The strip under the health banner that says where the project's database
// is: its revisions beside the heads and the effective heads, how many
// migrations it lacks ("Target database is not up to date: 2 revisions
// behind"), the last backup, and links to refresh, upgrade or restore.
#pragma once

#include <QFrame>

class QLabel;

namespace headway {

class MigrationController;

class DatabaseStatus : public QFrame
{
    Q_OBJECT

public:
    explicit DatabaseStatus(MigrationController *controller, QWidget *parent = nullptr);

    QString text() const; // everything shown, as plain text

Q_SIGNALS:
    void refreshRequested();
    void upgradeRequested();
    void restoreRequested();
    void settingsRequested();
    void revisionActivated(const QString &id);

private:
    void refresh(); // not update(): that would hide QWidget::update()
    QString revisionLinks(const QList<int> &revisions, const QString &separator = QStringLiteral("<br>")) const;
    void activateLink(const QString &link);

    MigrationController *m_controller;
    QLabel *m_state;
    QLabel *m_heads;
    QLabel *m_effectiveHeads;
    QLabel *m_database;
};

} // namespace headway
