// The pieces of a Python call the operations reader needs, read from tokens
// without running anything: `a.b.name(...)`, its arguments bound to a
// function's parameter names as Python binds them, and the few argument forms
// whose value is certain (string literals, op.f("..."), sa.text("..."), lists
// of those). Anything else stays tokens, never a guess.
#pragma once

#include "parser/PythonLexer.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace headway {

using Tokens = std::span<const PythonToken>;

// `name(...)` or `a.b.name(...)` spanning all of `tokens`: the dotted name and what is inside the parentheses.
std::optional<std::pair<QString, Tokens>> callOf(Tokens tokens);

// A string literal, or op.f("...") / batch_op.f("...") / sa.text("...") around one.
std::optional<QString> stringOf(Tokens tokens);

// ["email", "name"], ("email",) or [sa.text("lower(email)")] as strings; a single string as one.
// Empty when any element is not a string: a partial list would be a guess.
QStringList stringsOf(Tokens tokens);

// The source as written, simplified and cut for display.
QString textOf(Tokens tokens);

// The first argument of a call, when it is a string: sa.ForeignKey("users.id"), sa.table("roles", ...).
QString firstString(Tokens inside);

bool isTrue(Tokens tokens);
bool isNone(Tokens tokens);
bool isFalse(Tokens tokens);

// One argument of a call: `name=value` or a positional value.
struct Argument {
    QString keyword;
    Tokens value;
};

std::vector<Argument> argumentsOf(Tokens inside);

// The arguments by the callee's parameter names: positional ones take `names` in order.
class Arguments
{
public:
    Arguments(Tokens inside, const QStringList &names);

    bool has(const QString &name) const { return m_values.contains(name); }
    Tokens tokens(const QString &name) const { return m_values.value(name); }
    QString string(const QString &name) const { return has(name) ? stringOf(tokens(name)).value_or(QString()) : QString(); }
    QStringList strings(const QString &name) const { return has(name) ? stringsOf(tokens(name)) : QStringList(); }
    const std::vector<Tokens> &rest() const { return m_rest; }

private:
    QHash<QString, Tokens> m_values;
    std::vector<Tokens> m_rest; // past the named ones: create_table's columns and constraints
};

} // namespace headway
