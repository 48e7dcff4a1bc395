// Evaluates the few literal expression forms migration files assign to their
// identifiers: strings (every prefix and quote style, implicit concatenation),
// None, and tuples/lists/sets of strings. Anything else is "not a literal":
// Headway never executes code to find out what it means.
#pragma once

#include "PythonLexer.h"

#include <QString>
#include <QStringList>

#include <span>

namespace headway {

struct PythonLiteral {
    enum class Kind { None, String, Sequence, NotLiteral };
    Kind kind = Kind::NotLiteral;
    QStringList strings; // one entry for String, the elements for Sequence
    QString sourceText;  // the expression as written; only kept for non-literals
    QString reason;      // why it is not a literal (empty otherwise)

    bool isEmpty() const { return kind == Kind::None || strings.isEmpty(); }
};

// Decodes a Python string literal token (prefix, quotes, escapes) to its value.
// Returns false for bytes and for f-strings with replacement fields.
bool decodePythonString(std::string_view token, QString &value, QString *reason = nullptr);

PythonLiteral evaluateLiteral(std::span<const PythonToken> tokens);

// The source text spanned by the tokens, for messages.
QString tokensText(std::span<const PythonToken> tokens);

// Index of the bracket closing the one at `open`, or npos when it is never closed.
std::size_t matchingBracket(std::span<const PythonToken> tokens, std::size_t open);

// Splits tokens at `separator` operators that are not nested in brackets
// (";" between statements, "=" between assignment targets, "," between elements).
std::vector<std::span<const PythonToken>> splitTopLevel(std::span<const PythonToken> tokens,
                                                        std::string_view separator);

} // namespace headway
