// How a repository's commands are run: the Flask app, the environment presets
// users type by hand today (SERVER_NAME, CACHE_TYPE) plus their own variables,
// an interpreter override, the variable that names the database and the
// project's migration tests. Remembered per repository.
#pragma once

#include <QMap>
#include <QStringList>

#include <optional>

namespace headway {

struct RunSettings {
    QString flaskApp;                        // empty: .flaskenv / .env / wsgi.py / app.py
    QMap<QString, QString> environment = defaultEnvironment();
    QString python;                          // empty: discover the interpreter
    QString databaseUrlVariable = QStringLiteral("DATABASE_URL"); // how a scratch database is handed to the app
    QStringList testCommand;                 // empty: pytest on tests/test_migration*.py if present
    int timeoutSeconds = 30 * 60;            // always within [minTimeoutSeconds, maxTimeoutSeconds]
    QString testEngine;                      // "sqlite", "postgresql", "mariadb"; empty: the project URL's dialect
    QString testServer;                      // a server URL for test upgrades; empty: a throwaway server
    QString upstreamRef;                     // the fork's upstream (origins, preview); empty: discover it

    static constexpr int minTimeoutSeconds = 1;
    static constexpr int maxTimeoutSeconds = 24 * 60 * 60;

    static QMap<QString, QString> defaultEnvironment();

    // Applies `NAME=VALUE` (or `NAME=` to unset); returns false on text without '='.
    bool applyEnvironmentAssignment(const QString &assignment);

    // The one rule for a time limit, wherever it comes from (--timeout, the settings
    // dialog, the stored settings): a positive whole number of seconds up to 24 hours.
    // Returns the seconds, or nullopt with `error` naming `option` and the accepted range.
    static std::optional<int> parseTimeout(const QString &text, const QString &option, QString *error = nullptr);
    static bool isValidTimeout(qint64 seconds);

    bool operator==(const RunSettings &other) const = default;
};

// Reads and writes RunSettings in QSettings, one group per repository (keyed by
// its canonical path), so the GUI and headway-cli share what the user chose.
// A repository without a group of its own starts from the RunDefaults.
class RunSettingsStore
{
public:
    static RunSettings load(const QString &repositoryPath);
    static void save(const QString &repositoryPath, const RunSettings &settings);

private:
    static QString groupFor(const QString &repositoryPath);
};

} // namespace headway
