#include "PythonValueResolver.h"

#include "repository/Repository.h"
#include "runner/MigrationTool.h"

#include <QJsonDocument>

namespace headway {

namespace {

const QLatin1String marker("HEADWAY-RESOLVED ");

// Imports each file under a private module name and prints what it assigns.
const char resolverScript[] = R"PY(
import importlib.util, json, os, sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.getcwd())
NAMES = ("revision", "down_revision", "branch_labels", "depends_on")
for index, path in enumerate(sys.argv[1:]):
    entry = {"path": path}
    try:
        spec = importlib.util.spec_from_file_location("headway_resolved_%d" % index, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name in NAMES:
            if not hasattr(module, name):
                continue
            value = getattr(module, name)
            if value is None:
                entry[name] = None
            elif isinstance(value, str):
                entry[name] = [value]
            elif isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value):
                entry[name] = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
            else:
                entry["error"] = "%s is a %s, not a string or strings" % (name, type(value).__name__)
    except BaseException as error:
        entry["error"] = "%s: %s" % (type(error).__name__, error)
    print("HEADWAY-RESOLVED " + json.dumps(entry), flush=True)
)PY";

} // namespace

QStringList PythonValueResolver::filesNeedingPython(const Repository &repository)
{
    QStringList paths;
    for (const MigrationFile &file : repository.files) {
        for (const AssignedValue *value : {&file.revision, &file.downRevision, &file.branchLabels, &file.dependsOn}) {
            if (value->present && !value->literal) {
                paths += file.path;
                break;
            }
        }
    }
    return paths;
}

CommandLine PythonValueResolver::command(const MigrationTool &tool, const QStringList &paths)
{
    return tool.pythonCommand(QStringList{QStringLiteral("-c"), QString::fromUtf8(resolverScript)} + paths);
}

QList<ResolvedFile> PythonValueResolver::parseOutput(const QString &output)
{
    QList<ResolvedFile> files;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (!line.startsWith(marker))
            continue;
        files += ResolvedFile::fromReport(QJsonDocument::fromJson(line.mid(marker.size()).toUtf8()).object());
    }
    return files;
}

} // namespace headway
