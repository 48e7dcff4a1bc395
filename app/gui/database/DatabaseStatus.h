// The line under the health banner that says where the project's database
// is: its revisions, how many migrations it lacks ("2 revisions behind"), the
// last backup, and links to refresh, upgrade or restore. The heads are the
// banner's to list; the effective heads (named branches) appear here only when
// they differ from the heads.
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
    QLabel *m_effectiveHeads; // hidden while they are the heads
};

} // namespace headway
