#include "RevisionItem.h"

#include "report/RevisionName.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextLayout>

namespace headway {

using namespace graphstyle;

namespace {

// A name read from a file may hold a newline; the box has one line for the summary.
// (Not simplified(): the summary separates operations by two spaces.)
QString oneLine(QString text)
{
    for (QChar &c : text)
        if (c.unicode() < 0x20)
            c = QLatin1Char(' ');
    return text;
}

// Without splitting the whole message: a hundred thousand items are made at once.
QStringView firstLine(const QString &message)
{
    const QStringView head = QStringView(message).left(4096);
    const qsizetype end = head.indexOf(QLatin1Char('\n'));
    return end < 0 ? head : head.left(end);
}

} // namespace

RevisionItem::RevisionItem(int revision, const QString &id, const QString &message, const QString &summary,
                           RevisionRoles roles, QSizeF size)
    : m_revision(revision)
    , m_id(displayedId(id))
    , m_message(displayedText(firstLine(message).trimmed().toString(), 200))
    , m_summary(oneLine(summary))
    , m_roles(roles)
    , m_box(-size.width() / 2, -size.height() / 2, size.width(), size.height())
{
    setFlag(ItemIsSelectable);
    setZValue(1); // above the edges that end under its border
}

void RevisionItem::setSummary(const QString &summary)
{
    QString line = oneLine(summary);
    if (line == m_summary)
        return;
    m_summary = std::move(line);
    m_elidedValid = false;
    update();
}

void RevisionItem::setEmphasis(Emphasis emphasis)
{
    if (emphasis == m_emphasis)
        return;
    m_emphasis = emphasis;
    updateOpacity();
    update();
}

void RevisionItem::setOrigin(std::optional<Origin> origin)
{
    if (origin == m_origin)
        return;
    m_origin = origin;
    update();
}

void RevisionItem::setFilteredOut(bool filteredOut)
{
    if (filteredOut == m_filteredOut)
        return;
    m_filteredOut = filteredOut;
    updateOpacity();
}

void RevisionItem::updateOpacity()
{
    setOpacity(m_emphasis == Emphasis::Dimmed || m_filteredOut ? dimmedOpacity : 1.0);
}

void RevisionItem::setCurrentDatabaseRevision(bool current)
{
    if (current == m_databaseRevision)
        return;
    m_databaseRevision = current;
    update(); // the ring's margin is always part of boundingRect: no geometry change
}

QRectF RevisionItem::boundingRect() const
{
    // The ring, plus half the widest pen at 1:1 (cosmetic pens are thinner than that
    // in scene units when zoomed in; when zoomed out Qt's 2-pixel exposure margin
    // covers them).
    const qreal margin = ringMargin + 2;
    return m_box.adjusted(-margin, -margin, margin, margin);
}

QPainterPath RevisionItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(m_box, cornerRadius, cornerRadius);
    return path;
}

void RevisionItem::elideText() const
{
    if (m_elidedValid)
        return;
    const qreal width = m_box.width() - 2 * textPadding;
    m_elidedMessage = QFontMetricsF(messageFont()).elidedText(m_message, Qt::ElideRight, width);
    m_elidedSummary = QFontMetricsF(summaryFont()).elidedText(m_summary, Qt::ElideRight, width);
    m_elidedValid = true;
}

void RevisionItem::wrapMessage() const
{
    if (m_wrappedValid)
        return;
    m_wrappedValid = true;
    m_wrappedMessage.clear();
    const qreal width = m_box.width() - 2 * textPadding;
    if (QFontMetricsF(messageFont()).horizontalAdvance(m_message) <= width)
        return; // fits on its line: nothing to wrap
    QTextLayout layout(m_message, twoLineMessageFont());
    layout.beginLayout();
    QTextLine first = layout.createLine();
    if (!first.isValid()) {
        layout.endLayout();
        return;
    }
    first.setLineWidth(width);
    layout.endLayout();
    const QString head = m_message.left(first.textLength()).trimmed();
    const QString rest = m_message.mid(first.textLength()).trimmed();
    m_wrappedMessage = {head, QFontMetricsF(twoLineMessageFont()).elidedText(rest, Qt::ElideRight, width)};
}

void RevisionItem::paintOriginStripe(QPainter *painter) const
{
    if (!m_origin)
        return;
    // Inside the border, clear of the rounded corners.
    painter->fillRect(QRectF(m_box.left() + 1, m_box.top() + cornerRadius, originStripeWidth, m_box.height() - 2 * cornerRadius),
                      originColor(*m_origin));
}

void RevisionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    // The view sets DontSavePainterState: every branch sets the pen and brush it uses.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = option->state & QStyle::State_Selected;
    // Antialiasing a box a few pixels small costs most of a zoomed-out frame and shows nothing.
    painter->setRenderHint(QPainter::Antialiasing, lod >= outlineLod);
    if (lod < outlineLod) {
        painter->fillRect(m_box, markerFor(m_roles, m_emphasis, selected));
        return;
    }

    if (m_databaseRevision) {
        painter->setPen(databaseRingPen());
        painter->setBrush(Qt::NoBrush);
        const qreal r = cornerRadius + ringMargin / 2;
        painter->drawRoundedRect(m_box.adjusted(-ringMargin, -ringMargin, ringMargin, ringMargin), r, r);
    }
    painter->setPen(borderFor(m_roles, m_emphasis, selected));
    painter->setBrush(fillFor(m_roles));
    if (lod < fullDetailLod) {
        painter->drawRect(m_box);
        paintOriginStripe(painter);
        return;
    }
    painter->drawRoundedRect(m_box, cornerRadius, cornerRadius);
    paintOriginStripe(painter);

    // Three rows; the id's is a little taller, for its bigger bold font.
    elideText();
    const QRectF text = m_box.adjusted(textPadding, 4, -textPadding, -4);
    const qreal row = text.height() / 3;
    const QRectF idLine(text.left(), text.top(), text.width(), row + 2);
    const QRectF messageLine(text.left(), idLine.bottom(), text.width(), row - 1);
    const QRectF summaryLine(text.left(), messageLine.bottom(), text.width(), row - 1);
    painter->setPen(textColor());
    painter->setFont(idFont());
    painter->drawText(idLine, Qt::AlignLeft | Qt::AlignVCenter, m_id.left(12));
    painter->setPen(secondaryTextColor());
    if (lod >= twoLineLod)
        wrapMessage();
    if (lod >= twoLineLod && !m_wrappedMessage.isEmpty()) {
        // Close up: two lines of a smaller font in the message's row and a little of
        // the summary's, the summary below in the same small size.
        painter->setFont(twoLineMessageFont());
        const qreal line = QFontMetricsF(twoLineMessageFont()).height();
        for (int i = 0; i < m_wrappedMessage.size(); ++i)
            painter->drawText(QRectF(text.left(), idLine.bottom() + i * line, text.width(), line),
                              Qt::AlignLeft | Qt::AlignVCenter, m_wrappedMessage.at(i));
        if (!m_summary.isEmpty()) {
            painter->setPen(summaryTextColor());
            const QRectF below(text.left(), idLine.bottom() + 2 * line, text.width(), text.bottom() - idLine.bottom() - 2 * line);
            painter->drawText(below, Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetricsF(twoLineMessageFont()).elidedText(m_summary, Qt::ElideRight, text.width()));
            painter->setPen(secondaryTextColor());
        }
    } else {
        painter->setFont(messageFont());
        painter->drawText(messageLine, Qt::AlignLeft | Qt::AlignVCenter, m_elidedMessage);
    }
    if (!m_elidedSummary.isEmpty() && (lod < twoLineLod || m_wrappedMessage.isEmpty())) {
        painter->setPen(summaryTextColor());
        painter->setFont(summaryFont());
        painter->drawText(summaryLine, Qt::AlignLeft | Qt::AlignVCenter, m_elidedSummary);
        painter->setPen(secondaryTextColor()); // the "py" mark below keeps the message's colour
    }
    if (m_roles & RevisionRole::ResolvedByPython) {
        // Not read from the file's text: say so where the eye already is.
        painter->setFont(messageFont());
        painter->drawText(idLine, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("py"));
    }
}

} // namespace headway
