// Findings in the formats CI systems read: GitHub Actions workflow commands,
// a JUnit XML report and SARIF 2.1.0 for code scanning. Generic over what is
// reported (conflicts today; check and preview-merge share it).
#pragma once

#include <QList>
#include <QString>

namespace headway {

struct CiLocation {
    QString path; // relative to the repository
    int line = 0; // 0: the whole file
};

struct CiAnnotation {
    QString code;
    QString severity; // "error", "warning" or "note"
    QString title;
    QString message;
    QString fix;
    QList<CiLocation> locations; // the first is where it is shown
};

struct CiRule {
    QString code;
    QString title;
    QString help;
};

namespace CiAnnotations {

// One `::error file=…,line=…,title=…::message` line per annotation, escaped as GitHub requires.
QString github(const QList<CiAnnotation> &annotations);
// One test case per rule: a failure lists every error-level annotation of that rule.
QString junit(const QString &suite, const QList<CiRule> &rules, const QList<CiAnnotation> &annotations);
// A SARIF 2.1.0 log with one run: the rules, then each annotation as a result.
QString sarif(const QString &toolVersion, const QList<CiRule> &rules, const QList<CiAnnotation> &annotations);

} // namespace CiAnnotations

} // namespace headway
