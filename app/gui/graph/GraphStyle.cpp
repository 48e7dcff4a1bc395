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

bool g_dark = false; // set from the GUI thread only, like every paint

// Each colour as {light, dark}: the dark ones are lighter or calmer, so they
// keep their contrast on a dark background.
struct Shade {
    QColor light, dark;
    QColor operator()() const { return g_dark ? dark : light; }
};

// The selection: near black on light, near white on dark; distinct from every role.
const Shade kSelected{QColor(0x1f, 0x23, 0x28), QColor(0xf0, 0xf3, 0xf6)};
const Shade kAccent{QColor(0xe3, 0x62, 0x09), QColor(0xff, 0x8a, 0x3d)};     // the path between two selected
const Shade kAncestor{QColor(0x82, 0x50, 0xdf), QColor(0xa9, 0x85, 0xff)};   // violet
const Shade kDescendant{QColor(0x0a, 0x7f, 0x8c), QColor(0x3c, 0xc8, 0xd6)}; // teal
const Shade kHead{QColor(0x1f, 0x6f, 0xeb), QColor(0x58, 0xa6, 0xff)};
const Shade kError{QColor(0xc0, 0x20, 0x20), QColor(0xff, 0x6b, 0x6b)};
const Shade kMerge{QColor(0x2d, 0xa4, 0x4e), QColor(0x3f, 0xb9, 0x50)};
const Shade kBranch{QColor(0xc8, 0x96, 0x1e), QColor(0xd2, 0xa8, 0x3c)};
const Shade kNeutral{QColor(0x8c, 0x95, 0x9f), QColor(0x6e, 0x76, 0x81)};
const Shade kEdge{QColor(0x6e, 0x77, 0x81), QColor(0x8b, 0x94, 0x9e)};

// One pen per theme, built once: paint() runs for thousands of items per frame.
struct ThemedPen {
    QPen light, dark;
    ThemedPen(const Shade &shade, qreal width, Qt::PenStyle style = Qt::SolidLine)
        : light(cosmetic(shade.light, width, style))
        , dark(cosmetic(shade.dark, width, style))
    {
    }
    const QPen &operator()() const { return g_dark ? dark : light; }
};

QColor emphasisColor(Emphasis emphasis)
{
    switch (emphasis) {
    case Emphasis::Ancestor:
        return kAncestor();
    case Emphasis::Descendant:
        return kDescendant();
    case Emphasis::Path:
        return kAccent();
    case Emphasis::Normal:
    case Emphasis::Dimmed:
        break;
    }
    return {};
}

} // namespace

void setDarkTheme(bool dark)
{
    g_dark = dark;
}

bool isDarkTheme()
{
    return g_dark;
}

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

QFont twoLineMessageFont()
{
    QFont font;
    font.setPixelSize(8);
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
    static const Shade error{QColor(0xfb, 0xd5, 0xd5), QColor(0x4a, 0x1c, 0x1f)};
    static const Shade head{QColor(0xd8, 0xec, 0xff), QColor(0x12, 0x2d, 0x4f)};
    static const Shade merge{QColor(0xdc, 0xf4, 0xe2), QColor(0x14, 0x3a, 0x22)};
    static const Shade branch{QColor(0xff, 0xf1, 0xc7), QColor(0x3f, 0x33, 0x12)};
    static const Shade base{QColor(0xea, 0xec, 0xef), QColor(0x2d, 0x33, 0x3b)};
    static const Shade plain{QColor(Qt::white), QColor(0x22, 0x27, 0x2e)};
    if (isErrorRole(roles))
        return error();
    if (roles & RevisionRole::Head)
        return head();
    if (roles & RevisionRole::MergePoint)
        return merge();
    if (roles & RevisionRole::BranchPoint)
        return branch();
    if (roles & RevisionRole::Base)
        return base();
    return plain();
}

const QPen &borderFor(RevisionRoles roles, Emphasis emphasis, bool selected)
{
    static const ThemedPen selectedPen(kSelected, 3);
    static const ThemedPen pathPen(kAccent, 2.5);
    static const ThemedPen ancestorPen(kAncestor, 2.5);
    static const ThemedPen descendantPen(kDescendant, 2.5);
    static const ThemedPen errorPen(kError, 2);
    static const ThemedPen headPen(kHead, 2);
    static const ThemedPen plainPen(kNeutral, 1);
    if (selected)
        return selectedPen();
    switch (emphasis) {
    case Emphasis::Path:
        return pathPen();
    case Emphasis::Ancestor:
        return ancestorPen();
    case Emphasis::Descendant:
        return descendantPen();
    case Emphasis::Normal:
    case Emphasis::Dimmed:
        break;
    }
    if (isErrorRole(roles))
        return errorPen();
    return roles & RevisionRole::Head ? headPen() : plainPen();
}

QColor markerFor(RevisionRoles roles, Emphasis emphasis, bool selected)
{
    if (selected)
        return kSelected();
    if (const QColor color = emphasisColor(emphasis); color.isValid())
        return color;
    if (isErrorRole(roles))
        return kError();
    if (roles & RevisionRole::Head)
        return kHead();
    if (roles & RevisionRole::MergePoint)
        return kMerge();
    if (roles & RevisionRole::BranchPoint)
        return kBranch();
    return kNeutral();
}

QColor textColor()
{
    return Shade{QColor(0x1f, 0x23, 0x28), QColor(0xe6, 0xed, 0xf3)}();
}

QColor secondaryTextColor()
{
    return Shade{QColor(0x57, 0x60, 0x6a), QColor(0xb1, 0xba, 0xc4)}();
}

QColor summaryTextColor()
{
    return Shade{QColor(0x6e, 0x77, 0x81), QColor(0x8b, 0x94, 0x9e)}();
}

const QPen &databaseRingPen()
{
    static const ThemedPen pen(kMerge, 3);
    return pen();
}

QColor ghostFill()
{
    return Shade{QColor(0xf6, 0xf8, 0xfa), QColor(0x1c, 0x21, 0x28)}();
}

const QPen &ghostBorder()
{
    static const ThemedPen pen(kNeutral, 1.5, Qt::DashLine);
    return pen();
}

QColor ghostTextColor()
{
    return Shade{QColor(0x6e, 0x77, 0x81), QColor(0x8b, 0x94, 0x9e)}();
}

QColor collapsedFill()
{
    return Shade{QColor(0xf0, 0xf2, 0xf5), QColor(0x2a, 0x30, 0x37)}();
}

const QPen &collapsedBorder(Emphasis emphasis)
{
    static const ThemedPen plain(kNeutral, 1.2);
    static const ThemedPen ancestor(kAncestor, 2.5);
    static const ThemedPen descendant(kDescendant, 2.5);
    static const ThemedPen path(kAccent, 2.5);
    switch (emphasis) {
    case Emphasis::Ancestor: return ancestor();
    case Emphasis::Descendant: return descendant();
    case Emphasis::Path: return path();
    case Emphasis::Normal:
    case Emphasis::Dimmed: break;
    }
    return plain();
}

QColor collapsedMarker(Emphasis emphasis)
{
    const QColor color = emphasisColor(emphasis);
    return color.isValid() ? color : kNeutral();
}

const EdgePens &edgePens(LayoutEdge::Kind kind, Emphasis emphasis)
{
    // One pair per (kind, emphasis): highlighted edges are thicker and take the
    // emphasis colour, but keep their kind's line style.
    static const auto build = [] {
        QHash<int, EdgePens> pens;
        for (auto k : {LayoutEdge::Kind::Parent, LayoutEdge::Kind::Dependency, LayoutEdge::Kind::Missing}) {
            for (auto e : {Emphasis::Normal, Emphasis::Ancestor, Emphasis::Descendant, Emphasis::Path,
                           Emphasis::Dimmed}) {
                const Qt::PenStyle style = k == LayoutEdge::Kind::Parent ? Qt::SolidLine : Qt::DashLine;
                QColor color = k == LayoutEdge::Kind::Missing ? kError() : kEdge();
                qreal width = 1; // 1 px: the raster engine's fast path for thin lines
                if (const QColor accent = emphasisColor(e); accent.isValid()) {
                    color = accent;
                    width = 2.5;
                }
                pens.insert(int(k) * 8 + int(e), {cosmetic(color, width, style), cosmetic(color, 1)});
            }
        }
        return pens;
    };
    // Built the first time each theme is asked for: the colours read g_dark.
    static QHash<int, EdgePens> tables[2];
    QHash<int, EdgePens> &table = tables[g_dark ? 1 : 0];
    if (table.isEmpty())
        table = build();
    return *table.constFind(int(kind) * 8 + int(emphasis));
}

QColor badgeFill()
{
    return Shade{QColor(0xdd, 0xf4, 0xff), QColor(0x12, 0x2d, 0x4f)}();
}

const QPen &badgeBorder()
{
    static const ThemedPen pen(Shade{QColor(0x54, 0xae, 0xff), QColor(0x38, 0x8b, 0xfd)}, 1);
    return pen();
}

QColor badgeTextColor()
{
    return Shade{QColor(0x09, 0x69, 0xda), QColor(0x79, 0xc0, 0xff)}();
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
