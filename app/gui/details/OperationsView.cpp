#include "details/OperationsView.h"

#include "operations/MigrationOperation.h"

#include <QHeaderView>

namespace headway {

namespace {

using Kind = MigrationOperation::Kind;

bool isOpaque(const MigrationOperation &operation)
{
    return operation.kind == Kind::Execute || operation.kind == Kind::NotAnalysed;
}

// What the Operation column says: the summary, or for opaque calls what they
// are and the source as written, since there is no summary to give.
QString rowText(const MigrationOperation &operation)
{
    if (operation.kind == Kind::Execute)
        return OperationsView::tr("raw SQL: %1").arg(operation.text);
    if (operation.kind == Kind::NotAnalysed)
        return OperationsView::tr("not analysed: %1").arg(operation.text);
    return operation.summary();
}

QString lineText(const MigrationOperation &operation)
{
    if (operation.line <= 0)
        return {};
    if (operation.endLine > operation.line)
        return QStringLiteral("%1–%2").arg(operation.line).arg(operation.endLine);
    return QString::number(operation.line);
}

QString qualified(const QString &schema, const QString &table)
{
    return schema.isEmpty() ? table : schema + QLatin1Char('.') + table;
}

QString columnHtml(const ColumnSpec &column)
{
    QStringList flags;
    if (column.index)
        flags += QStringLiteral("index");
    if (column.unique)
        flags += QStringLiteral("unique");
    if (!column.foreignKey.isEmpty())
        flags += QStringLiteral("→ ") + column.foreignKey;
    QString text = column.name + QLatin1Char(' ') + column.type;
    if (!flags.isEmpty())
        text += QStringLiteral(" (") + flags.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text.toHtmlEscaped();
}

QString constraintHtml(const InlineConstraint &constraint)
{
    QString text = constraint.kind;
    if (!constraint.name.isEmpty())
        text += QLatin1Char(' ') + constraint.name;
    if (!constraint.columns.isEmpty())
        text += QStringLiteral(" (") + constraint.columns.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text.toHtmlEscaped();
}

// A row's colour says "Headway cannot tell you what this does"; amber, not red:
// raw SQL is normal, only unknown.
const QColor kOpaqueText(0x9a, 0x67, 0x00);

} // namespace

OperationsView::OperationsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("operationsView"));
    setAccessibleName(tr("Migration operations"));
    setColumnCount(3);
    setHeaderLabels({tr("Operation"), tr("Kind"), tr("Line")});
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(SummaryColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(LineColumn, QHeaderView::ResizeToContents);
    setUniformRowHeights(true);
    setTextElideMode(Qt::ElideRight); // the tooltip has the whole text
    setAllColumnsShowFocus(true);
    // Double click, or Enter, depending on the platform's convention.
    connect(this, &QTreeWidget::itemActivated, this, &OperationsView::activate);
}

void OperationsView::showOperations(const MigrationOperations &operations)
{
    clear();
    m_upgrade = addSection(tr("Upgrade"), operations.upgrade, operations.hasUpgrade, QStringLiteral("upgrade"));
    m_downgrade = addSection(tr("Downgrade"), operations.downgrade, operations.hasDowngrade,
                             QStringLiteral("downgrade"));
    expandAll();
}

void OperationsView::showPlaceholder(const QString &text)
{
    clear();
    m_upgrade = m_downgrade = nullptr;
    auto *item = new QTreeWidgetItem(this, {text});
    item->setFlags(Qt::ItemIsEnabled);
    item->setFirstColumnSpanned(true);
    item->setForeground(SummaryColumn, palette().color(QPalette::PlaceholderText));
}

QTreeWidgetItem *OperationsView::addSection(const QString &title, const QList<MigrationOperation> &operations,
                                            bool defined, const QString &function)
{
    const int count = int(operations.size());
    auto *section = new QTreeWidgetItem(
        this, {QStringLiteral("%1 (%2)").arg(title, count == 1 ? tr("1 operation") : tr("%1 operations").arg(count))});
    section->setFlags(Qt::ItemIsEnabled);
    section->setFirstColumnSpanned(true);
    QFont bold = font();
    bold.setBold(true);
    section->setFont(SummaryColumn, bold);

    if (operations.isEmpty()) {
        // Say which: an empty body and a missing function mean different things to a reviewer.
        auto *note = new QTreeWidgetItem(section, {defined ? tr("nothing: %1() performs no operations").arg(function)
                                                           : tr("the file defines no %1()").arg(function)});
        note->setFlags(Qt::ItemIsEnabled);
        note->setFirstColumnSpanned(true);
        note->setForeground(SummaryColumn, palette().color(QPalette::PlaceholderText));
    }
    for (const MigrationOperation &operation : operations) {
        auto *row = new QTreeWidgetItem(section, {rowText(operation), operationKindName(operation.kind),
                                                  lineText(operation)});
        row->setData(SummaryColumn, LineRole, operation.line);
        row->setData(SummaryColumn, OpaqueRole, isOpaque(operation));
        row->setTextAlignment(LineColumn, Qt::AlignRight | Qt::AlignVCenter);
        const QString details = detailsHtml(operation);
        for (int column = 0; column < columnCount(); ++column)
            row->setToolTip(column, details);
        if (isOpaque(operation)) {
            QFont italic = font();
            italic.setItalic(true);
            for (int column = 0; column < columnCount(); ++column) {
                row->setFont(column, italic);
                row->setForeground(column, kOpaqueText);
            }
        }
    }
    return section;
}

void OperationsView::activate(QTreeWidgetItem *item)
{
    const int line = item ? item->data(SummaryColumn, LineRole).toInt() : 0;
    if (line > 0)
        Q_EMIT lineActivated(line);
}

QString OperationsView::detailsHtml(const MigrationOperation &operation)
{
    QStringList lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines += QStringLiteral("%1: %2").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString title = QStringLiteral("<b>%1</b>").arg(operationKindName(operation.kind).toHtmlEscaped());
    if (operation.batch)
        title += QStringLiteral(" ") + tr("(in batch_alter_table)").toHtmlEscaped();
    lines += title;
    if (operation.kind == Kind::Execute)
        lines += tr("Raw SQL: Headway does not read what it changes.").toHtmlEscaped();
    else if (operation.kind == Kind::NotAnalysed)
        lines += tr("Not analysed: Headway could not read what this statement does.").toHtmlEscaped();
    add(tr("Table"), operation.table.isEmpty() ? QString() : qualified(operation.schema, operation.table));
    add(tr("Name"), operation.name);
    add(tr("New name"), operation.newName);
    add(tr("Refers to"), operation.referredTable);
    add(tr("Constraint type"), operation.constraintType);
    add(tr("Columns"), operation.columns.join(QStringLiteral(", ")));
    add(tr("Changes"), operation.changes.join(QStringLiteral(", ")));
    if (!operation.tableColumns.isEmpty()) {
        QStringList columns;
        for (const ColumnSpec &column : operation.tableColumns)
            columns += QStringLiteral("&nbsp;&nbsp;") + columnHtml(column);
        lines += tr("Defines:").toHtmlEscaped() + QStringLiteral("<br/>") + columns.join(QStringLiteral("<br/>"));
    }
    if (!operation.inlineConstraints.isEmpty()) {
        QStringList constraints;
        for (const InlineConstraint &constraint : operation.inlineConstraints)
            constraints += QStringLiteral("&nbsp;&nbsp;") + constraintHtml(constraint);
        lines += tr("Constraints:").toHtmlEscaped() + QStringLiteral("<br/>")
            + constraints.join(QStringLiteral("<br/>"));
    }
    if (!operation.text.isEmpty())
        lines += QStringLiteral("<code>%1</code>").arg(operation.text.toHtmlEscaped());
    add(tr("Ignored checks"), operation.ignored.join(QStringLiteral(", ")));
    if (operation.line > 0)
        lines += QStringLiteral("<small>%1</small>").arg(tr("Line %1").arg(lineText(operation)).toHtmlEscaped());
    return lines.join(QStringLiteral("<br/>"));
}

} // namespace headway
