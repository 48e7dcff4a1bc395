// The merge rehearsal's result: one row per path a database can take to the
// merged state (the path, passed / failed / different schema / not run, how
// long it took, the failing step). A failing row's tooltip and children say
// why (the error, the migration that fails, the ones creating the same
// object); a differing row's children list the schema lines it differs by.
// Activating a row selects the migration that fails on it; activating a child
// selects the migrations it names.
#pragma once

#include "plan/MergeRehearsal.h"

#include <QTreeWidget>

namespace headway {

class RehearsalView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { PathColumn, ResultColumn, TimeColumn, StepColumn };

    explicit RehearsalView(QWidget *parent = nullptr);

    // `repository`: the one the rehearsal ran on (the report's node indices are its).
    void showReport(const Repository &repository, const RehearsalReport &report);

    int pathCount() const { return topLevelItemCount(); }
    QString pathTitle(int row) const;
    QString pathResult(int row) const;
    QString pathDetails(int row) const; // the row's tooltip: the error and the migrations behind it
    QStringList revisionsOf(int row) const; // what activating the row selects (full ids)
    static QString resultText(const RehearsalPathResult &path);

Q_SIGNALS:
    void revisionsActivated(const QStringList &ids);

private:
    QTreeWidgetItem *addPath(const Repository &repository, const RehearsalPathResult &path);
    void addFailure(const Repository &repository, const RehearsalPathResult &path, QTreeWidgetItem *row);
    static QTreeWidgetItem *addChild(QTreeWidgetItem *row, const QString &text, const QStringList &selects = {});
};

} // namespace headway
