#include "RunSettings.h"

#include "runner/RunDefaults.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace headway {

QMap<QString, QString> RunSettings::defaultEnvironment()
{
    return {{QStringLiteral("SERVER_NAME"), QStringLiteral("localhost")},
            {QStringLiteral("CACHE_TYPE"), QStringLiteral("NullCache")}};
}

bool RunSettings::applyEnvironmentAssignment(const QString &assignment)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return false;
    const QString name = assignment.left(equals);
    const QString value = assignment.mid(equals + 1);
    if (value.isEmpty())
        environment.remove(name);
    else
        environment.insert(name, value);
    return true;
}

QString RunSettingsStore::groupFor(const QString &repositoryPath)
{
    const QString canonical = QFileInfo(repositoryPath).canonicalFilePath();
    const QString key = canonical.isEmpty() ? QFileInfo(repositoryPath).absoluteFilePath() : canonical;
    // A hash keeps slashes and odd characters out of QSettings keys.
    return QStringLiteral("repositories/")
           + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

RunSettings RunSettingsStore::load(const QString &repositoryPath)
{
    // What the repository stored wins; what it never stored (it has no group yet, or the
    // key is newer than its group) comes from the defaults in Preferences.
    RunSettings settings = RunDefaultsStore::load().settings();
    QSettings store(QStringLiteral("Headway"), QStringLiteral("Headway")); // the GUI's file, also from headway-cli
    store.beginGroup(groupFor(repositoryPath));
    if (!store.contains(QStringLiteral("path")))
        return settings;
    settings.flaskApp = store.value(QStringLiteral("flaskApp")).toString();
    settings.python = store.value(QStringLiteral("python"), settings.python).toString();
    settings.databaseUrlVariable = store.value(QStringLiteral("databaseUrlVariable"), settings.databaseUrlVariable).toString();
    settings.testCommand = store.value(QStringLiteral("testCommand")).toStringList();
    // A hand-edited or older settings file must not give a 0 ms or overflowing timer.
    const qint64 timeout = store.value(QStringLiteral("timeoutSeconds"), settings.timeoutSeconds).toLongLong();
    if (RunSettings::isValidTimeout(timeout))
        settings.timeoutSeconds = int(timeout);
    settings.testEngine = store.value(QStringLiteral("testEngine"), settings.testEngine).toString();
    settings.testServer = store.value(QStringLiteral("testServer")).toString();
    settings.upstreamRef = store.value(QStringLiteral("upstreamRef"), settings.upstreamRef).toString();
    if (store.contains(QStringLiteral("environment"))) {
        settings.environment.clear();
        const QVariantMap environment = store.value(QStringLiteral("environment")).toMap();
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            settings.environment.insert(it.key(), it.value().toString());
    }
    return settings;
}

void RunSettingsStore::save(const QString &repositoryPath, const RunSettings &settings)
{
    QSettings store(QStringLiteral("Headway"), QStringLiteral("Headway")); // the GUI's file, also from headway-cli
    store.beginGroup(groupFor(repositoryPath));
    store.setValue(QStringLiteral("path"), QFileInfo(repositoryPath).absoluteFilePath());
    store.setValue(QStringLiteral("flaskApp"), settings.flaskApp);
    store.setValue(QStringLiteral("python"), settings.python);
    store.setValue(QStringLiteral("databaseUrlVariable"), settings.databaseUrlVariable);
    store.setValue(QStringLiteral("testCommand"), settings.testCommand);
    store.setValue(QStringLiteral("timeoutSeconds"), settings.timeoutSeconds);
    store.setValue(QStringLiteral("testEngine"), settings.testEngine);
    store.setValue(QStringLiteral("testServer"), settings.testServer);
    store.setValue(QStringLiteral("upstreamRef"), settings.upstreamRef);
    QVariantMap environment;
    for (auto it = settings.environment.cbegin(); it != settings.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    store.setValue(QStringLiteral("environment"), environment);
    store.sync();
}

bool RunSettings::isValidTimeout(qint64 seconds)
{
    return seconds >= minTimeoutSeconds && seconds <= maxTimeoutSeconds;
}

std::optional<int> RunSettings::parseTimeout(const QString &text, const QString &option, QString *error)
{
    bool isNumber = false;
    const qint64 seconds = text.trimmed().toLongLong(&isNumber);
    if (isNumber && isValidTimeout(seconds))
        return int(seconds);
    if (error)
        *error = QStringLiteral("%1 must be a whole number of seconds from %2 to %3 (24 hours), got '%4'")
                     .arg(option)
                     .arg(minTimeoutSeconds)
                     .arg(maxTimeoutSeconds)
                     .arg(text);
    return std::nullopt;
}

} // namespace headway
