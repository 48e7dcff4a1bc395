// Opens a migration file (at a line, when one is known) wherever the GUI
// offers it: in the editor command of the Preferences when there is one,
// started detached with an argument list by the core's EditorCommand, else
// with the desktop's default application.
#pragma once

#include <QObject>

namespace headway {

class Preferences;

class FileOpener : public QObject
{
    Q_OBJECT

public:
    explicit FileOpener(const Preferences *preferences, QObject *parent = nullptr);

    // `line` below 1: the file's start.
    void open(const QString &path, int line = 0);

Q_SIGNALS:
    // The editor command could not start; the file went to the desktop's default instead.
    void failed(const QString &message, const QString &hint);

private:
    const Preferences *m_preferences;
};

} // namespace headway
