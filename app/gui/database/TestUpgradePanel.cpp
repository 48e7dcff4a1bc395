#include "database/TestUpgradePanel.h"

#include "repository/Repository.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace headway {

TestUpgradePanel::TestUpgradePanel(MigrationController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_engine(new QLabel(this))
    , m_summary(new QLabel(tr("Test Upgrade runs every migration up, down and up again on a scratch database of the "
                              "project's engine (SQLite, or a throwaway PostgreSQL or MariaDB server), then the "
                              "project's migration tests. Your database is never touched."),
                           this))
    , m_steps(new QTableWidget(0, 3, this))
    , m_output(new QPlainTextEdit(this))
{
    m_engine->setWordWrap(true);
    m_engine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_engine->setToolTip(tr("Where the test upgrade runs: chosen from the project's database URL, or in Run Settings "
                            "(Engine, Server URL)"));
    m_engine->hide();
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("Result"), tr("Time")});
    m_steps->setAccessibleName(tr("Test upgrade steps"));
    m_output->setAccessibleName(tr("Output of the selected step"));
    m_steps->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_steps->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_steps->verticalHeader()->hide();
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setPlaceholderText(tr("Select a step to see its output"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(m_output);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_engine);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_summary, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("revision:")))
            Q_EMIT revisionActivated(link.mid(9));
    });
    connect(m_steps, &QTableWidget::itemSelectionChanged, this, &TestUpgradePanel::showSelectedOutput);
    connect(controller, &MigrationController::testUpgradeStarted, this, &TestUpgradePanel::start);
    connect(controller, &MigrationController::testUpgradeRunsOn, this, [this](const QString &where) {
        m_engine->setText(tr("Engine: %1").arg(where));
        m_engine->show();
    });
    connect(controller, &MigrationController::stepStarted, this,
            [this](MigrationController::Operation operation, int index, const CommandStep &) {
                if (operation == MigrationController::Operation::TestUpgrade)
                    stepStarted(index);
            });
    connect(controller, &MigrationController::stepFinished, this,
            [this](MigrationController::Operation operation, int index, const StepResult &result) {
                if (operation == MigrationController::Operation::TestUpgrade)
                    stepFinished(index, result);
            });
    connect(controller, &MigrationController::testUpgradeFailureLocated, this, &TestUpgradePanel::showFailure);
    connect(controller, &MigrationController::operationFinished, this,
            [this](MigrationController::Operation operation, bool succeeded, const QString &message) {
                if (operation == MigrationController::Operation::TestUpgrade)
                    finish(succeeded, message);
            });
}

QString TestUpgradePanel::engineText() const
{
    return m_engine->text();
}

QString TestUpgradePanel::summaryText() const
{
    return QTextDocumentFragment::fromHtml(m_summary->text()).toPlainText();
}

int TestUpgradePanel::stepCount() const
{
    return m_steps->rowCount();
}

QString TestUpgradePanel::stepTitle(int row) const
{
    return m_steps->item(row, TitleColumn)->text();
}

QString TestUpgradePanel::stepResult(int row) const
{
    return m_steps->item(row, ResultColumn)->text();
}

void TestUpgradePanel::selectStep(int row)
{
    m_steps->selectRow(row);
}

QString TestUpgradePanel::shownOutput() const
{
    return m_output->toPlainText();
}

void TestUpgradePanel::start(const QList<CommandStep> &steps)
{
    m_steps->setRowCount(0);
    m_outputs.clear();
    m_output->clear();
    for (const CommandStep &step : steps) {
        const int row = m_steps->rowCount();
        m_steps->insertRow(row);
        m_steps->setItem(row, TitleColumn, new QTableWidgetItem(step.title));
        m_steps->setItem(row, ResultColumn, new QTableWidgetItem(tr("waiting")));
        m_steps->setItem(row, TimeColumn, new QTableWidgetItem);
        m_steps->item(row, TitleColumn)->setToolTip(step.line.shellText());
        m_outputs.append(QString());
    }
    setSummary(tr("Testing on a scratch database: %1 steps…").arg(steps.size()).toHtmlEscaped(), false);
    Q_EMIT started();
}

void TestUpgradePanel::stepStarted(int index)
{
    if (index < m_steps->rowCount())
        m_steps->item(index, ResultColumn)->setText(tr("running…"));
}

void TestUpgradePanel::stepFinished(int index, const StepResult &result)
{
    if (index >= m_steps->rowCount())
        return;
    m_outputs[index] = result.result.output;
    QString text;
    QColor colour;
    if (result.skipped) {
        text = tr("skipped");
    } else if (result.result.succeeded()) {
        text = tr("passed");
        colour = QColor(0x2e, 0x7d, 0x32);
    } else if (result.result.outcome == CommandResult::Outcome::Cancelled) {
        text = tr("cancelled");
    } else {
        text = result.step.optional ? tr("failed (optional)") : tr("failed");
        colour = QColor(0xc6, 0x28, 0x28);
    }
    QTableWidgetItem *item = m_steps->item(index, ResultColumn);
    item->setText(text);
    if (colour.isValid())
        item->setForeground(colour);
    m_steps->item(index, TimeColumn)->setText(tr("%1 s").arg(double(result.result.elapsedMs) / 1000.0, 0, 'f', 1));
    if (!result.skipped && !result.result.succeeded() && !result.step.optional)
        selectStep(index); // the failure is what the user wants to read
}

void TestUpgradePanel::finish(bool succeeded, const QString &message)
{
    for (int row = 0; row < m_steps->rowCount(); ++row) {
        QTableWidgetItem *item = m_steps->item(row, ResultColumn);
        if (item->text() == tr("waiting") || item->text() == tr("running…"))
            item->setText(tr("skipped"));
    }
    if (succeeded)
        setSummary(message.toHtmlEscaped(), false);
    else if (summaryText().startsWith(tr("Testing on a scratch database")) || m_steps->rowCount() == 0)
        setSummary(message.toHtmlEscaped(), true); // no failure site was found: say what ended it
}

void TestUpgradePanel::showFailure(const FailureSite &site)
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    if (site.summary.isEmpty() || !repository)
        return;
    // Every migration the verdict names becomes a link that selects it.
    QString html = site.summary.toHtmlEscaped();
    QList<int> named = site.creators;
    if (site.failingRevision >= 0)
        named.prepend(site.failingRevision);
    QStringList linked;
    for (int revision : std::as_const(named)) {
        const QString id = repository->graph.node(revision).id;
        if (linked.contains(id))
            continue;
        linked.append(id);
        html.replace(id, QStringLiteral("<a href=\"revision:%1\">%1</a>").arg(id));
    }
    setSummary(QStringLiteral("<b>%1</b>").arg(html), true);
}

void TestUpgradePanel::showSelectedOutput()
{
    const QList<QTableWidgetItem *> selected = m_steps->selectedItems();
    const int row = selected.isEmpty() ? -1 : selected.first()->row();
    m_output->setPlainText(row >= 0 && row < m_outputs.size() ? m_outputs.at(row) : QString());
    m_output->moveCursor(QTextCursor::End); // a failure's error is at the end of its output
}

void TestUpgradePanel::setSummary(const QString &html, bool failed)
{
    m_summary->setText(failed ? QStringLiteral("<span style=\"color:#c62828\">\u2716</span> ") + html : html);
}

} // namespace headway
