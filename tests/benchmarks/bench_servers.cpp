// Times a throwaway server's life as a test upgrade sees it: start (initialise a
// data directory, launch, wait until it accepts connections) and stop (shut
// down, remove the directory), for PostgreSQL and MariaDB, median of N cycles.
// The target is at most 2 s for start + stop; figures only, no assertions.
//   bench_servers [--cycles N]
#include "engine/ThrowawayServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

using namespace headway;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Runs the event loop until `signal` or failed() arrives; false on failure.
template <typename Signal>
bool waitFor(ThrowawayServer &server, Signal signal, QString *error)
{
    QEventLoop loop;
    bool ok = true;
    QObject::connect(&server, signal, &loop, &QEventLoop::quit);
    QObject::connect(&server, &ThrowawayServer::failed, &loop, [&](const QString &message) {
        *error = message;
        ok = false;
        loop.quit();
    });
    loop.exec();
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int at = int(arguments.indexOf(QStringLiteral("--cycles")));
    const int cycles = at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toInt() : 5;
    QTextStream out(stdout);
    out << "throwaway servers, median of " << cycles << " cycles (target: start + stop <= 2 s)\n";
    for (DatabaseEngine engine : {DatabaseEngine::PostgreSql, DatabaseEngine::MariaDb}) {
        const ServerBinaries binaries = ServerBinaries::locate(engine);
        if (!binaries.found()) {
            out << "  " << engineDisplayName(engine) << ": " << binaries.problem << '\n';
            continue;
        }
        QList<double> starts, stops, totals;
        for (int cycle = 0; cycle < cycles; ++cycle) {
            ThrowawayServer server(engine);
            QString error;
            QElapsedTimer clock;
            clock.start();
            server.start();
            if (!waitFor(server, &ThrowawayServer::ready, &error)) {
                out << "  " << engineDisplayName(engine) << " failed: " << error << '\n';
                break;
            }
            const double started = double(clock.nsecsElapsed()) / 1e9;
            server.stop();
            waitFor(server, &ThrowawayServer::stopped, &error);
            const double total = double(clock.nsecsElapsed()) / 1e9;
            starts << started;
            stops << total - started;
            totals << total;
        }
        out << QStringLiteral("  %1  start %2 s  stop %3 s  start + stop %4 s\n")
                   .arg(engineDisplayName(engine), -10)
                   .arg(median(starts), 0, 'f', 2)
                   .arg(median(stops), 0, 'f', 2)
                   .arg(median(totals), 0, 'f', 2);
        out.flush();
    }
    return 0;
}
