// What a repository starts from before it has Run Settings of its own: the
// environment presets, interpreter, upstream ref and scratch engine chosen in
// Preferences. Stored once in the same settings file as the per-repository
// groups, so the GUI and headway-cli fill a new repository the same way.
#pragma once

#include "runner/RunSettings.h"

#include <optional>

namespace headway {

struct RunDefaults {
    QMap<QString, QString> environment = RunSettings::defaultEnvironment();
    QString python;      // empty: discover the interpreter
    QString upstreamRef; // empty: discover it
    QString testEngine;  // "sqlite", "postgresql", "mariadb"; empty: the project URL's dialect

    // The settings of a repository that stored none: these values, the rest built in.
    RunSettings settings() const;

    // "SERVER_NAME=localhost CACHE_TYPE=NullCache": NAME=VALUE words, quoted like a
    // shell would when a value holds spaces. Returns nullopt with `error` naming the
    // first word without a name and '='.
    static std::optional<QMap<QString, QString>> parseEnvironment(const QString &text, QString *error = nullptr);
    static QString environmentText(const QMap<QString, QString> &environment);

    bool operator==(const RunDefaults &other) const = default;
};

class RunDefaultsStore
{
public:
    static RunDefaults load();
    static void save(const RunDefaults &defaults);
};

} // namespace headway
