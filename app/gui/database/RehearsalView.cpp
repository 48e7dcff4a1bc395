#include "database/RehearsalView.h"

#include "report/RevisionName.h"
#include "repository/Repository.h"

#include <QHeaderView>

namespace headway {

namespace {

const QColor kPassed(0x2e, 0x7d, 0x32);
const QColor kFailed(0xc6, 0x28, 0x28);
const QColor kDiffers(0x8a, 0x5a, 0x00);

QString idOf(const Repository &repository, int node)
{
    return node >= 0 && node < repository.graph.size() ? repository.graph.node(node).id : QString();
}

} // namespace

RehearsalView::RehearsalView(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({tr("Path"), tr("Result"), tr("Time"), tr("Failing step")});
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(StepColumn, QHeaderView::Interactive);
    header()->resizeSection(StepColumn, 220);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformRowHeights(true);
    setWordWrap(false);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QStringList ids = item->data(PathColumn, Qt::UserRole).toStringList();
        if (!ids.isEmpty())
            Q_EMIT revisionsActivated(ids);
    });
}

QString RehearsalView::resultText(const RehearsalPathResult &path)
{
    switch (path.outcome) {
    case RehearsalPathResult::Outcome::Passed: return path.schemaDiffers() ? tr("different schema") : tr("passed");
    case RehearsalPathResult::Outcome::Failed: return tr("failed");
    case RehearsalPathResult::Outcome::NotRun: return tr("not run");
    }
    return {};
}

void RehearsalView::showReport(const Repository &repository, const RehearsalReport &report)
{
    clear();
    QTreeWidgetItem *firstFailure = nullptr;
    for (const RehearsalPathResult &path : report.paths) {
        QTreeWidgetItem *row = addPath(repository, path);
        if (!firstFailure && path.outcome == RehearsalPathResult::Outcome::Failed)
            firstFailure = row;
    }
    if (firstFailure) {
        firstFailure->setExpanded(true); // one explanation in sight; the others are alike or a click away
        setCurrentItem(firstFailure);
    }
}

QTreeWidgetItem *RehearsalView::addPath(const Repository &repository, const RehearsalPathResult &path)
{
    auto *row = new QTreeWidgetItem(this);
    row->setText(PathColumn, path.path.title);
    row->setToolTip(PathColumn, path.path.targets.isEmpty()
                                    ? path.path.title
                                    : tr("%1\nUpgrades, in order: %2").arg(path.path.title, path.path.targets.join(QStringLiteral(", "))));
    row->setText(ResultColumn, resultText(path));
    if (path.outcome != RehearsalPathResult::Outcome::NotRun) {
        row->setText(TimeColumn, tr("%1 s").arg(double(path.elapsedMs) / 1000.0, 0, 'f', 1));
        row->setForeground(ResultColumn, path.outcome == RehearsalPathResult::Outcome::Failed ? kFailed
                                         : path.schemaDiffers()                                 ? kDiffers
                                                                                                : kPassed);
    }
    row->setText(StepColumn, path.failingStep);
    if (path.outcome == RehearsalPathResult::Outcome::Failed)
        addFailure(repository, path, row);
    for (const QString &line : path.onlyHere)
        addChild(row, tr("Only on this path: %1").arg(line));
    for (const QString &line : path.missingHere)
        addChild(row, tr("Missing on this path: %1").arg(line));
    if (path.schemaDiffers()) {
        QStringList lines;
        for (int i = 0; i < row->childCount(); ++i)
            lines += row->child(i)->text(PathColumn);
        for (int column = 0; column < columnCount(); ++column)
            row->setToolTip(column, tr("Ends with a different schema than the first path that passed:\n%1")
                                        .arg(lines.join(QLatin1Char('\n'))));
    }
    return row;
}

void RehearsalView::addFailure(const Repository &repository, const RehearsalPathResult &path, QTreeWidgetItem *row)
{
    const FailureSite &site = path.site;
    const QString failing = idOf(repository, site.failingRevision);
    QStringList creators;
    QStringList creatorNames;
    for (int node : site.creators)
        if (const QString id = idOf(repository, node); !id.isEmpty()) {
            creators += id;
            creatorNames += revisionName(repository, node);
        }
    // Activating the row selects the migration to look at: the one that fails, else those behind it.
    row->setData(PathColumn, Qt::UserRole, failing.isEmpty() ? creators : QStringList{failing});
    if (!path.error.isEmpty())
        addChild(row, tr("Error: %1").arg(path.error));
    if (!failing.isEmpty())
        addChild(row, tr("Fails in %1").arg(revisionName(repository, site.failingRevision)), {failing});
    if (!creators.isEmpty())
        addChild(row,
                 site.objectName.isEmpty() ? tr("Involved: %1").arg(creatorNames.join(QStringLiteral(", ")))
                                           : tr("Creating %1: %2").arg(site.objectName, creatorNames.join(QStringLiteral(", "))),
                 creators);
    QStringList tip;
    if (!path.failingStep.isEmpty())
        tip += tr("Failing step: %1").arg(path.failingStep);
    if (!path.error.isEmpty())
        tip += path.error;
    if (!site.summary.isEmpty())
        tip += site.summary;
    for (int column = 0; column < columnCount(); ++column)
        row->setToolTip(column, tip.join(QLatin1Char('\n')));
}

QTreeWidgetItem *RehearsalView::addChild(QTreeWidgetItem *row, const QString &text, const QStringList &selects)
{
    auto *child = new QTreeWidgetItem(row);
    child->setText(PathColumn, text);
    child->setToolTip(PathColumn, text);
    child->setFirstColumnSpanned(true); // a sentence, not a path's columns
    if (!selects.isEmpty()) {
        child->setData(PathColumn, Qt::UserRole, selects);
        child->setToolTip(PathColumn, tr("%1\nActivate to select it in the graph").arg(text));
    }
    return child;
}

QString RehearsalView::pathTitle(int row) const
{
    const QTreeWidgetItem *item = topLevelItem(row);
    return item ? item->text(PathColumn) : QString();
}

QString RehearsalView::pathResult(int row) const
{
    const QTreeWidgetItem *item = topLevelItem(row);
    return item ? item->text(ResultColumn) : QString();
}

QString RehearsalView::pathDetails(int row) const
{
    const QTreeWidgetItem *item = topLevelItem(row);
    return item ? item->toolTip(ResultColumn) : QString();
}

QStringList RehearsalView::revisionsOf(int row) const
{
    const QTreeWidgetItem *item = topLevelItem(row);
    return item ? item->data(PathColumn, Qt::UserRole).toStringList() : QStringList();
}

} // namespace headway
