#include "database/DatabaseStatus.h"

#include "database/MigrationController.h"
#include "report/RevisionName.h"

#include <QFileInfo>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <algorithm>

namespace headway {

DatabaseStatus::DatabaseStatus(MigrationController *controller, QWidget *parent)
    : QFrame(parent)
    , m_controller(controller)
    , m_state(new QLabel(this))
    , m_effectiveHeads(new QLabel(this))
{
    setObjectName(QStringLiteral("databaseStatus"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Database state"));
    for (QLabel *label : {m_state, m_effectiveHeads}) {
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        connect(label, &QLabel::linkActivated, this, &DatabaseStatus::activateLink);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    layout->setSpacing(2);
    layout->addWidget(m_state);
    layout->addWidget(m_effectiveHeads);

    connect(controller, &MigrationController::repositoryChanged, this, &DatabaseStatus::refresh);
    connect(controller, &MigrationController::toolChanged, this, &DatabaseStatus::refresh);
    connect(controller, &MigrationController::databaseRevisionsChanged, this, &DatabaseStatus::refresh);
    connect(controller, &MigrationController::backupMade, this, &DatabaseStatus::refresh);
    connect(controller, &MigrationController::busyChanged, this, &DatabaseStatus::refresh);
    refresh();
}

QString DatabaseStatus::text() const
{
    QStringList lines;
    for (const QLabel *label : {m_state, m_effectiveHeads})
        if (!label->isHidden())
            lines.append(QTextDocumentFragment::fromHtml(label->text()).toPlainText());
    return lines.join(QLatin1Char('\n'));
}

QString DatabaseStatus::revisionLinks(const QList<int> &revisions, const QString &separator) const
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    constexpr int listed = 6; // a column, not a wall: the graph shows the rest
    QStringList links;
    for (int revision : revisions.mid(0, listed))
        links.append(QStringLiteral("<a href=\"revision:%1\">%2</a>")
                         .arg(repository->graph.node(revision).id, revisionName(*repository, revision).toHtmlEscaped()));
    if (revisions.size() > listed)
        links.append(tr("and %1 more").arg(revisions.size() - listed));
    return links.isEmpty() ? tr("none") : links.join(separator);
}

void DatabaseStatus::refresh()
{
    const std::shared_ptr<const Repository> repository = m_controller->repository();
    setVisible(repository != nullptr);
    if (!repository)
        return;
    const QList<int> effective = repository->graph.realHeads();
    QList<int> sortedEffective = effective, sortedHeads = repository->graph.heads();
    std::sort(sortedEffective.begin(), sortedEffective.end());
    std::sort(sortedHeads.begin(), sortedHeads.end());
    m_effectiveHeads->setVisible(sortedEffective != sortedHeads);
    m_effectiveHeads->setText(tr("Effective heads (what <code>upgrade heads</code> reaches): %1")
                                  .arg(revisionLinks(effective, QStringLiteral(", "))));

    QList<int> current;
    for (const QString &id : m_controller->databaseRevisions())
        current.append(repository->graph.indexOf(id));
    current.removeAll(-1);
    const bool known = m_controller->isDatabaseStateKnown();

    QString state;
    if (m_controller->isPreparing()) {
        state = tr("Database: looking for a Python interpreter that can run the project's migrations…");
    } else if (!m_controller->isToolReady()) {
        state = tr("Database: commands cannot run: %1 <a href=\"settings\">Run settings…</a>")
                    .arg(m_controller->toolProblem().toHtmlEscaped());
    } else if (!known) {
        state = m_controller->isBusy() && m_controller->databaseProblem().isEmpty()
                    ? tr("Database: reading its revisions…")
                    : tr("Database: state unknown: %1 <a href=\"refresh\">Refresh</a>")
                          .arg(m_controller->databaseProblem().toHtmlEscaped());
    } else {
        const int behind = m_controller->revisionsBehind();
        const QString at = current.isEmpty() ? tr("base") : revisionLinks(current, QStringLiteral(", "));
        if (behind > 0)
            state = tr("Database: at %1 (%2 behind): the target database is not up to date. "
                       "<a href=\"upgrade\">Upgrade…</a>")
                        .arg(at, behind == 1 ? tr("1 revision") : tr("%1 revisions").arg(behind));
        else
            state = tr("Database: at %1 (up to date).").arg(at);
        if (!m_controller->databaseProblem().isEmpty())
            state += QLatin1Char(' ') + m_controller->databaseProblem().toHtmlEscaped();
        state += QStringLiteral(" <a href=\"refresh\">%1</a>").arg(tr("Refresh"));
    }
    const SqliteBackupCopy backup = m_controller->lastBackup();
    if (backup.made())
        state += tr(" Backup of %1 taken before the last command: <a href=\"restore\">Restore…</a>")
                     .arg(QFileInfo(backup.original).fileName().toHtmlEscaped());
    m_state->setText(state);
}

void DatabaseStatus::activateLink(const QString &link)
{
    if (link == QLatin1String("refresh"))
        Q_EMIT refreshRequested();
    else if (link == QLatin1String("upgrade"))
        Q_EMIT upgradeRequested();
    else if (link == QLatin1String("restore"))
        Q_EMIT restoreRequested();
    else if (link == QLatin1String("settings"))
        Q_EMIT settingsRequested();
    else if (link.startsWith(QLatin1String("revision:")))
        Q_EMIT revisionActivated(link.mid(9));
}

} // namespace headway
