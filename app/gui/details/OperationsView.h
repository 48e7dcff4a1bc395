// The details panel's Operations tab: what the selected revision's upgrade()
// and downgrade() do, as read statically, one row per call under an Upgrade and
// a Downgrade heading (summary, kind, line; the details in a tooltip). Raw SQL
// and calls Headway could not read are marked as such and show their text:
// nothing there is guessed. Activating a row asks for its line in the source.
#pragma once

#include <QTreeWidget>

namespace headway {

struct MigrationOperation;
struct MigrationOperations;

class OperationsView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { SummaryColumn, KindColumn, LineColumn };
    // Per row, under Qt::UserRole: the call's first line (0 for headings and notes).
    static constexpr int LineRole = Qt::UserRole;
    // Per row: true for raw SQL and calls that were not analysed.
    static constexpr int OpaqueRole = Qt::UserRole + 1;

    explicit OperationsView(QWidget *parent = nullptr);

    void showOperations(const MigrationOperations &operations);
    // No single revision to show (none or several selected): one line saying so.
    void showPlaceholder(const QString &text);

    // The heading items, for tests and for keyboard users: null while a placeholder shows.
    QTreeWidgetItem *upgradeItem() const { return m_upgrade; }
    QTreeWidgetItem *downgradeItem() const { return m_downgrade; }

    // The rich-text tooltip of one operation's row: every object it names.
    static QString detailsHtml(const MigrationOperation &operation);

Q_SIGNALS:
    // A row was activated (double click, Enter): show `line` (1-based) of the source.
    void lineActivated(int line);

private:
    QTreeWidgetItem *addSection(const QString &title, const QList<MigrationOperation> &operations,
                                bool defined, const QString &function);
    void activate(QTreeWidgetItem *item);

    QTreeWidgetItem *m_upgrade = nullptr;
    QTreeWidgetItem *m_downgrade = nullptr;
};

} // namespace headway
