#include "CheckFormats.h"

#include "diagnostics/DiagnosticCodes.h"

#include <algorithm>

namespace headway {

namespace CheckFormats {

namespace {

const QString multipleHeads = QStringLiteral("multiple-heads");

// A hostile history may have thousands of heads; the message names only the first ones too.
constexpr qsizetype mostLocatedHeads = 20;

CiLocation located(const Repository &repository, const QString &path, int line)
{
    return {repository.relativePath(path), line};
}

// Where a problem without a file of its own is shown: alembic.ini, else the
// versions directory, else the path that was checked.
CiLocation repositoryLocation(const Repository &repository)
{
    const RepositoryLayout &layout = repository.layout;
    const QString path = !layout.iniPath.isEmpty()                ? layout.iniPath
                         : !layout.versionDirectories.isEmpty() ? layout.versionDirectories.first()
                                                                : layout.argument;
    return located(repository, path, 0);
}

// Each head's `revision = ...` line: where a merge, or a reviewer, starts.
QList<CiLocation> headLocations(const Repository &repository)
{
    QList<CiLocation> locations;
    for (int head : repository.graph.heads().mid(0, mostLocatedHeads)) {
        const MigrationFile &file = repository.fileOf(head);
        locations += located(repository, file.path, file.revision.line);
    }
    return locations;
}

CiAnnotation annotation(const Repository &repository, const Diagnostic &d)
{
    const DiagnosticCode *known = diagnosticCode(d.code);
    CiAnnotation annotation{d.code, severityName(d.severity), known ? known->title : d.code, d.message, d.hint, {}};
    // The heads' problems are the heads' files', not the repository's as a whole.
    if (d.code == multipleHeads || d.code == QLatin1String("named-branches"))
        annotation.locations = headLocations(repository);
    else if (!d.path.isEmpty())
        annotation.locations = {located(repository, d.path, d.line)};
    if (annotation.locations.isEmpty())
        annotation.locations = {repositoryLocation(repository)};
    if (d.code == multipleHeads)
        annotation.fix += QStringLiteral(" With Headway: `headway-cli merge [HEADS...] -m \"<describe what is merged>\"`, "
                                         "or Merge Heads… in the app.");
    return annotation;
}

} // namespace

QList<CiAnnotation> annotations(const Repository &repository, const HealthVerdict &verdict)
{
    const bool severalHeads = verdict.status == HealthVerdict::Status::MultipleHeads;
    QList<CiAnnotation> list;
    bool verdictShown = false;
    for (const Diagnostic &d : repository.diagnostics) {
        CiAnnotation one = annotation(repository, d);
        if (severalHeads && d.code == multipleHeads) {
            // The verdict itself: it fails the check, so it is an error whatever the load called it.
            one.severity = QStringLiteral("error");
            verdictShown = true;
        }
        list += one;
    }
    if (severalHeads && !verdictShown) {
        const Diagnostic verdictDiagnostic = Diagnostic::error(
            multipleHeads, verdict.summary, {}, 0,
            QStringLiteral("Create a merge migration for the heads, then commit the new file."));
        list += annotation(repository, verdictDiagnostic);
    }
    return list;
}

QList<CiRule> rules(const QList<CiAnnotation> &annotations)
{
    QList<CiRule> list;
    for (const DiagnosticCode &code : diagnosticCodes())
        list += CiRule{code.code, code.title, code.help};
    // A code the list lacks still gets a rule: SARIF results and JUnit cases name one.
    for (const CiAnnotation &annotation : annotations)
        if (std::none_of(list.cbegin(), list.cend(), [&](const CiRule &rule) { return rule.code == annotation.code; }))
            list += CiRule{annotation.code, annotation.title,
                           QStringLiteral("Found while reading the migrations; the message says what is wrong and the fix.")};
    return list;
}

} // namespace CheckFormats

} // namespace headway
