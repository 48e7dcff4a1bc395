#include "CiAnnotations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

#include <algorithm>

namespace headway {

namespace CiAnnotations {

namespace {

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','.
QString escapeData(QString text)
{
    return text.replace(QLatin1Char('%'), QStringLiteral("%25"))
        .replace(QLatin1Char('\r'), QStringLiteral("%0D"))
        .replace(QLatin1Char('\n'), QStringLiteral("%0A"));
}

QString escapeProperty(const QString &text)
{
    return escapeData(text).replace(QLatin1Char(':'), QStringLiteral("%3A")).replace(QLatin1Char(','), QStringLiteral("%2C"));
}

QString fullText(const CiAnnotation &annotation)
{
    return annotation.fix.isEmpty() ? annotation.message : annotation.message + QStringLiteral("\nFix: ") + annotation.fix;
}

QString sarifLevel(const QString &severity)
{
    return severity == QLatin1String("error") || severity == QLatin1String("warning") ? severity : QStringLiteral("note");
}

QJsonObject sarifLocation(const CiLocation &location)
{
    QJsonObject physical{{QStringLiteral("artifactLocation"),
                          QJsonObject{{QStringLiteral("uri"), location.path}, {QStringLiteral("uriBaseId"), QStringLiteral("%SRCROOT%")}}}};
    if (location.line > 0)
        physical.insert(QStringLiteral("region"), QJsonObject{{QStringLiteral("startLine"), location.line}});
    return QJsonObject{{QStringLiteral("physicalLocation"), physical}};
}

} // namespace

QString github(const QList<CiAnnotation> &annotations)
{
    QString out;
    for (const CiAnnotation &annotation : annotations) {
        const QString command = annotation.severity == QLatin1String("error") ? QStringLiteral("error")
                                : annotation.severity == QLatin1String("warning") ? QStringLiteral("warning")
                                                                                  : QStringLiteral("notice");
        QStringList properties;
        if (!annotation.locations.isEmpty() && !annotation.locations.first().path.isEmpty()) {
            properties += QStringLiteral("file=") + escapeProperty(annotation.locations.first().path);
            if (annotation.locations.first().line > 0)
                properties += QStringLiteral("line=%1").arg(annotation.locations.first().line);
        }
        properties += QStringLiteral("title=") + escapeProperty(annotation.code + QStringLiteral(": ") + annotation.title);
        out += QStringLiteral("::%1 %2::%3\n").arg(command, properties.join(QLatin1Char(',')), escapeData(fullText(annotation)));
    }
    return out;
}

QString junit(const QString &suite, const QList<CiRule> &rules, const QList<CiAnnotation> &annotations)
{
    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    int failures = 0;
    for (const CiRule &rule : rules)
        failures += std::any_of(annotations.cbegin(), annotations.cend(), [&](const CiAnnotation &a) {
            return a.code == rule.code && a.severity == QLatin1String("error");
        });
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"), suite);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(rules.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    for (const CiRule &rule : rules) {
        QList<const CiAnnotation *> failed, warned;
        for (const CiAnnotation &annotation : annotations)
            if (annotation.code == rule.code)
                (annotation.severity == QLatin1String("error") ? failed : warned) += &annotation;
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), suite);
        xml.writeAttribute(QStringLiteral("name"), rule.code + QStringLiteral(": ") + rule.title);
        const QList<const CiAnnotation *> &shown = failed.isEmpty() ? warned : failed;
        if (!shown.isEmpty() && !shown.first()->locations.isEmpty()) {
            xml.writeAttribute(QStringLiteral("file"), shown.first()->locations.first().path);
            xml.writeAttribute(QStringLiteral("line"), QString::number(shown.first()->locations.first().line));
        }
        QStringList details;
        for (const CiAnnotation *annotation : shown) {
            QStringList places;
            for (const CiLocation &location : annotation->locations)
                places += QStringLiteral("%1:%2").arg(location.path).arg(location.line);
            details += places.join(QStringLiteral(", ")) + QStringLiteral(": ") + fullText(*annotation);
        }
        if (!failed.isEmpty()) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("message"), failed.first()->message);
            xml.writeAttribute(QStringLiteral("type"), rule.code);
            xml.writeCharacters(details.join(QLatin1Char('\n')));
            xml.writeEndElement();
        } else if (!warned.isEmpty()) {
            xml.writeTextElement(QStringLiteral("system-out"), details.join(QLatin1Char('\n')));
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QString sarif(const QString &toolVersion, const QList<CiRule> &rules, const QList<CiAnnotation> &annotations)
{
    QJsonArray sarifRules;
    for (const CiRule &rule : rules)
        sarifRules += QJsonObject{{QStringLiteral("id"), rule.code},
                                  {QStringLiteral("name"), rule.code},
                                  {QStringLiteral("shortDescription"), QJsonObject{{QStringLiteral("text"), rule.title}}},
                                  {QStringLiteral("fullDescription"), QJsonObject{{QStringLiteral("text"), rule.help}}},
                                  {QStringLiteral("help"), QJsonObject{{QStringLiteral("text"), rule.help}}}};
    QJsonArray results;
    for (const CiAnnotation &annotation : annotations) {
        QJsonObject result{{QStringLiteral("ruleId"), annotation.code},
                           {QStringLiteral("level"), sarifLevel(annotation.severity)},
                           {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), fullText(annotation)}}}};
        for (qsizetype i = 0; i < rules.size(); ++i)
            if (rules.at(i).code == annotation.code)
                result.insert(QStringLiteral("ruleIndex"), int(i));
        QJsonArray locations, related;
        for (qsizetype i = 0; i < annotation.locations.size(); ++i) {
            QJsonObject location = sarifLocation(annotation.locations.at(i));
            if (i == 0) {
                locations += location;
            } else {
                location.insert(QStringLiteral("id"), int(i));
                related += location;
            }
        }
        result.insert(QStringLiteral("locations"), locations);
        if (!related.isEmpty())
            result.insert(QStringLiteral("relatedLocations"), related);
        results += result;
    }
    const QJsonObject driver{{QStringLiteral("name"), QStringLiteral("Headway")},
                             {QStringLiteral("version"), toolVersion},
                             {QStringLiteral("rules"), sarifRules}};
    const QJsonObject run{{QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                          {QStringLiteral("columnKind"), QStringLiteral("unicodeCodePoints")},
                          {QStringLiteral("results"), results}};
    const QJsonObject log{{QStringLiteral("$schema"), QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                          {QStringLiteral("version"), QStringLiteral("2.1.0")},
                          {QStringLiteral("runs"), QJsonArray{run}}};
    return QString::fromUtf8(QJsonDocument(log).toJson(QJsonDocument::Indented));
}

} // namespace CiAnnotations

} // namespace headway
