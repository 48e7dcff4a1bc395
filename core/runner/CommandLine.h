// A command exactly as Headway will start it: program, argument list (never a
// shell string), working directory and the environment variables it sets.
#pragma once

#include <QMap>
#include <QStringList>

namespace headway {

struct CommandLine {
    QString program;
    QStringList arguments;
    QString workingDirectory;
    QMap<QString, QString> environment; // set on top of the inherited environment

    // For "copy as shell command": POSIX-quoted so that pasting it runs the same thing.
    QString shellText() const;
};

QString shellQuote(const QString &text);

} // namespace headway
