#include "RunToCompletion.h"

#include <QEventLoop>

namespace headway {

CommandResult runToCompletion(const CommandLine &line, int timeoutMs)
{
    MigrationCommand command(line);
    command.setTimeout(timeoutMs);
    CommandResult result;
    QEventLoop loop;
    QObject::connect(&command, &MigrationCommand::finished, &loop, [&](const CommandResult &finished) {
        result = finished;
        loop.quit();
    });
    command.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return result;
}

} // namespace headway
