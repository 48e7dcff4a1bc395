#include "database/RunSettingsDialog.h"

#include "runner/RunDefaults.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace headway {

RunSettingsDialog::RunSettingsDialog(const RunSettings &settings, const MigrationTool *tool, QWidget *parent)
    : QDialog(parent)
    , m_original(settings)
    , m_flaskApp(new QLineEdit(settings.flaskApp, this))
    , m_python(new QLineEdit(settings.python, this))
    , m_discovered(new QLabel(this))
    , m_urlVariable(new QLineEdit(settings.databaseUrlVariable, this))
    , m_testCommand(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_testEngine(new QComboBox(this))
    , m_testServer(new QLineEdit(settings.testServer, this))
    , m_upstreamRef(new QLineEdit(settings.upstreamRef, this))
    , m_environment(new QTableWidget(0, 2, this))
{
    setWindowTitle(tr("Run Settings"));
    m_flaskApp->setPlaceholderText(tr("from .flaskenv, .env, wsgi.py or app.py"));
    m_python->setPlaceholderText(tr("found automatically"));
    m_urlVariable->setToolTip(tr("The environment variable that hands a database URL to the app (a scratch database "
                                 "for the test upgrade)"));
    QStringList quoted;
    for (const QString &argument : settings.testCommand)
        quoted.append(shellQuote(argument));
    m_testCommand->setText(quoted.join(QLatin1Char(' ')));
    m_testCommand->setPlaceholderText(tr("python arguments; default: -m pytest on tests/test_migration*.py"));
    // The same rule as --timeout (RunSettings): whole seconds, at most 24 hours.
    m_timeout->setRange(RunSettings::minTimeoutSeconds, RunSettings::maxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.timeoutSeconds);
    m_timeout->setToolTip(tr("A command that runs longer is stopped (terminated, then killed): %1 to %2 seconds")
                              .arg(RunSettings::minTimeoutSeconds)
                              .arg(RunSettings::maxTimeoutSeconds));

    // The keys are --engine's; empty: chosen from the project's database URL.
    m_testEngine->addItem(tr("Automatic: the project's database URL"), QString());
    m_testEngine->addItem(tr("SQLite (a scratch file)"), QStringLiteral("sqlite"));
    m_testEngine->addItem(tr("PostgreSQL (a throwaway server)"), QStringLiteral("postgresql"));
    m_testEngine->addItem(tr("MariaDB (a throwaway server)"), QStringLiteral("mariadb"));
    m_testEngine->setCurrentIndex(std::max(0, m_testEngine->findData(settings.testEngine)));
    m_testEngine->setToolTip(tr("The engine Test Upgrade runs on. PostgreSQL and MariaDB servers are started from the "
                                "installed packages for the run and stopped after it."));
    m_testServer->setPlaceholderText(tr("empty: a throwaway server"));
    m_upstreamRef->setPlaceholderText(tr("empty: upstream/main, upstream/master, upstream/HEAD, the other remote, origin/main"));
    m_upstreamRef->setToolTip(tr("The ref the fork merges from: origins (fork, upstream, shared) are measured against it, "
                                 "and Preview Merge offers it first."));
    m_testServer->setToolTip(tr("An existing PostgreSQL or MariaDB server (postgresql://user:password@host/postgres): Test "
                                "Upgrade creates headway_scratch_<random> there, runs on it and drops it, and touches no "
                                "other database. The URL is stored in Headway's settings file; its password is never shown."));

    m_discovered->setWordWrap(true);
    m_discovered->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!tool)
        m_discovered->setText(tr("Looking for an interpreter…"));
    else if (!tool->python().isEmpty() && tool->ready())
        m_discovered->setText(tr("In use: %1 (%2)").arg(tool->python(), tool->pythonOrigin()));
    else
        m_discovered->setText(tr("No interpreter works: %1").arg(tool->problem()));

    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *pythonRow = new QHBoxLayout;
    pythonRow->addWidget(m_python, 1);
    pythonRow->addWidget(browse);

    m_environment->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_environment->setAccessibleName(tr("Environment presets"));
    m_environment->horizontalHeader()->setStretchLastSection(true);
    m_environment->verticalHeader()->hide();
    setEnvironment(settings.environment);
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *defaults = new QPushButton(tr("Restore Defaults"), this);
    auto *environmentButtons = new QHBoxLayout;
    environmentButtons->addWidget(add);
    environmentButtons->addWidget(remove);
    environmentButtons->addWidget(defaults);
    environmentButtons->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Flask app:"), m_flaskApp);
    auto *interpreterLabel = new QLabel(tr("&Interpreter:"), this);
    interpreterLabel->setBuddy(m_python); // a row of widgets gets no buddy by itself
    form->addRow(interpreterLabel, pythonRow);
    form->addRow(QString(), m_discovered);
    form->addRow(tr("&Database URL variable:"), m_urlVariable);
    form->addRow(tr("&Test command:"), m_testCommand);
    form->addRow(tr("Time &limit per command:"), m_timeout);
    form->addRow(tr("Test upgrade &engine:"), m_testEngine);
    form->addRow(tr("Test upgrade &server URL:"), m_testServer);
    form->addRow(tr("&Upstream ref:"), m_upstreamRef);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Environment variables set for every command:"), this));
    layout->addWidget(m_environment, 1);
    layout->addLayout(environmentButtons);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &RunSettingsDialog::choosePython);
    connect(add, &QPushButton::clicked, this, [this] {
        addVariable({}, {});
        m_environment->editItem(m_environment->item(m_environment->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_environment->currentRow() >= 0)
            m_environment->removeRow(m_environment->currentRow());
    });
    // The presets of Preferences, which start as SERVER_NAME and CACHE_TYPE.
    connect(defaults, &QPushButton::clicked, this, [this] { setEnvironment(RunDefaultsStore::load().environment); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 520);
}

RunSettings RunSettingsDialog::settings() const
{
    RunSettings settings = m_original;
    settings.flaskApp = m_flaskApp->text().trimmed();
    settings.python = m_python->text().trimmed();
    settings.databaseUrlVariable = m_urlVariable->text().trimmed();
    settings.testCommand = QProcess::splitCommand(m_testCommand->text());
    settings.timeoutSeconds = m_timeout->value();
    settings.testEngine = m_testEngine->currentData().toString();
    settings.testServer = m_testServer->text().trimmed();
    settings.upstreamRef = m_upstreamRef->text().trimmed();
    settings.environment.clear();
    for (int row = 0; row < m_environment->rowCount(); ++row) {
        const QTableWidgetItem *name = m_environment->item(row, 0);
        const QTableWidgetItem *value = m_environment->item(row, 1);
        if (name && !name->text().trimmed().isEmpty())
            settings.environment.insert(name->text().trimmed(), value ? value->text() : QString());
    }
    return settings;
}

void RunSettingsDialog::setEnvironment(const QMap<QString, QString> &environment)
{
    m_environment->setRowCount(0);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        addVariable(it.key(), it.value());
}

void RunSettingsDialog::addVariable(const QString &name, const QString &value)
{
    const int row = m_environment->rowCount();
    m_environment->insertRow(row);
    m_environment->setItem(row, 0, new QTableWidgetItem(name));
    m_environment->setItem(row, 1, new QTableWidgetItem(value));
}

void RunSettingsDialog::choosePython()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the Python interpreter"), m_python->text());
    if (!path.isEmpty())
        m_python->setText(path);
}

} // namespace headway
