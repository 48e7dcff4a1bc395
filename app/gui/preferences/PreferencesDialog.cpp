#include "preferences/PreferencesDialog.h"

#include "config/Preferences.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace headway {

namespace {

// A label that moves focus to `buddy` on its Alt+letter, for rows that hold more than one widget.
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

void describe(QWidget *widget, const QString &name, const QString &tip)
{
    widget->setAccessibleName(name);
    widget->setToolTip(tip);
}

} // namespace

PreferencesDialog::PreferencesDialog(Preferences *preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_editor(new QLineEdit(this))
    , m_environment(new QLineEdit(this))
    , m_environmentError(new QLabel(this))
    , m_python(new QLineEdit(this))
    , m_upstreamRef(new QLineEdit(this))
    , m_engine(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_threshold(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
                                     this))
{
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));
    m_editor->setObjectName(QStringLiteral("editorCommand"));
    m_environment->setObjectName(QStringLiteral("defaultEnvironment"));
    m_python->setObjectName(QStringLiteral("defaultInterpreter"));
    m_upstreamRef->setObjectName(QStringLiteral("defaultUpstreamRef"));
    m_engine->setObjectName(QStringLiteral("defaultEngine"));
    m_direction->setObjectName(QStringLiteral("layoutDirection"));
    m_threshold->setObjectName(QStringLiteral("collapseThreshold"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(editorGroup());
    layout->addWidget(defaultsGroup());
    layout->addWidget(graphGroup());
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    QPushButton *restore = m_buttons->button(QDialogButtonBox::RestoreDefaults);
    restore->setToolTip(tr("Put Headway's built-in values back in every field (stored when you press OK)"));
    restore->setAccessibleName(restore->text().remove(QLatin1Char('&')));
    connect(restore, &QPushButton::clicked, this, &PreferencesDialog::restoreBuiltIns);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_environment, &QLineEdit::textChanged, this, &PreferencesDialog::checkEnvironment);

    showValues(preferences->editorCommand(), preferences->runDefaults(), int(preferences->layoutDirection()),
               preferences->collapseThreshold());
    resize(620, sizeHint().height());
}

QWidget *PreferencesDialog::editorGroup()
{
    auto *group = new QGroupBox(tr("Editor"), this);
    m_editor->setPlaceholderText(tr("empty: the desktop's default application"));
    describe(m_editor, tr("Editor command"),
             tr("The command that opens a migration file: {file} is its path, {line} the line to show. Words are "
                "split as a shell would (double quotes group them), but no shell runs it. Without {file} the file "
                "comes last."));
    auto *examples = new QLabel(tr("For example <tt>code --goto {file}:{line}</tt>, <tt>kate --line {line} {file}</tt> "
                                   "or <tt>gvim +{line} {file}</tt>."),
                                group);
    examples->setWordWrap(true);
    auto *form = new QFormLayout(group);
    form->addRow(tr("Open files &with:"), m_editor);
    form->addRow(QString(), examples);
    return group;
}

QWidget *PreferencesDialog::defaultsGroup()
{
    auto *group = new QGroupBox(tr("Defaults for repositories without Run Settings of their own"), this);
    m_environment->setPlaceholderText(tr("NAME=VALUE words, e.g. SERVER_NAME=localhost CACHE_TYPE=NullCache"));
    describe(m_environment, tr("Default environment variables"),
             tr("Set for every command of a repository that has no Run Settings yet; quote a value that holds "
                "spaces with double quotes"));
    m_environmentError->setObjectName(QStringLiteral("environmentError"));
    m_environmentError->setWordWrap(true);
    m_environmentError->hide();
    m_python->setPlaceholderText(tr("found automatically"));
    describe(m_python, tr("Default interpreter"),
             tr("The Python that runs the project's migrations; empty: the project's .venv, $VIRTUAL_ENV or a "
                "python3 on PATH that has Flask-Migrate or Alembic"));
    auto *browse = new QPushButton(tr("&Browse…"), group);
    describe(browse, tr("Browse for the default interpreter"), tr("Choose the Python interpreter in a file dialog"));
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::choosePython);
    auto *pythonRow = new QHBoxLayout;
    pythonRow->addWidget(m_python, 1);
    pythonRow->addWidget(browse);
    m_upstreamRef->setPlaceholderText(tr("empty: upstream/main, upstream/master, upstream/HEAD, origin/main"));
    describe(m_upstreamRef, tr("Default upstream ref"),
             tr("The ref a fork merges from: origins are measured against it and Preview Merge offers it first"));
    // The keys are --engine's; empty: chosen from the project's database URL.
    m_engine->addItem(tr("Automatic: the project's database URL"), QString());
    m_engine->addItem(tr("SQLite (a scratch file)"), QStringLiteral("sqlite"));
    m_engine->addItem(tr("PostgreSQL (a throwaway server)"), QStringLiteral("postgresql"));
    m_engine->addItem(tr("MariaDB (a throwaway server)"), QStringLiteral("mariadb"));
    describe(m_engine, tr("Default scratch engine"),
             tr("The engine Test Upgrade and Rehearse Merge run on; PostgreSQL and MariaDB servers are started for "
                "the run and stopped after it"));

    auto *form = new QFormLayout(group);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(QString(), m_environmentError);
    form->addRow(buddyLabel(tr("&Interpreter:"), m_python, group), pythonRow);
    form->addRow(tr("&Upstream ref:"), m_upstreamRef);
    form->addRow(tr("Scratch e&ngine:"), m_engine);
    auto *note = new QLabel(tr("A repository whose Run Settings were saved keeps its own values."), group);
    note->setWordWrap(true);
    form->addRow(note);
    return group;
}

QWidget *PreferencesDialog::graphGroup()
{
    auto *group = new QGroupBox(tr("Graph"), this);
    // Indexed like Preferences::LayoutDirection.
    m_direction->addItem(tr("Top down: newest revisions at the top"));
    m_direction->addItem(tr("Left to right: newest revisions on the right"));
    describe(m_direction, tr("Layout direction"), tr("Which way the revision graph grows"));
    m_threshold->setRange(Preferences::minCollapseThreshold, Preferences::maxCollapseThreshold);
    m_threshold->setSuffix(tr(" revisions"));
    describe(m_threshold, tr("Collapse threshold"),
             tr("In a history of more revisions than this, long linear runs are collapsed into one box you can "
                "expand (default %1)")
                 .arg(Preferences::defaultCollapseThreshold));
    auto *form = new QFormLayout(group);
    form->addRow(tr("Layout &direction:"), m_direction);
    form->addRow(tr("Co&llapse runs above:"), m_threshold);
    return group;
}

PreferencesDialog *PreferencesDialog::showFor(Preferences *preferences, QWidget *window)
{
    auto *dialog = window->findChild<PreferencesDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new PreferencesDialog(preferences, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->open();
    dialog->raise();
    return dialog;
}

void PreferencesDialog::showValues(const QString &editor, const RunDefaults &defaults, int direction, int threshold)
{
    m_editor->setText(editor);
    m_environment->setText(RunDefaults::environmentText(defaults.environment));
    m_python->setText(defaults.python);
    m_upstreamRef->setText(defaults.upstreamRef);
    m_engine->setCurrentIndex(std::max(0, m_engine->findData(defaults.testEngine)));
    m_direction->setCurrentIndex(direction);
    m_threshold->setValue(threshold);
}

void PreferencesDialog::restoreBuiltIns()
{
    showValues({}, RunDefaults{}, int(Preferences::LayoutDirection::TopDown), Preferences::defaultCollapseThreshold);
}

void PreferencesDialog::checkEnvironment()
{
    QString error;
    const bool valid = RunDefaults::parseEnvironment(m_environment->text(), &error).has_value();
    m_environmentError->setText(valid ? QString() : tr("Not saved: %1. Write NAME=VALUE, separated by spaces.").arg(error));
    m_environmentError->setVisible(!valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

void PreferencesDialog::apply()
{
    RunDefaults defaults = m_preferences->runDefaults();
    if (const auto environment = RunDefaults::parseEnvironment(m_environment->text()))
        defaults.environment = *environment; // OK is disabled otherwise; apply() keeps the stored presets
    defaults.python = m_python->text().trimmed();
    defaults.upstreamRef = m_upstreamRef->text().trimmed();
    defaults.testEngine = m_engine->currentData().toString();
    m_preferences->setEditorCommand(m_editor->text());
    m_preferences->setRunDefaults(defaults);
    m_preferences->setLayoutDirection(Preferences::LayoutDirection(m_direction->currentIndex()));
    m_preferences->setCollapseThreshold(m_threshold->value());
}

void PreferencesDialog::choosePython()
{
    // open(), not getOpenFileName(): no nested event loop while the dialog is up.
    auto *chooser = new QFileDialog(this, tr("Choose the Python interpreter"), m_python->text());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, m_python, &QLineEdit::setText);
    chooser->open();
}

} // namespace headway
