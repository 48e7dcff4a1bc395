// Find in the revision graph: revisions whose id starts with the text or whose
// message contains it, ignoring case, in `alembic history` order (newest
// first). Keeps a cursor over the matches for Find next / Find previous.
// Copies what it searches, so it does not depend on the repository's lifetime.
#pragma once

#include <QList>
#include <QString>

namespace headway {

struct Repository;

class RevisionSearch
{
public:
    RevisionSearch() = default;
    explicit RevisionSearch(const Repository &repository);

    // Every match of `text` (trimmed; empty matches nothing), without moving the cursor.
    QList<int> matchesOf(const QString &text) const;

    // Searches for `text` and puts the cursor on the first match. Returns the match count.
    int find(const QString &text);
    // Moves the cursor to the following / preceding match, wrapping around; returns
    // the revision there, or -1 without matches.
    int next();
    int previous();
    // Puts the cursor on `revision` if it is a match (so Find next continues from a
    // revision the user selected); returns whether it is one.
    bool moveTo(int revision);

    const QString &text() const { return m_text; }
    const QList<int> &matches() const { return m_matches; }
    int current() const { return m_position >= 0 ? m_matches.at(m_position) : -1; }
    int currentPosition() const { return m_position; } // 0-based, -1 without matches

private:
    struct Entry {
        int revision;
        QString id;      // case-folded
        QString message; // case-folded: the message Alembic prints
    };
    QList<Entry> m_entries; // in history order
    QString m_text;
    QList<int> m_matches;
    int m_position = -1;
};

} // namespace headway
