#include "GraphScene.h"

#include "BranchLabelBadge.h"
#include "CollapsedRunItem.h"
#include "EdgeItem.h"
#include "GhostItem.h"
#include "RevisionItem.h"
#include "RevisionRoles.h"
#include "report/RevisionName.h"

#include <QGraphicsSceneHelpEvent>
#include <QGraphicsView>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace headway {

using graphstyle::Emphasis;

namespace {

constexpr qreal kSceneMargin = 48; // room to scroll the outermost boxes off the edge
constexpr qsizetype kMostOperationsInToolTip = 30;

// "<br/>Upgrade: +user, +ix ix_user_email (user.email)": the operations the box
// has room for only a few of (up to kMostOperationsInToolTip per function).
QString operationsToolTip(const MigrationOperations &operations)
{
    const auto line = [](const QString &title, const QList<MigrationOperation> &list) {
        QStringList summaries;
        for (const MigrationOperation &operation : list)
            summaries += operation.summary();
        return QStringLiteral("<br/>%1: %2").arg(title, joinedNames(summaries, kMostOperationsInToolTip).toHtmlEscaped());
    };
    QString text;
    if (!operations.upgrade.isEmpty())
        text += line(GraphScene::tr("Upgrade"), operations.upgrade);
    if (!operations.downgrade.isEmpty())
        text += line(GraphScene::tr("Downgrade"), operations.downgrade);
    return text;
}

} // namespace

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // Items never move once built, so a BSP tree pays off: the view asks "what is
    // exposed" every frame, and at 1:1 a frame shows a few dozen of 10,000 boxes.
    // NoIndex would scan every item per frame (bench_paint measures both).
    setItemIndexMethod(BspTreeIndex);
}

GraphScene::~GraphScene() = default;

void GraphScene::clearGraph()
{
    clear();
    m_revisionItems.clear();
    m_revisionItemCount = 0;
    m_ghosts.clear();
    m_runs.clear();
    m_runOf.clear();
    m_edges.clear();
    m_navigation.reset(); // before the repository it refers into
    m_loaded.reset();
    setSceneRect(QRectF());
}

void GraphScene::setGraph(std::shared_ptr<const LoadedRepository> loaded)
{
    clearGraph();
    if (!loaded || !loaded->repository)
        return;
    m_loaded = std::move(loaded);
    m_navigation.emplace(m_loaded->repository->graph);
    m_revisionItems = QList<RevisionItem *>(m_loaded->repository->graph.size(), nullptr);
    if (m_loaded->layoutFitsInput())
        buildItems();
    // Qt picks a depth of about log2(items), so a long edge is filed into thousands of
    // leaves: building the tree for 70,000 items took half a second on the first paint.
    // A few dozen items per leaf answer "what is exposed" as fast and build in 40 ms.
    const qsizetype itemCount = m_loaded->input.nodes.size() + m_loaded->input.edges.size();
    setBspTreeDepth(std::clamp(int(std::log2(double(std::max<qsizetype>(itemCount, 1)))) - 5, 4, 12));
    setDatabaseRevisions(m_databaseRevisions);
    applyOrigins();
    // Explicit, so the scene never recomputes its extent from thousands of items.
    const GraphLayout &layout = m_loaded->layout;
    const QRectF bounds = layout.boundingRect.isValid() ? layout.boundingRect : itemsBoundingRect();
    setSceneRect(bounds.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
}

void GraphScene::setOperations(std::shared_ptr<const LoadedRepository> loaded)
{
    if (!m_loaded || !loaded || loaded->repository != m_loaded->repository
        || loaded->layout.nodes.constData() != m_loaded->layout.nodes.constData())
        return; // another repository or layout is shown by now
    m_loaded = std::move(loaded);
    for (RevisionItem *item : std::as_const(m_revisionItems))
        if (item)
            item->setSummary(m_loaded->operations.summaryOfNode(*m_loaded->repository, item->revision()));
}

const Repository &GraphScene::repository() const
{
    static const Repository none;
    return m_loaded ? *m_loaded->repository : none;
}

void GraphScene::buildItems()
{
    const Repository &repository = *m_loaded->repository;
    const LayoutInput &input = m_loaded->input;
    const GraphLayout &layout = m_loaded->layout;
    const RevisionGraph &graph = repository.graph;
    const QList<RevisionRoles> roles = revisionRoles(graph);
    QList<GhostItem *> ghostAt(input.nodes.size(), nullptr);
    QList<CollapsedRunItem *> runAt(input.nodes.size(), nullptr);
    QList<bool> drawn(input.nodes.size(), false);

    for (qsizetype i = 0; i < input.nodes.size(); ++i) {
        const LayoutNode &node = input.nodes.at(i);
        const NodeGeometry &geometry = layout.nodes.at(i);
        if (node.isCollapsedRun()) {
            const bool valid = std::all_of(node.collapsed.cbegin(), node.collapsed.cend(),
                                           [&](int member) { return member >= 0 && member < graph.size(); });
            if (!valid)
                continue;
            auto *run = new CollapsedRunItem(node.collapsed, graph.node(node.collapsed.first()).id,
                                             graph.node(node.collapsed.last()).id, geometry.size);
            run->setPos(geometry.center);
            addItem(run);
            m_runs.append(run);
            for (int member : node.collapsed)
                m_runOf.insert(member, run);
            runAt[i] = run;
            drawn[i] = true;
            continue;
        }
        if (node.ghost) {
            auto *ghost = new GhostItem(node.id, geometry.size);
            ghost->setPos(geometry.center);
            addItem(ghost);
            m_ghosts.append(ghost);
            ghostAt[i] = ghost;
            drawn[i] = true;
            continue;
        }
        if (node.revision < 0 || node.revision >= graph.size())
            continue;
        const RevisionNode &revision = graph.node(node.revision);
        auto *item = new RevisionItem(node.revision, revision.id, repository.fileOf(node.revision).doc,
                                      m_loaded->operations.summaryOfNode(repository, node.revision),
                                      roles.at(node.revision), geometry.size);
        item->setPos(geometry.center);
        if (m_itemCaching)
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        // Only the labels a revision declares: propagated labels would repeat on
        // every box of a branch.
        QList<BranchLabelBadge *> badges;
        for (const QString &label : revision.ownBranchLabels)
            badges.append(new BranchLabelBadge(displayedId(label), item));
        BranchLabelBadge::arrange(badges, item->box());
        addItem(item);
        m_revisionItems[node.revision] = item;
        ++m_revisionItemCount;
        drawn[i] = true;
    }

    for (qsizetype k = 0; k < input.edges.size(); ++k) {
        const LayoutEdge &edge = input.edges.at(k);
        if (edge.from < 0 || edge.to < 0 || edge.from >= drawn.size() || edge.to >= drawn.size()
            || !drawn.at(edge.from) || !drawn.at(edge.to))
            continue;
        GhostItem *ghost = ghostAt.at(edge.from);
        CollapsedRunItem *fromRun = runAt.at(edge.from);
        CollapsedRunItem *toRun = runAt.at(edge.to);
        const int from = input.nodes.at(edge.from).revision;
        const int to = input.nodes.at(edge.to).revision;
        if ((to < 0 && !toRun) || (from < 0 && !ghost && !fromRun))
            continue; // edges end at revisions or runs and start at revisions, ghosts or runs
        auto *item = new EdgeItem(layout.edges.at(k), layout.nodes.at(edge.from).rect(),
                                  layout.nodes.at(edge.to).rect(), input.options.arrowLength);
        addItem(item);
        if (ghost && to >= 0)
            ghost->addChild(to);
        m_edges.append({item, from, to, ghost, fromRun, toRun});
    }
}

QList<int> GraphScene::headRevisions() const
{
    QList<int> heads;
    if (!hasGraph())
        return heads;
    for (int revision : repository().graph.historyOrder())
        if (const RevisionItem *item = revisionItem(revision); item && (item->roles() & RevisionRole::Head))
            heads.append(revision);
    return heads;
}

QList<int> GraphScene::selectedRevisions() const
{
    QList<int> revisions;
    for (const QGraphicsItem *item : selectedItems())
        if (const auto *revision = qgraphicsitem_cast<const RevisionItem *>(item))
            revisions.append(revision->revision());
    if (hasGraph())
        std::sort(revisions.begin(), revisions.end(),
                  [this](int a, int b) { return m_navigation->rank(a) < m_navigation->rank(b); });
    return revisions;
}

void GraphScene::emphasize(const QList<int> &selection)
{
    enum Mark : char { Selected = 1, Ancestor = 2, Descendant = 4, OnPath = 8 };
    const int size = repository().graph.size();
    QList<char> marks(size, 0);
    QList<int> positionOnPath(size, -1);
    bool pathMode = false;
    const bool any = hasGraph() && !selection.isEmpty();
    if (any) {
        for (int revision : selection)
            if (revision >= 0 && revision < size)
                marks[revision] |= Selected;
        const QList<int> path = selection.size() == 2 ? m_navigation->path(selection[0], selection[1]) : QList<int>();
        pathMode = path.size() >= 2;
        for (int i = 0; i < path.size(); ++i) {
            marks[path[i]] |= OnPath;
            positionOnPath[path[i]] = i;
        }
        // Unrelated pairs and other selections: the lineage of every selected revision.
        if (!pathMode) {
            for (int revision : selection) {
                for (int ancestor : m_navigation->ancestors(revision))
                    marks[ancestor] |= Ancestor;
                for (int descendant : m_navigation->descendants(revision))
                    marks[descendant] |= Descendant;
            }
        }
    }

    const auto emphasisOf = [&](char mark) {
        if (!any || (mark & Selected))
            return Emphasis::Normal;
        if (pathMode)
            return mark & OnPath ? Emphasis::Path : Emphasis::Dimmed;
        return mark & Ancestor ? Emphasis::Ancestor : mark & Descendant ? Emphasis::Descendant : Emphasis::Dimmed;
    };
    for (RevisionItem *item : std::as_const(m_revisionItems))
        if (item)
            item->setEmphasis(emphasisOf(marks.at(item->revision())));

    // A run is marked as its members are: they all lie on one line of descent.
    QHash<const CollapsedRunItem *, char> runMarks;
    for (CollapsedRunItem *run : std::as_const(m_runs)) {
        char mark = 0;
        for (int member : run->members())
            mark |= marks.at(member);
        runMarks.insert(run, mark);
        run->setEmphasis(emphasisOf(char(mark & ~Selected)));
    }

    // A ghost belongs to the lineage of the revisions that name it.
    for (GhostItem *ghost : std::as_const(m_ghosts)) {
        Emphasis emphasis = any ? Emphasis::Dimmed : Emphasis::Normal;
        if (any && !pathMode)
            for (int child : ghost->children())
                if (marks.at(child) & (Selected | Ancestor))
                    emphasis = Emphasis::Ancestor;
        ghost->setEmphasis(emphasis);
    }

    // An edge is emphasized when it runs along the path, or inside the lineage.
    const auto edgeEmphasisOf = [&](const Edge &edge) {
        if (!any)
            return Emphasis::Normal;
        const char to = edge.toRun ? runMarks.value(edge.toRun) : marks.at(edge.to);
        const char from = edge.ghost     ? (edge.ghost->emphasis() == Emphasis::Ancestor ? char(Ancestor) : char(0))
                          : edge.fromRun ? runMarks.value(edge.fromRun)
                                         : marks.at(edge.from);
        // Next to each other on the path; a run's members are consecutive on it.
        const bool adjacent = edge.from < 0 || edge.to < 0
            || qAbs(positionOnPath.at(edge.from) - positionOnPath.at(edge.to)) == 1;
        if (pathMode)
            return edge.item->kind() == LayoutEdge::Kind::Parent && (from & OnPath) && (to & OnPath) && adjacent
                ? Emphasis::Path
                : Emphasis::Dimmed;
        if ((from & Ancestor) && (to & (Ancestor | Selected)))
            return Emphasis::Ancestor;
        if ((to & Descendant) && (from & (Descendant | Selected)))
            return Emphasis::Descendant;
        return Emphasis::Dimmed;
    };
    for (const Edge &edge : std::as_const(m_edges))
        edge.item->setEmphasis(edgeEmphasisOf(edge));
}

int GraphScene::edgeCount(Emphasis emphasis) const
{
    return int(std::count_if(m_edges.cbegin(), m_edges.cend(),
                             [emphasis](const Edge &edge) { return edge.item->emphasis() == emphasis; }));
}

void GraphScene::setOrigins(std::shared_ptr<const OriginReport> origins)
{
    m_origins = std::move(origins);
    m_originById.clear();
    if (m_origins)
        for (qsizetype i = 0; i < m_origins->revisions.size(); ++i)
            m_originById.insert(m_origins->revisions.at(i).revision, int(i));
    applyOrigins();
}

const RevisionOrigin *GraphScene::originOf(int revision) const
{
    if (!m_origins || !m_loaded || revision < 0 || revision >= m_loaded->repository->graph.size())
        return nullptr;
    const auto it = m_originById.constFind(m_loaded->repository->graph.node(revision).id);
    return it == m_originById.cend() ? nullptr : &m_origins->revisions.at(*it);
}

void GraphScene::setOriginsShown(bool shown)
{
    m_originsShown = shown;
    applyOrigins();
}

void GraphScene::setOnlyForkOwn(bool only)
{
    m_onlyForkOwn = only;
    applyOrigins();
}

void GraphScene::applyOrigins()
{
    for (RevisionItem *item : std::as_const(m_revisionItems)) {
        if (!item)
            continue;
        const RevisionOrigin *origin = originOf(item->revision());
        item->setOrigin(origin && m_originsShown ? std::optional<Origin>(origin->origin) : std::nullopt);
        // The fork's own: what it wrote, committed or not.
        const bool own = origin && origin->origin != Origin::Upstream && origin->origin != Origin::Shared;
        item->setFilteredOut(m_onlyForkOwn && origin && !own);
    }
}

void GraphScene::setDatabaseRevisions(const QStringList &ids)
{
    m_databaseRevisions = ids;
    for (RevisionItem *item : std::as_const(m_revisionItems))
        if (item)
            item->setCurrentDatabaseRevision(ids.contains(item->revisionId()));
}

void GraphScene::setItemCaching(bool enabled)
{
    if (enabled == m_itemCaching)
        return;
    m_itemCaching = enabled;
    for (RevisionItem *item : std::as_const(m_revisionItems))
        if (item)
            item->setCacheMode(enabled ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void GraphScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    // Tooltips are built when asked for: 10,000 prepared strings would slow every load.
    QString text;
    const QTransform transform = views().isEmpty() ? QTransform() : views().first()->transform();
    for (const QGraphicsItem *item : items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder, transform)) {
        text = toolTipFor(item->type() == BranchLabelBadge::Type ? item->parentItem() : item);
        if (!text.isEmpty())
            break;
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->accept();
}

QString GraphScene::toolTipFor(const QGraphicsItem *item) const
{
    if (const auto *ghost = qgraphicsitem_cast<const GhostItem *>(item)) {
        QStringList children;
        for (int child : ghost->children())
            children += repository().graph.node(child).id.left(12);
        return tr("<b>%1</b> &mdash; missing<br/>No migration file declares this revision; "
                  "%2 name%3 it as down_revision.")
            .arg(ghost->revisionId().toHtmlEscaped(), children.join(QStringLiteral(", ")).toHtmlEscaped(),
                 children.size() == 1 ? QStringLiteral("s") : QString());
    }
    if (const auto *run = qgraphicsitem_cast<const CollapsedRunItem *>(item))
        return tr("<b>%1</b><br/>A linear run from %2 to %3, collapsed to keep the history readable.<br/>"
                  "Click to expand it; Find and the arrow keys expand it too.")
            .arg(run->label().toHtmlEscaped(), run->oldestId().left(12).toHtmlEscaped(),
                 run->newestId().left(12).toHtmlEscaped());
    const auto *revision = qgraphicsitem_cast<const RevisionItem *>(item);
    if (!revision)
        return {};
    const Repository &repository = this->repository();
    const RevisionNode &node = repository.graph.node(revision->revision());
    const MigrationFile &file = repository.fileOf(revision->revision());
    QString text = QStringLiteral("<b>%1</b>").arg(displayedId(node.id).toHtmlEscaped());
    if (const QStringList roles = roleNames(revision->roles()); !roles.isEmpty())
        text += QStringLiteral(" &mdash; ") + roles.join(QStringLiteral(", ")).toHtmlEscaped();
    if (!file.doc.isEmpty())
        text += QStringLiteral("<br/>") + displayedText(file.doc, 2000).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
    if (!node.branchLabels.isEmpty())
        text += QStringLiteral("<br/>") + tr("Branch labels: %1").arg(displayedText(node.branchLabels.join(QStringLiteral(", ")), 2000).toHtmlEscaped());
    text += operationsToolTip(m_loaded->operationsOf(revision->revision()));
    if (revision->isCurrentDatabaseRevision())
        text += QStringLiteral("<br/>") + tr("The database is at this revision.");
    if (const RevisionOrigin *origin = originOf(revision->revision()))
        text += QStringLiteral("<br/>") + tr("Origin: %1%2").arg(originName(origin->origin),
                                                             origin->added.commit.isEmpty() ? QString()
                                                                 : tr(", added in %1 by %2").arg(origin->added.commit.left(10), origin->added.author.toHtmlEscaped()));
    text += QStringLiteral("<br/><small>%1</small>").arg(repository.relativePath(file.path).toHtmlEscaped());
    return text;
}

} // namespace headway
