#include "MigrationTool.h"

#include <QFileInfo>

namespace headway {

MigrationTool MigrationTool::prepare(const Repository &repository, const RunSettings &settings,
                                     const QProcessEnvironment &environment, const InterpreterCache &cache)
{
    MigrationTool tool;
    tool.m_settings = settings;
    tool.m_backend = MigrationBackend::detect(repository.layout, settings);
    const QStringList modules = tool.m_backend.requiredModules();
    if (!settings.python.isEmpty()) {
        InterpreterCandidate chosen;
        chosen.path = settings.python;
        chosen.origin = QStringLiteral("your setting");
        chosen = cache.probe(chosen, modules);
        tool.m_interpreter.tried = {chosen};
        if (chosen.usable()) {
            tool.m_interpreter.path = chosen.path;
        } else {
            tool.m_problem = QStringLiteral("The interpreter you chose, %1, cannot run %2: %3. Choose another one "
                                            "(or clear the setting to let Headway find one).")
                                 .arg(chosen.path, modules.join(QLatin1String(", ")), chosen.problem);
        }
    } else {
        tool.m_interpreter = cache.find(tool.m_backend.projectDirectory, modules, environment);
        if (!tool.m_interpreter.found())
            tool.m_problem = tool.m_interpreter.explanation(modules);
    }
    for (const InterpreterCandidate &candidate : std::as_const(tool.m_interpreter.tried)) {
        if (candidate.path == tool.m_interpreter.path) {
            tool.m_pythonOrigin = candidate.origin;
            break;
        }
    }
    tool.m_python = tool.m_interpreter.path;
    if (!tool.m_backend.problem.isEmpty())
        tool.m_problem = tool.m_backend.problem + (tool.m_problem.isEmpty() ? QString() : QLatin1Char('\n') + tool.m_problem);
    return tool;
}

MigrationTool MigrationTool::withEnvironment(const QString &name, const QString &value) const
{
    MigrationTool tool = *this;
    tool.m_settings.environment.insert(name, value);
    return tool;
}

MigrationTool MigrationTool::withConfigFile(const QString &iniPath) const
{
    MigrationTool tool = *this;
    tool.m_backend.iniPath = iniPath;
    return tool;
}

CommandLine MigrationTool::command(const QStringList &arguments) const
{
    return m_backend.command(m_python, arguments, m_settings);
}

CommandLine MigrationTool::current() const
{
    return command({QStringLiteral("current")});
}

namespace {

// A relative target such as `-1` would be read as an option: end the options first.
QStringList withTarget(QStringList arguments, const QString &target)
{
    if (target.startsWith(QLatin1Char('-')))
        arguments << QStringLiteral("--");
    return arguments << target;
}

} // namespace

CommandLine MigrationTool::upgrade(const QString &target, bool sqlOnly) const
{
    QStringList arguments{QStringLiteral("upgrade")};
    if (sqlOnly)
        arguments << QStringLiteral("--sql");
    return command(withTarget(arguments, target));
}

CommandLine MigrationTool::downgrade(const QString &target, bool sqlOnly) const
{
    QStringList arguments{QStringLiteral("downgrade")};
    if (sqlOnly)
        arguments << QStringLiteral("--sql");
    return command(withTarget(arguments, target));
}

CommandLine MigrationTool::stamp(const QString &target) const
{
    return command(withTarget({QStringLiteral("stamp")}, target));
}

CommandLine MigrationTool::merge(const QStringList &revisions, const QString &message) const
{
    return command(QStringList{QStringLiteral("merge"), QStringLiteral("--message=") + message} + revisions);
}

CommandLine MigrationTool::pythonCommand(const QStringList &arguments) const
{
    CommandLine line = m_backend.command(m_python, {}, m_settings);
    line.arguments = arguments;
    return line;
}

} // namespace headway
