// The directories a project's env.py puts on sys.path, read statically:
// `sys.path.insert(0, <path>)` and `sys.path.append(<path>)` at module level,
// where <path> is a string or is built from `__file__` with os.path (dirname,
// join, abspath, realpath, normpath), os.getcwd(), pathlib (Path(...), .parent,
// .parents[n], .resolve(), .joinpath(), `/`) and names assigned such a path
// earlier. Anything else is ignored: env.py is never run.
#pragma once

#include <QString>
#include <QStringList>

#include <string_view>

namespace headway {

class EnvSysPath
{
public:
    // `workingDirectory` is what a relative entry means: where Alembic runs (alembic.ini's directory).
    static QStringList read(const QString &envPath, const QString &workingDirectory);
    static QStringList fromSource(const QString &envPath, std::string_view source, const QString &workingDirectory);
};

} // namespace headway
