// The merge dialog's "Conflicts" section: what collides when the ticked heads
// are merged (ConflictFinder over the operations read after loading, run off
// the GUI thread; a newer request drops an older one's result), collisions
// first, per-migration warnings apart, each place as a link that selects its
// revision in the graph.
#pragma once

#include "conflicts/ConflictReport.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace headway {

struct LoadedRepository;

class MergeConflictsView : public QWidget
{
    Q_OBJECT

public:
    explicit MergeConflictsView(std::shared_ptr<const LoadedRepository> loaded, QWidget *parent = nullptr);

    // Finds what collides between the branches of `heads` (node indices) and shows it.
    void showBetween(const QList<int> &heads);
    // The same repository with its operations, read after the view was made: finds again.
    void setOperations(std::shared_ptr<const LoadedRepository> loaded);

    bool isFinding() const { return m_finding; }
    const ConflictReport &report() const { return m_report; }
    QString text() const; // plain text of what is shown
    QStringList links() const; // every location's link ("revision:<id>"), in order

Q_SIGNALS:
    void revisionActivated(const QString &id); // a location's link was clicked
    void reportShown();                        // the report for the latest heads is on screen

private:
    void showReport(const ConflictReport &report); // not show(): that would hide QWidget::show()
    QString findingHtml(const ConflictFinding &finding) const;
    void setHtml(const QString &html);

    std::shared_ptr<const LoadedRepository> m_loaded;
    QList<int> m_heads; // the latest request
    QLabel *m_label;
    ConflictReport m_report;
    int m_job = 0; // the newest request; older results are dropped
    bool m_finding = false;
};

} // namespace headway
