// Reads back what `headway-cli ... --format github|junit|sarif` prints, the way
// GitHub Actions, a CI server and code scanning read it, so the tests of every
// command that reports for CI check the same things the same way.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <QXmlStreamReader>

#include <algorithm>

namespace headway::test {

// One `::error file=F,line=L,title=T::message` workflow command, unescaped.
struct GithubAnnotation {
    QString command; // error, warning or notice
    QString file;
    int line = 0;
    QString title;
    QString message;
};

struct GithubAnnotations {
    QList<GithubAnnotation> annotations;
    QString problem; // the first line that is not a well-formed workflow command
};

// One pass, so an escaped "%25" followed by "3A" stays "%3A".
inline QString unescapeGithub(const QString &text)
{
    static const QList<std::pair<QString, QString>> escapes{
        {QStringLiteral("%25"), QStringLiteral("%")}, {QStringLiteral("%0D"), QStringLiteral("\r")},
        {QStringLiteral("%0A"), QStringLiteral("\n")}, {QStringLiteral("%3A"), QStringLiteral(":")},
        {QStringLiteral("%2C"), QStringLiteral(",")}};
    QString plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto escape = std::find_if(escapes.cbegin(), escapes.cend(),
                                         [&](const auto &e) { return QStringView(text).mid(i, 3) == e.first; });
        if (escape == escapes.cend()) {
            plain += text.at(i);
        } else {
            plain += escape->second;
            i += 2;
        }
    }
    return plain;
}

inline GithubAnnotations readGithub(const QString &out)
{
    // Escaped properties hold no ':' or ',' and an escaped message no line break.
    static const QRegularExpression command(QStringLiteral("^::(error|warning|notice) ([^:]*)::(.*)$"));
    GithubAnnotations read;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = command.match(line);
        if (!match.hasMatch()) {
            read.problem = line;
            return read;
        }
        GithubAnnotation annotation{match.captured(1), {}, 0, {}, unescapeGithub(match.captured(3))};
        for (const QString &property : match.captured(2).split(QLatin1Char(','))) {
            const QString key = property.section(QLatin1Char('='), 0, 0);
            const QString value = unescapeGithub(property.section(QLatin1Char('='), 1));
            if (key == QLatin1String("file"))
                annotation.file = value;
            else if (key == QLatin1String("line"))
                annotation.line = value.toInt();
            else if (key == QLatin1String("title"))
                annotation.title = value;
            else
                read.problem = line;
        }
        read.annotations += annotation;
    }
    return read;
}

struct JunitCase {
    QString name;
    QString file;
    int line = 0;
    bool failed = false;
    QString failureType; // the code that failed
};

struct JunitReport {
    int suites = 0;
    int declaredTests = -1;
    int declaredFailures = -1;
    QList<JunitCase> cases;
    QString error; // not well-formed XML

    int failures() const { return int(std::count_if(cases.cbegin(), cases.cend(), [](const JunitCase &c) { return c.failed; })); }
};

inline JunitReport readJunit(const QString &out)
{
    JunitReport report;
    QXmlStreamReader xml(out);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == QLatin1String("testsuite")) {
            ++report.suites;
            report.declaredTests = attributes.value(QLatin1String("tests")).toInt();
            report.declaredFailures = attributes.value(QLatin1String("failures")).toInt();
        } else if (xml.name() == QLatin1String("testcase")) {
            report.cases += JunitCase{attributes.value(QLatin1String("name")).toString(),
                                      attributes.value(QLatin1String("file")).toString(),
                                      attributes.value(QLatin1String("line")).toInt(), false, {}};
        } else if (xml.name() == QLatin1String("failure") && !report.cases.isEmpty()) {
            report.cases.last().failed = true;
            report.cases.last().failureType = attributes.value(QLatin1String("type")).toString();
        }
    }
    if (xml.hasError())
        report.error = xml.errorString();
    return report;
}

struct SarifResult {
    QString ruleId;
    int ruleIndex = -1;
    QString level;
    QString text;
    QString uri;       // of the first location
    int startLine = 0; // of the first location
    int relatedLocations = 0;
};

struct SarifLog {
    QString version;
    QString schema;
    QString driver;
    QStringList ruleIds;
    QList<SarifResult> results;
};

inline SarifLog readSarif(const QString &out)
{
    const QJsonObject log = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonObject run = log.value(QLatin1String("runs")).toArray().first().toObject();
    const QJsonObject driver = run.value(QLatin1String("tool")).toObject().value(QLatin1String("driver")).toObject();
    SarifLog read{log.value(QLatin1String("version")).toString(), log.value(QLatin1String("$schema")).toString(),
                  driver.value(QLatin1String("name")).toString(), {}, {}};
    for (const QJsonValue &rule : driver.value(QLatin1String("rules")).toArray())
        read.ruleIds += rule.toObject().value(QLatin1String("id")).toString();
    for (const QJsonValue &value : run.value(QLatin1String("results")).toArray()) {
        const QJsonObject result = value.toObject();
        const QJsonObject physical = result.value(QLatin1String("locations")).toArray().first().toObject()
                                         .value(QLatin1String("physicalLocation")).toObject();
        read.results += SarifResult{result.value(QLatin1String("ruleId")).toString(),
                                    result.value(QLatin1String("ruleIndex")).toInt(-1),
                                    result.value(QLatin1String("level")).toString(),
                                    result.value(QLatin1String("message")).toObject().value(QLatin1String("text")).toString(),
                                    physical.value(QLatin1String("artifactLocation")).toObject().value(QLatin1String("uri")).toString(),
                                    physical.value(QLatin1String("region")).toObject().value(QLatin1String("startLine")).toInt(),
                                    int(result.value(QLatin1String("relatedLocations")).toArray().size())};
    }
    return read;
}

} // namespace headway::test
