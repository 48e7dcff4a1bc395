// headway-cli: Headway's answers about an Alembic repository, for terminals,
// scripts and CI pipelines.
#include "CliCommands.h"

#include <QCoreApplication>

#include <clocale>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("headway-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEADWAY_VERSION));
    std::setlocale(LC_NUMERIC, "C");
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = headway::cli::run(QCoreApplication::arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
