// The output formats shared by the commands that report for CI (conflicts,
// check): one option text, one check of the name, one way to print the CI ones.
#include "CliContext.h"

namespace headway::cli {

namespace {

const QStringList formats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("github"),
                          QStringLiteral("junit"), QStringLiteral("sarif")};

} // namespace

QList<QCommandLineOption> reportFormatOptions()
{
    return {QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON (the same as --format json).")),
            QCommandLineOption(QStringLiteral("format"), QStringLiteral("text, json, github, junit or sarif."),
                               QStringLiteral("format"), QStringLiteral("text"))};
}

std::optional<QString> reportFormat(Context &c)
{
    const QString format = c.parser.isSet(QStringLiteral("json")) ? QStringLiteral("json") : c.parser.value(QStringLiteral("format"));
    if (!formats.contains(format)) {
        c.err << "headway-cli: --format must be one of " << formats.join(QStringLiteral(", ")) << '\n';
        return std::nullopt;
    }
    return format;
}

bool printCiReport(Context &c, const QString &format, const QString &suite, const QList<CiRule> &rules,
                   const QList<CiAnnotation> &annotations)
{
    if (format == QLatin1String("github"))
        c.out << CiAnnotations::github(annotations);
    else if (format == QLatin1String("junit"))
        c.out << CiAnnotations::junit(suite, rules, annotations);
    else if (format == QLatin1String("sarif"))
        c.out << CiAnnotations::sarif(QStringLiteral(HEADWAY_VERSION), rules, annotations);
    else
        return false;
    return true;
}

} // namespace headway::cli
