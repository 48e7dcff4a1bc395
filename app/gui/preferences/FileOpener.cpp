#include "preferences/FileOpener.h"

#include "config/EditorCommand.h"
#include "config/Preferences.h"

#include <QDesktopServices>
#include <QDir>
#include <QUrl>

namespace headway {

FileOpener::FileOpener(const Preferences *preferences, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
{
}

void FileOpener::open(const QString &path, int line)
{
    const QString command = m_preferences->editorCommand();
    if (!command.isEmpty()) {
        QString error;
        const std::optional<CommandLine> editor = EditorCommand::commandFor(command, path, line, &error);
        if (editor && EditorCommand::startDetached(*editor, &error))
            return;
        // The file still opens: the user asked to see it, the setting is the thing to fix.
        Q_EMIT failed(tr("Cannot open %1 in the editor: %2").arg(QDir::toNativeSeparators(path), error),
                      tr("Check the editor command in Settings ▸ Preferences; the file was handed to the desktop's "
                         "default application instead."));
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace headway
