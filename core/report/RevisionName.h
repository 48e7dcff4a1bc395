// How Headway names a revision to people, in the banner, dialogs, plans, the
// CLI and diagnostics alike: its id, or "id (message)" with the message's
// whitespace simplified and long messages cut short with an ellipsis.
//
// Includes nothing but QString, so the revision graph can name its heads while
// it is being built, before there is a Repository.
#pragma once

#include <QString>
#include <QStringList>

namespace headway {

struct Repository;

QString revisionName(const Repository &repository, int revision);
// The same from the parts: `message` is the migration's docstring (its first paragraph).
QString revisionName(const QString &id, const QString &message);

// An id as shown to people: ids far longer than any real one (a hostile file's
// megabyte string) are cut short, saying how long they are. Commands and JSON
// keep the full id.
QString displayedId(const QString &id);
// Any value as shown to people (a message, a label, a line), cut after `most` characters.
QString displayedText(const QString &text, qsizetype most);

// "a, b, c" — or, past `most` names, the first ones and "… and 9980 more": ten
// thousand heads must not make a message (or the banner) megabytes long.
QString joinedNames(const QStringList &names, qsizetype most = 20);

// The older name, for callers not yet switched to revisionName().
inline QString shortRevisionName(const Repository &repository, int revision)
{
    return revisionName(repository, revision);
}

} // namespace headway
