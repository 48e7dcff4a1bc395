#include "CurrentRevisions.h"

#include <QRegularExpression>

namespace headway {

CurrentRevisions CurrentRevisions::parse(const QString &output, const RevisionGraph &graph)
{
    // "b3a83eea3022 (head)", "1f2e3d (head) (mergepoint)", "abc123 (effective head)".
    static const QRegularExpression line(QStringLiteral(R"(^([0-9A-Za-z_]+)(\s+\(.*\))?\s*$)"));
    CurrentRevisions current;
    for (const QString &text : output.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = line.match(text.trimmed());
        if (!match.hasMatch())
            continue;
        const QString id = match.captured(1);
        if (graph.indexOf(id) >= 0) {
            if (!current.revisions.contains(id))
                current.revisions += id;
        } else if (!match.captured(2).isEmpty()) {
            current.unknown += id;
        }
    }
    return current;
}

} // namespace headway
