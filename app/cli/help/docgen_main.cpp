// headway-docgen: the build-time generator of the manual pages. It reads the
// help source that the programs print their help from, so the two never differ;
// with --markdown, the reference page docs/cli-reference.md from the same text.
//   headway-docgen --date YYYY-MM-DD --source "Headway 0.1.0" INPUT.md OUTPUT.1
//   headway-docgen --markdown INPUT.md OUTPUT.md
#include "HelpDocument.h"
#include "ManPage.h"
#include "MarkdownPage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders a help source into a troff manual page or a Markdown reference."));
    parser.addHelpOption();
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("The release date (YYYY-MM-DD)."), QStringLiteral("date"));
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("The package and version."), QStringLiteral("text"));
    const QCommandLineOption section(QStringLiteral("section"), QStringLiteral("The manual section."), QStringLiteral("n"),
                                     QStringLiteral("1"));
    const QCommandLineOption markdown(QStringLiteral("markdown"), QStringLiteral("Write a Markdown reference instead."));
    parser.addOptions({date, source, section, markdown});
    parser.addPositionalArgument(QStringLiteral("input"), QStringLiteral("The help source (.md)."));
    parser.addPositionalArgument(QStringLiteral("output"), QStringLiteral("The manual page to write."));
    parser.process(app);
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        err << "headway-docgen: give INPUT and OUTPUT\n";
        return 64;
    }
    QFile input(files.at(0));
    if (!input.open(QIODevice::ReadOnly)) {
        err << "headway-docgen: cannot read " << files.at(0) << ": " << input.errorString() << '\n';
        return 66;
    }
    headway::help::HelpParseError error;
    const auto document = headway::help::HelpDocument::parse(QString::fromUtf8(input.readAll()), &error);
    if (!document.isValid()) {
        // The compiler's format, so IDEs jump to the line.
        err << files.at(0) << ':' << error.line << ": error: " << error.message << '\n';
        return 65;
    }
    headway::help::ManPageInfo info;
    info.section = parser.value(section).toInt();
    info.date = parser.value(date);
    info.source = parser.value(source);
    info.origin = QFileInfo(files.at(0)).fileName();
    const QString page = parser.isSet(markdown) ? headway::help::MarkdownPage::render(document, info.origin)
                                                : headway::help::ManPage::render(document, info);
    QSaveFile output(files.at(1));
    if (!output.open(QIODevice::WriteOnly) || output.write(page.toUtf8()) < 0
        || !output.commit()) {
        err << "headway-docgen: cannot write " << files.at(1) << ": " << output.errorString() << '\n';
        return 73;
    }
    return 0;
}
