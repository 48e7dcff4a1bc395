// Every finding code the conflict report can carry, with its title and help:
// the rules of the SARIF output and the test cases of the JUnit one. Codes are
// stable: `# headway: ignore[CODE]` comments and CI configurations name them.
#pragma once

#include <QList>
#include <QString>

namespace headway {

struct FindingCode {
    QString code;
    QString title;
    QString help;
    bool collision = true; // between branches; false for per-migration warnings
};

const QList<FindingCode> &findingCodes();
const FindingCode *findingCode(const QString &code);

} // namespace headway
