// `headway-cli __complete ...`: what the bash completion asks while the user
// presses Tab. Hidden (not in the help): its lines are for the completion script,
// read from the very tables the commands parse with, so they cannot disagree.
//   __complete commands              one command a line
//   __complete options COMMAND       NAME<TAB>VALUE-NAME a line (no value name: a flag)
//   __complete arguments COMMAND     the positional syntax, e.g. "REV [REPOSITORY]"
//   __complete revisions [REPOSITORY]  ids, newest first, then branch labels
#include "CliCommands.h"
#include "CliContext.h"

#include "repository/RepositoryLoader.h"

namespace headway::cli {

namespace {

const Command *find(const QList<Command> &commands, const QString &name)
{
    for (const Command &command : commands)
        if (name == QLatin1String(command.name))
            return &command;
    return nullptr;
}

void printOptions(const Command &command, QTextStream &out)
{
    for (const QCommandLineOption &option : command.options)
        for (const QString &name : option.names())
            out << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) << name << '\t' << option.valueName() << '\n';
    out << "-h\t\n--help\t\n";
}

// Static reading only: Tab must not start Python.
void printRevisions(const QString &argument, QTextStream &out)
{
    const Repository repository = RepositoryLoader::load(argument);
    QStringList labels;
    for (int node : repository.graph.historyOrder()) {
        out << repository.graph.node(node).id << '\n';
        for (const QString &label : repository.graph.node(node).ownBranchLabels)
            if (!labels.contains(label))
                labels += label;
    }
    for (const QString &label : std::as_const(labels))
        out << label << '\n';
}

} // namespace

int complete(const QStringList &arguments, const QList<Command> &commands, QTextStream &out)
{
    const QString what = arguments.value(0);
    const Command *command = find(commands, arguments.value(1));
    if (what == QLatin1String("commands")) {
        for (const Command &entry : commands)
            out << entry.name << '\n';
        out << "help\n";
    } else if (what == QLatin1String("options") && command) {
        printOptions(*command, out);
    } else if (what == QLatin1String("arguments") && command) {
        out << command->positional << '\n';
    } else if (what == QLatin1String("revisions")) {
        printRevisions(arguments.value(1, QStringLiteral(".")), out);
    } else {
        return UsageError;
    }
    return Success;
}

} // namespace headway::cli
