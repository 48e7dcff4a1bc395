// Opens a migration file in the editor the user chose in Preferences:
// "code --goto {file}:{line}", "kate --line {line} {file}", "gvim +{line}".
// The command is split into a program and an argument list the way
// QProcess::splitCommand reads it (double quotes group words) and never run
// by a shell, so a path with spaces, quotes or $(...) arrives as one argument.
// Without {file} the file is the last argument.
#pragma once

#include "runner/CommandLine.h"

#include <optional>

namespace headway {

namespace EditorCommand {

// The command that opens `file` at `line` (lines below 1 become 1); nullopt with
// `error` when `command` names no program.
std::optional<CommandLine> commandFor(const QString &command, const QString &file, int line, QString *error = nullptr);

// Starts `line` detached: it outlives Headway and keeps none of Headway's descriptors.
// Returns false with `error` saying why it could not start (no such program, ...).
bool startDetached(const CommandLine &line, QString *error = nullptr);

} // namespace EditorCommand

} // namespace headway
