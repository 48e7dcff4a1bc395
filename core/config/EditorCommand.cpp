#include "config/EditorCommand.h"

#include "runner/InheritedDescriptors.h"

#include <QFileInfo>
#include <QProcess>

#include <algorithm>

namespace headway::EditorCommand {

namespace {

// One pass over the word: a path that itself holds "{line}" stays as it is.
QString expanded(const QString &word, const QString &file, const QString &line, bool *namesFile)
{
    static const QLatin1String fileMark("{file}"), lineMark("{line}");
    QString result;
    for (qsizetype i = 0; i < word.size();) {
        if (QStringView(word).mid(i).startsWith(fileMark)) {
            result += file;
            *namesFile = true;
            i += fileMark.size();
        } else if (QStringView(word).mid(i).startsWith(lineMark)) {
            result += line;
            i += lineMark.size();
        } else {
            result += word.at(i++);
        }
    }
    return result;
}

} // namespace

std::optional<CommandLine> commandFor(const QString &command, const QString &file, int line, QString *error)
{
    QStringList words = QProcess::splitCommand(command);
    if (words.isEmpty()) {
        if (error)
            *error = QStringLiteral("The editor command is empty: give a program, e.g. code --goto {file}:{line}");
        return std::nullopt;
    }
    const QString path = QFileInfo(file).absoluteFilePath();
    const QString lineText = QString::number(std::max(line, 1));
    bool namesFile = false;
    for (QString &word : words)
        word = expanded(word, path, lineText, &namesFile);
    CommandLine result;
    result.program = words.takeFirst();
    result.arguments = words;
    if (!namesFile)
        result.arguments.append(path);
    result.workingDirectory = QFileInfo(path).absolutePath();
    return result;
}

bool startDetached(const CommandLine &line, QString *error)
{
    QProcess process;
    process.setProgram(line.program);
    process.setArguments(line.arguments);
    process.setWorkingDirectory(line.workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setChildProcessModifier(closeInheritedDescriptorsOnExec());
    if (process.startDetached())
        return true;
    if (error)
        *error = QStringLiteral("Cannot start %1: %2").arg(line.program, process.errorString());
    return false;
}

} // namespace headway::EditorCommand
