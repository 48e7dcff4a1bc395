// Every code a loaded repository's diagnostics can carry, with a title and
// help: the rules of `check`'s SARIF output and the test cases of its JUnit
// one, so a CI report lists the checks that passed as well as those that
// failed. Codes are stable: CI configurations and scripts name them.
#pragma once

#include <QList>
#include <QString>

namespace headway {

struct DiagnosticCode {
    QString code;
    QString title;
    QString help;
};

const QList<DiagnosticCode> &diagnosticCodes();
const DiagnosticCode *diagnosticCode(const QString &code);

} // namespace headway
