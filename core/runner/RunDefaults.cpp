#include "runner/RunDefaults.h"

#include <QProcess>
#include <QSettings>

#include <algorithm>

namespace headway {

namespace {

const QLatin1String kGroup("defaults");

// Quoted the way QProcess::splitCommand reads it back (double quotes, a literal
// quote as three), not as a POSIX shell would: the text round-trips exactly.
QString splitCommandWord(QString word)
{
    word.replace(QLatin1Char('"'), QLatin1String("\"\"\""));
    const bool needsQuotes = word.isEmpty() || std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isSpace(); });
    return needsQuotes ? QLatin1Char('"') + word + QLatin1Char('"') : word;
}

} // namespace

RunSettings RunDefaults::settings() const
{
    RunSettings settings;
    settings.environment = environment;
    settings.python = python;
    settings.upstreamRef = upstreamRef;
    settings.testEngine = testEngine;
    return settings;
}

std::optional<QMap<QString, QString>> RunDefaults::parseEnvironment(const QString &text, QString *error)
{
    QMap<QString, QString> environment;
    for (const QString &word : QProcess::splitCommand(text)) {
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            if (error)
                *error = QStringLiteral("'%1' is not NAME=VALUE").arg(word);
            return std::nullopt;
        }
        environment.insert(word.left(equals), word.mid(equals + 1));
    }
    return environment;
}

QString RunDefaults::environmentText(const QMap<QString, QString> &environment)
{
    QStringList words;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        words.append(splitCommandWord(it.key() + QLatin1Char('=') + it.value()));
    return words.join(QLatin1Char(' '));
}

RunDefaults RunDefaultsStore::load()
{
    QSettings store(QStringLiteral("Headway"), QStringLiteral("Headway")); // the GUI's file, also from headway-cli
    store.beginGroup(kGroup);
    RunDefaults defaults;
    defaults.python = store.value(QStringLiteral("python")).toString();
    defaults.upstreamRef = store.value(QStringLiteral("upstreamRef")).toString();
    defaults.testEngine = store.value(QStringLiteral("testEngine")).toString();
    // Absent: the built-in presets. Present but empty: the user removed them all.
    if (store.contains(QStringLiteral("environment"))) {
        defaults.environment.clear();
        const QVariantMap environment = store.value(QStringLiteral("environment")).toMap();
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            defaults.environment.insert(it.key(), it.value().toString());
    }
    return defaults;
}

void RunDefaultsStore::save(const RunDefaults &defaults)
{
    QSettings store(QStringLiteral("Headway"), QStringLiteral("Headway"));
    store.beginGroup(kGroup);
    store.setValue(QStringLiteral("python"), defaults.python);
    store.setValue(QStringLiteral("upstreamRef"), defaults.upstreamRef);
    store.setValue(QStringLiteral("testEngine"), defaults.testEngine);
    QVariantMap environment;
    for (auto it = defaults.environment.cbegin(); it != defaults.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    store.setValue(QStringLiteral("environment"), environment);
    store.sync();
}

} // namespace headway
