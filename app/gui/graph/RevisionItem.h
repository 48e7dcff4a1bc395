// One revision as a rounded box: its short id, the first line of its message
// and the one-line summary of its upgrade operations, filled and bordered by
// the roles it plays (head, base, branch or merge point, error) and by how it
// relates to the selection. Selectable; draws less as it gets smaller on screen.
#pragma once

#include "GraphStyle.h"
#include "RevisionRoles.h"

#include <QGraphicsItem>
#include <QStringList>

#include <optional>

namespace headway {

class RevisionItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    // `size` is the box the layout reserved; the item is centred on its pos().
    // `summary` is RepositoryOperations::summaryLine of the revision's file.
    RevisionItem(int revision, const QString &id, const QString &message, const QString &summary,
                 RevisionRoles roles, QSizeF size);

    int type() const override { return Type; }
    int revision() const { return m_revision; }
    const QString &revisionId() const { return m_id; }
    RevisionRoles roles() const { return m_roles; }
    const QString &summary() const { return m_summary; }
    // The operations arrived after the box was drawn (RepositorySession::operationsRead).
    void setSummary(const QString &summary);
    QRectF box() const { return m_box; }
    // The message as drawn zoomed in (twoLineLod): two lines when one would elide it, else none.
    QStringList closeUpMessageLines() const
    {
        wrapMessage();
        return m_wrappedMessage;
    }

    void setEmphasis(graphstyle::Emphasis emphasis);
    graphstyle::Emphasis emphasis() const { return m_emphasis; }

    // The database this repository migrates is at this revision: a green ring.
    void setCurrentDatabaseRevision(bool current);
    bool isCurrentDatabaseRevision() const { return m_databaseRevision; }

    // Where the revision came from, as a stripe at the box's left edge; nullopt: none drawn.
    void setOrigin(std::optional<Origin> origin);
    std::optional<Origin> origin() const { return m_origin; }
    // Left out by a filter (the fork's own only): drawn faint, like an unrelated revision.
    void setFilteredOut(bool filteredOut);
    bool isFilteredOut() const { return m_filteredOut; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void elideText() const;
    void wrapMessage() const;
    void updateOpacity();
    void paintOriginStripe(QPainter *painter) const;

    int m_revision;
    QString m_id; // full id; the box shows its first 12 characters
    QString m_message;
    QString m_summary;
    RevisionRoles m_roles;
    QRectF m_box;
    graphstyle::Emphasis m_emphasis = graphstyle::Emphasis::Normal;
    bool m_databaseRevision = false;
    std::optional<Origin> m_origin;
    bool m_filteredOut = false;
    // Eliding measures text: done on first detailed paint, not for the thousands
    // of boxes that are never seen up close.
    mutable QString m_elidedMessage;
    mutable QString m_elidedSummary;
    mutable bool m_elidedValid = false;
    mutable QStringList m_wrappedMessage; // at most two lines; built on the first close-up paint
    mutable bool m_wrappedValid = false;
};

} // namespace headway
