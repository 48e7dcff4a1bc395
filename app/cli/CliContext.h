// What every headway-cli subcommand gets (its parsed options and the output
// streams) and the helpers they share for loading and printing.
#pragma once

#include "report/CiAnnotations.h"
#include "repository/RepositoryLoader.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

#include <optional>

namespace headway::cli {

struct Context {
    QCommandLineParser parser;
    QTextStream &out;
    QTextStream &err;
    QStringList defined; // every name of the command's options

    // For code shared by commands: asking the parser about an option the command
    // does not define prints a warning, so those ask only about defined ones.
    bool isGiven(const QString &option) const { return defined.contains(option) && parser.isSet(option); }
};

struct Command {
    const char *name;
    const char *description;
    const char *positional; // syntax of positional arguments for --help
    int (*run)(Context &);
    QList<QCommandLineOption> options;
};

// Loading as every command does: with values the user had resolved through Python, and
// the interpreter's sys.path for constants imported from installed packages.
LoadOptions loadOptions();
std::optional<Repository> loadRepository(Context &context, const QString &argument);
// Positional arguments with relative revisions (`-1`) as typed.
QStringList positionalArguments(const QCommandLineParser &parser);
inline const QString relativeRevisionMarker = QStringLiteral("\x01relative:");
QString repositoryArgument(const QCommandLineParser &parser, int index);
void printJson(Context &context, const QJsonObject &object);
QString displayPath(const Repository &repository, const QString &path);
QString diagnosticLine(const Repository &repository, const Diagnostic &d);

// --json and --format text|json|github|junit|sarif, as the commands that report for CI take them.
QList<QCommandLineOption> reportFormatOptions();
// The format asked for (--json is --format json); nullopt once an unknown one is reported.
std::optional<QString> reportFormat(Context &context);
// Prints github, junit or sarif and returns true; text and json are each command's own.
bool printCiReport(Context &context, const QString &format, const QString &suite, const QList<CiRule> &rules,
                   const QList<CiAnnotation> &annotations);

// flask db / alembic commands: merge, upgrade, downgrade, stamp, current, test-upgrade, fix.
QList<Command> migrationCommands();
// HEADS... [REPOSITORY]: the heads as typed, and a trailing existing path as the repository.
struct HeadsArguments {
    QStringList heads;
    QString repository = QStringLiteral(".");
};
HeadsArguments headsArguments(const QCommandLineParser &parser);
// Each argument names one revision, two or more together; none: an empty list. Reports the problem.
std::optional<QList<int>> resolveHeads(Context &context, const Repository &repository, const QStringList &arguments);

// What the operations say: conflicts between branches, merge rehearsal.
QList<Command> analysisCommands();
// What git knows: origins, preview-merge, rebase, restore, custom-migrations.
QList<Command> forkCommands();

// The overview of `headway-cli help`, and `help [COMMAND]` itself (HelpCommand.cpp).
QString overviewText();
int printHelp(const QStringList &topics, QTextStream &out, QTextStream &err);
// The hidden `__complete` lines for the bash completion (CompleteCommand.cpp).
int complete(const QStringList &arguments, const QList<Command> &commands, QTextStream &out);

} // namespace headway::cli
