#include "SymbolicValue.h"

#include "PythonLiteral.h"

#include <algorithm>
#include <array>

namespace headway {

namespace {

using TokenSpan = std::span<const PythonToken>;

// The lexer refuses deeper bracket nesting; tokens handed over directly stop here too.
constexpr int maxGrouping = 200;

bool isKeyword(std::string_view name)
{
    static constexpr std::array<std::string_view, 35> keywords{
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    return std::find(keywords.begin(), keywords.end(), name) != keywords.end();
}

// True when the bracket opening the tokens is the one closing them.
bool enclosed(TokenSpan tokens, std::string_view open, std::string_view close)
{
    return tokens.size() >= 2 && isOperator(tokens.front(), open) && isOperator(tokens.back(), close)
           && matchingBracket(tokens, 0) + 1 == tokens.size();
}

// Drops parentheses that only group: `((x))` is `x`, while `(x,)` is a tuple.
TokenSpan ungrouped(TokenSpan tokens)
{
    for (int level = 0; level < maxGrouping && enclosed(tokens, "(", ")"); ++level) {
        const TokenSpan inner = tokens.subspan(1, tokens.size() - 2);
        if (inner.empty() || splitTopLevel(inner, ",").size() > 1)
            break;
        tokens = inner;
    }
    return tokens;
}

// One element: a string (possibly implicitly concatenated) or a dotted name.
bool readElement(TokenSpan tokens, SymbolicElement &element)
{
    tokens = ungrouped(tokens);
    if (tokens.empty())
        return false;
    const QString name = dottedName(tokens);
    if (!name.isEmpty()) {
        element = {name, true};
        return true;
    }
    const PythonLiteral literal = evaluateLiteral(tokens);
    if (literal.kind != PythonLiteral::Kind::String)
        return false;
    element = {literal.strings.value(0), false};
    return true;
}

} // namespace

QStringList SymbolicValue::references() const
{
    QStringList names;
    for (const SymbolicElement &element : elements)
        if (element.reference)
            names += element.text;
    return names;
}

QString dottedName(TokenSpan tokens)
{
    if (tokens.size() % 2 == 0)
        return {};
    std::string name;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const PythonToken &t = tokens[i];
        if (i % 2 == 0 ? t.kind != PythonToken::Kind::Name || isKeyword(t.text) : !isOperator(t, "."))
            return {};
        name += t.text;
    }
    return QString::fromStdString(name);
}

SymbolicValue evaluateSymbolic(TokenSpan tokens)
{
    tokens = ungrouped(tokens);
    SymbolicValue value;
    std::vector<TokenSpan> parts;
    if (splitTopLevel(tokens, ",").size() > 1) {
        value.sequence = true; // a bare tuple: "a", cli.B
        parts = splitTopLevel(tokens, ",");
    } else if (enclosed(tokens, "(", ")") || enclosed(tokens, "[", "]") || enclosed(tokens, "{", "}")) {
        const TokenSpan inner = tokens.subspan(1, tokens.size() - 2);
        if (isOperator(tokens.front(), "{")
            && std::any_of(inner.begin(), inner.end(), [](const PythonToken &t) { return isOperator(t, ":"); }))
            return {}; // a dict
        value.sequence = true;
        parts = splitTopLevel(inner, ",");
    } else {
        parts = {tokens};
    }
    if (value.sequence && !parts.empty() && parts.back().empty())
        parts.pop_back(); // a trailing comma adds no element
    bool anyReference = false;
    for (const TokenSpan part : parts) {
        SymbolicElement element;
        if (!readElement(part, element))
            return {};
        anyReference |= element.reference;
        value.elements += element;
    }
    return anyReference ? value : SymbolicValue{};
}

} // namespace headway
