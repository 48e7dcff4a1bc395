#include "GraphStyle.h"

#include <QHash>

namespace headway::graphstyle {

namespace {

// Pens are built once: paint() runs for thousands of items per frame. Cosmetic,
// so lines keep their pixel width at every zoom.
QPen cosmetic(QColor color, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(color, width, style, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

const QColor kSelected(0x1f, 0x23, 0x28);   // near black: distinct from every role and emphasis
const QColor kAccent(0xe3, 0x62, 0x09);     // the path between two selected revisions
const QColor kAncestor(0x82, 0x50, 0xdf);   // violet
const QColor kDescendant(0x0a, 0x7f, 0x8c); // teal
const QColor kHead(0x1f, 0x6f, 0xeb);
const QColor kError(0xc0, 0x20, 0x20);
const QColor kMerge(0x2d, 0xa4, 0x4e);
const QColor kBranch(0xc8, 0x96, 0x1e);
const QColor kNeutral(0x8c, 0x95, 0x9f);
const QColor kEdge(0x6e, 0x77, 0x81);

QColor emphasisColor(Emphasis emphasis)
{
    switch (emphasis) {
    case Emphasis::Ancestor:
        return kAncestor;
    case Emphasis::Descendant:
        return kDescendant;
    case Emphasis::Path:
        return kAccent;
    case Emphasis::Normal:
    case Emphasis::Dimmed:
        break;
    }
    return {};
}

} // namespace

QFont idFont()
{
    QFont font(QStringLiteral("monospace"));
    font.setStyleHint(QFont::TypeWriter);
    font.setPixelSize(12); // pixels, not points: scene units must not depend on the device's DPI
    font.setBold(true);
    return font;
}

QFont messageFont()
{
    QFont font;
    font.setPixelSize(11);
    return font;
}

QFont summaryFont()
{
    QFont font;
    font.setPixelSize(10);
    return font;
}

QFont badgeFont()
{
    QFont font;
    font.setPixelSize(9);
    font.setBold(true);
    return font;
}

QColor fillFor(RevisionRoles roles)
{
    if (isErrorRole(roles))
        return QColor(0xfb, 0xd5, 0xd5);
    if (roles & RevisionRole::Head)
        return QColor(0xd8, 0xec, 0xff);
    if (roles & RevisionRole::MergePoint)
        return QColor(0xdc, 0xf4, 0xe2);
    if (roles & RevisionRole::BranchPoint)
        return QColor(0xff, 0xf1, 0xc7);
    if (roles & RevisionRole::Base)
        return QColor(0xea, 0xec, 0xef);
    return Qt::white;
}

const QPen &borderFor(RevisionRoles roles, Emphasis emphasis, bool selected)
{
    static const QPen selectedPen = cosmetic(kSelected, 3);
    static const QPen pathPen = cosmetic(kAccent, 2.5);
    static const QPen ancestorPen = cosmetic(kAncestor, 2.5);
    static const QPen descendantPen = cosmetic(kDescendant, 2.5);
    static const QPen errorPen = cosmetic(kError, 2);
    static const QPen headPen = cosmetic(kHead, 2);
    static const QPen plainPen = cosmetic(kNeutral, 1);
    if (selected)
        return selectedPen;
    switch (emphasis) {
    case Emphasis::Path:
        return pathPen;
    case Emphasis::Ancestor:
        return ancestorPen;
    case Emphasis::Descendant:
        return descendantPen;
    case Emphasis::Normal:
    case Emphasis::Dimmed:
        break;
    }
    if (isErrorRole(roles))
        return errorPen;
    return roles & RevisionRole::Head ? headPen : plainPen;
}

QColor markerFor(RevisionRoles roles, Emphasis emphasis, bool selected)
{
    if (selected)
        return kSelected;
    if (const QColor color = emphasisColor(emphasis); color.isValid())
        return color;
    if (isErrorRole(roles))
        return kError;
    if (roles & RevisionRole::Head)
        return kHead;
    if (roles & RevisionRole::MergePoint)
        return kMerge;
    if (roles & RevisionRole::BranchPoint)
        return kBranch;
    return kNeutral;
}

QColor textColor()
{
    return QColor(0x1f, 0x23, 0x28);
}

QColor secondaryTextColor()
{
    return QColor(0x57, 0x60, 0x6a);
}

QColor summaryTextColor()
{
    return QColor(0x6e, 0x77, 0x81);
}

const QPen &databaseRingPen()
{
    static const QPen pen = cosmetic(kMerge, 3);
    return pen;
}

QColor ghostFill()
{
    return QColor(0xf6, 0xf8, 0xfa);
}

const QPen &ghostBorder()
{
    static const QPen pen = cosmetic(kNeutral, 1.5, Qt::DashLine);
    return pen;
}

QColor ghostTextColor()
{
    return QColor(0x6e, 0x77, 0x81);
}

const EdgePens &edgePens(LayoutEdge::Kind kind, Emphasis emphasis)
{
    // One pair per (kind, emphasis): highlighted edges are thicker and take the
    // emphasis colour, but keep their kind's line style.
    static const auto table = [] {
        QHash<int, EdgePens> pens;
        for (auto k : {LayoutEdge::Kind::Parent, LayoutEdge::Kind::Dependency, LayoutEdge::Kind::Missing}) {
            for (auto e : {Emphasis::Normal, Emphasis::Ancestor, Emphasis::Descendant, Emphasis::Path,
                           Emphasis::Dimmed}) {
                const Qt::PenStyle style = k == LayoutEdge::Kind::Parent ? Qt::SolidLine : Qt::DashLine;
                QColor color = k == LayoutEdge::Kind::Missing ? kError : kEdge;
                qreal width = 1; // 1 px: the raster engine's fast path for thin lines
                if (const QColor accent = emphasisColor(e); accent.isValid()) {
                    color = accent;
                    width = 2.5;
                }
                pens.insert(int(k) * 8 + int(e), {cosmetic(color, width, style), cosmetic(color, 1)});
            }
        }
        return pens;
    }();
    return *table.constFind(int(kind) * 8 + int(emphasis));
}

QColor badgeFill()
{
    return QColor(0xdd, 0xf4, 0xff);
}

const QPen &badgeBorder()
{
    static const QPen pen = cosmetic(QColor(0x54, 0xae, 0xff), 1);
    return pen;
}

QColor badgeTextColor()
{
    return QColor(0x09, 0x69, 0xda);
}

QColor originColor(Origin origin)
{
    switch (origin) {
    case Origin::Fork: return QColor(0xe8, 0x73, 0x0c);     // orange: the fork's own, what this team owns
    case Origin::Upstream: return QColor(0x2a, 0x6f, 0xdb); // blue: came in with the last upstream merge
    case Origin::Shared: return QColor(0xa0, 0xa4, 0xab);   // grey: both have it, nothing to decide
    case Origin::Uncommitted: return QColor(0x9b, 0x59, 0xb6);
    case Origin::Untracked: return QColor(0xd6, 0x33, 0x6c);
    }
    return {};
}

} // namespace headway::graphstyle
