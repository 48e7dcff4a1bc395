// Edits the Preferences: the editor command that opens migration files, the
// defaults a repository without Run Settings of its own starts from
// (environment presets, interpreter, upstream ref, scratch engine), and the
// graph's layout direction and collapse threshold. OK stores them through
// Preferences; this dialog keeps no settings of its own.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace headway {

class Preferences;
struct RunDefaults;

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Preferences *preferences, QWidget *parent = nullptr);

    // Shows the window's one Preferences dialog (window-modal, without a nested event loop).
    static PreferencesDialog *showFor(Preferences *preferences, QWidget *window);

    // Writes the fields into the Preferences (what OK does).
    void apply();

private:
    QWidget *editorGroup();
    QWidget *defaultsGroup();
    QWidget *graphGroup();
    void showValues(const QString &editor, const RunDefaults &defaults, int direction, int threshold);
    void restoreBuiltIns();
    void checkEnvironment();
    void choosePython();

    Preferences *m_preferences;
    QLineEdit *m_editor;
    QLineEdit *m_environment;
    QLabel *m_environmentError;
    QLineEdit *m_python;
    QLineEdit *m_upstreamRef;
    QComboBox *m_engine;
    QComboBox *m_direction;
    QSpinBox *m_threshold;
    QDialogButtonBox *m_buttons;
};

} // namespace headway
