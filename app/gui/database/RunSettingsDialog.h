// Edits how a repository's commands run (RunSettings): the Flask app, an
// interpreter override beside the interpreter Headway found and where, or why
// none works; the database-URL variable, the test command, the timeout and
// the environment variables (SERVER_NAME and CACHE_TYPE by default).
#pragma once

#include "runner/MigrationTool.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace headway {

class RunSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `tool`: the prepared tool, to say which interpreter was found (null while preparing).
    RunSettingsDialog(const RunSettings &settings, const MigrationTool *tool, QWidget *parent = nullptr);

    RunSettings settings() const;

private:
    void setEnvironment(const QMap<QString, QString> &environment);
    void addVariable(const QString &name, const QString &value);
    void choosePython();

    RunSettings m_original;
    QLineEdit *m_flaskApp;
    QLineEdit *m_python;
    QLabel *m_discovered;
    QLineEdit *m_urlVariable;
    QLineEdit *m_testCommand;
    QSpinBox *m_timeout;
    QComboBox *m_testEngine;
    QLineEdit *m_testServer;
    QLineEdit *m_upstreamRef;
    QTableWidget *m_environment;
};

} // namespace headway
