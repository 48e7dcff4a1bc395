#include "PythonLiteral.h"

namespace headway {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Appends the unicode code point written as `digits` hex digits at `pos`.
bool appendHexEscape(std::string_view body, std::size_t &pos, int digits, QString &out)
{
    if (pos + digits > body.size())
        return false;
    char32_t code = 0;
    for (int i = 0; i < digits; ++i) {
        const int v = hexValue(body[pos + i]);
        if (v < 0)
            return false;
        code = code * 16 + v;
    }
    if (code > 0x10FFFF)
        return false;
    pos += digits;
    out += QString::fromUcs4(&code, 1);
    return true;
}

void appendUtf8(std::string_view bytes, QString &out)
{
    out += QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

// Processes backslash escapes the way Python does for str literals.
void unescape(std::string_view body, QString &out)
{
    std::size_t runStart = 0;
    std::size_t pos = 0;
    while (pos < body.size()) {
        if (body[pos] != '\\' || pos + 1 >= body.size()) {
            ++pos;
            continue;
        }
        appendUtf8(body.substr(runStart, pos - runStart), out);
        const char e = body[pos + 1];
        pos += 2;
        switch (e) {
        case '\n': break; // line continuation inside the string
        case '\r': if (pos < body.size() && body[pos] == '\n') ++pos; break;
        case '\\': out += QLatin1Char('\\'); break;
        case '\'': out += QLatin1Char('\''); break;
        case '"': out += QLatin1Char('"'); break;
        case 'a': out += QLatin1Char('\a'); break;
        case 'b': out += QLatin1Char('\b'); break;
        case 'f': out += QLatin1Char('\f'); break;
        case 'n': out += QLatin1Char('\n'); break;
        case 'r': out += QLatin1Char('\r'); break;
        case 't': out += QLatin1Char('\t'); break;
        case 'v': out += QLatin1Char('\v'); break;
        case 'x':
            if (!appendHexEscape(body, pos, 2, out))
                out += QLatin1String("\\x");
            break;
        case 'u':
            if (!appendHexEscape(body, pos, 4, out))
                out += QLatin1String("\\u");
            break;
        case 'U':
            if (!appendHexEscape(body, pos, 8, out))
                out += QLatin1String("\\U");
            break;
        default:
            if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int i = 0; i < 2 && pos < body.size() && body[pos] >= '0' && body[pos] <= '7'; ++i)
                    value = value * 8 + (body[pos++] - '0');
                out += QChar(value);
            } else {
                // Unknown escapes (and \N{...}) keep their backslash, as in Python.
                out += QLatin1Char('\\');
                --pos;
            }
        }
        runStart = pos;
    }
    appendUtf8(body.substr(runStart), out);
}

// Python reads source with universal newlines: \r\n and \r in the source become \n
// (before escapes are decoded, so an escaped \r stays a carriage return).
std::string normalizeNewlines(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
            continue;
        }
        out += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n')
            ++i;
    }
    return out;
}

// The literal text of an f-string without replacement fields: "{{" and "}}" stand for one
// brace. False for a field ("{") or a lone "}", which Python refuses.
bool collapseFormatBraces(std::string &body, QString *reason)
{
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '{' || c == '}') {
            if (i + 1 >= body.size() || body[i + 1] != c) {
                if (reason)
                    *reason = c == '{' ? QStringLiteral("it is an f-string with replacement fields")
                                       : QStringLiteral("it is an f-string with a single '}'");
                return false;
            }
            ++i;
        }
        out += c;
    }
    body = std::move(out);
    return true;
}

// CPython's tokenizer refuses brackets nested deeper than this; tokens handed over
// directly must not recurse without bound either.
constexpr int maxNesting = 200;

PythonLiteral evaluateNested(std::span<const PythonToken> tokens, int depth);

PythonLiteral notLiteral(std::span<const PythonToken> tokens, QString reason)
{
    PythonLiteral literal;
    literal.kind = PythonLiteral::Kind::NotLiteral;
    literal.sourceText = tokensText(tokens);
    literal.reason = std::move(reason);
    return literal;
}

// A run of adjacent string tokens (implicit concatenation) or a single None.
PythonLiteral evaluateScalar(std::span<const PythonToken> tokens)
{
    if (tokens.size() == 1 && tokens[0].kind == PythonToken::Kind::Name && tokens[0].text == "None")
        return PythonLiteral{PythonLiteral::Kind::None, {}, {}, {}};
    QString value;
    for (const PythonToken &token : tokens) {
        if (token.kind != PythonToken::Kind::String)
            return notLiteral(tokens, QStringLiteral("it is an expression, not a string literal"));
        QString part, reason;
        if (!decodePythonString(token.text, part, &reason))
            return notLiteral(tokens, reason);
        value += part;
    }
    return PythonLiteral{PythonLiteral::Kind::String, {value}, {}, {}};
}

// Splits at commas that are not nested in brackets; a trailing comma adds no element.
std::vector<std::span<const PythonToken>> splitTopLevelCommas(std::span<const PythonToken> tokens,
                                                              bool &hadComma)
{
    std::vector<std::span<const PythonToken>> parts = splitTopLevel(tokens, ",");
    hadComma = parts.size() > 1;
    if (hadComma && parts.back().empty())
        parts.pop_back();
    return parts;
}

PythonLiteral evaluateElements(std::span<const PythonToken> whole,
                               const std::vector<std::span<const PythonToken>> &parts, int depth)
{
    PythonLiteral sequence{PythonLiteral::Kind::Sequence, {}, {}, {}};
    for (const auto &part : parts) {
        if (part.empty())
            return notLiteral(whole, QStringLiteral("it has an empty element"));
        const PythonLiteral element = evaluateNested(part, depth + 1);
        if (element.kind != PythonLiteral::Kind::String)
            return notLiteral(whole, element.kind == PythonLiteral::Kind::None
                                         ? QStringLiteral("it contains None")
                                     : element.kind == PythonLiteral::Kind::Sequence
                                         ? QStringLiteral("it nests a sequence")
                                         : element.reason);
        sequence.strings += element.strings;
    }
    return sequence;
}

} // namespace

std::vector<std::span<const PythonToken>> splitTopLevel(std::span<const PythonToken> tokens,
                                                        std::string_view separator)
{
    std::vector<std::span<const PythonToken>> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const PythonToken &t = tokens[i];
        if (t.kind != PythonToken::Kind::Operator)
            continue;
        if (t.text == "(" || t.text == "[" || t.text == "{")
            ++depth;
        else if (t.text == ")" || t.text == "]" || t.text == "}")
            --depth;
        else if (depth == 0 && t.text == separator) {
            parts.push_back(tokens.subspan(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(tokens.subspan(start));
    return parts;
}

std::size_t matchingBracket(std::span<const PythonToken> tokens, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < tokens.size(); ++i) {
        const PythonToken &t = tokens[i];
        if (t.kind != PythonToken::Kind::Operator)
            continue;
        if (t.text == "(" || t.text == "[" || t.text == "{")
            ++depth;
        else if ((t.text == ")" || t.text == "]" || t.text == "}") && --depth == 0)
            return i;
    }
    return std::string_view::npos;
}

QString tokensText(std::span<const PythonToken> tokens)
{
    if (tokens.empty())
        return {};
    const char *begin = tokens.front().text.data();
    const char *end = tokens.back().text.data() + tokens.back().text.size();
    return QString::fromUtf8(begin, end - begin).simplified();
}

bool decodePythonString(std::string_view token, QString &value, QString *reason)
{
    std::size_t prefixLength = 0;
    bool raw = false, bytes = false, format = false;
    while (prefixLength < token.size() && token[prefixLength] != '\'' && token[prefixLength] != '"') {
        const char c = static_cast<char>(token[prefixLength] | 0x20);
        raw |= c == 'r';
        bytes |= c == 'b';
        format |= c == 'f';
        ++prefixLength;
    }
    if (bytes) {
        if (reason)
            *reason = QStringLiteral("it is a bytes literal, not a str");
        return false;
    }
    const std::size_t quoteLength = token.size() - prefixLength >= 6
                                            && token[prefixLength + 1] == token[prefixLength]
                                            && token[prefixLength + 2] == token[prefixLength]
                                        ? 3
                                        : 1;
    std::string body = normalizeNewlines(token.substr(prefixLength + quoteLength,
                                                      token.size() - prefixLength - 2 * quoteLength));
    if (format && !collapseFormatBraces(body, reason))
        return false;
    value.clear();
    if (raw)
        appendUtf8(body, value);
    else
        unescape(body, value);
    return true;
}

PythonLiteral evaluateLiteral(std::span<const PythonToken> tokens)
{
    return evaluateNested(tokens, 0);
}

namespace {

PythonLiteral evaluateNested(std::span<const PythonToken> tokens, int depth)
{
    if (depth > maxNesting)
        return notLiteral(tokens, QStringLiteral("it is nested too deeply"));
    if (tokens.empty())
        return notLiteral(tokens, QStringLiteral("no value is given"));
    bool hadComma = false;
    const auto parts = splitTopLevelCommas(tokens, hadComma);
    if (hadComma) // a bare tuple: "a", "b"
        return evaluateElements(tokens, parts, depth);

    const PythonToken &first = tokens.front();
    if (first.kind == PythonToken::Kind::Operator
        && (first.text == "(" || first.text == "[" || first.text == "{")) {
        const std::size_t close = matchingBracket(tokens, 0);
        if (close != tokens.size() - 1)
            return notLiteral(tokens, QStringLiteral("it is an expression, not a literal"));
        const auto inner = tokens.subspan(1, tokens.size() - 2);
        if (inner.empty())
            return PythonLiteral{first.text == "{" ? PythonLiteral::Kind::NotLiteral
                                                   : PythonLiteral::Kind::Sequence,
                                 {}, tokensText(tokens),
                                 first.text == "{" ? QStringLiteral("it is an empty dict")
                                                   : QString()};
        for (const PythonToken &t : inner) {
            if (first.text == "{" && isOperator(t, ":"))
                return notLiteral(tokens, QStringLiteral("it is a dict"));
        }
        bool innerComma = false;
        const auto elements = splitTopLevelCommas(inner, innerComma);
        if (first.text == "(" && !innerComma)
            return evaluateNested(inner, depth + 1); // parentheses only group
        return evaluateElements(tokens, elements, depth);
    }
    return evaluateScalar(tokens);
}

} // namespace

} // namespace headway
