// A value the static reader cannot read by itself but may finish by looking up
// the names in it: `cli.EXPAND_BRANCH`, `('ocata01', migration.CONTRACT_BRANCH)`,
// `EXPAND`. Only strings and dotted names, alone or as the elements of one
// tuple, list or set; anything else (calls, operators, nesting) stays unknown.
#pragma once

#include "PythonLexer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <span>

namespace headway {

struct SymbolicElement {
    QString text;           // the string's value, or the dotted name as written
    bool reference = false; // a dotted name to look up
};

struct SymbolicValue {
    bool sequence = false;           // written as a tuple, list or set; else a single element
    QList<SymbolicElement> elements; // empty: the value has no symbolic form
    qsizetype visibleBindings = 0;   // the file's module-level bindings made before it (what it can see)

    bool isEmpty() const { return elements.isEmpty(); }
    QStringList references() const;
};

// The symbolic form of an expression, or an empty value when it has none (or
// has no names at all: literals are PythonLiteral's).
SymbolicValue evaluateSymbolic(std::span<const PythonToken> tokens);

// "a.b.c" for tokens Name . Name . Name; empty when the tokens are not a dotted name.
QString dottedName(std::span<const PythonToken> tokens);

} // namespace headway
