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
    // A throwaway database server started by Headway as root runs as this account (-1: as Headway).
    int userId = -1;
    int groupId = -1;
    // The child gets SIGTERM when Headway dies, even killed: servers and the test-upgrade driver.
    bool endsWithHeadway = false;

    // For "copy as shell command": POSIX-quoted so that pasting it runs the same thing,
    // except that a password in a URL (a --server URL, DATABASE_URL) is shown as ***.
    QString shellText() const;
};

QString shellQuote(const QString &text);
// Any text as the user may see it: a URL's password between ':' and '@' becomes ***.
QString hidePassword(QString text);

} // namespace headway
