#include "PythonLexer.h"

#include <cstdio>

namespace headway {

namespace {

bool isNameStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isNameChar(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isStringPrefix(std::string_view name)
{
    if (name.size() > 2)
        return false;
    bool raw = false, bytes = false, format = false, unicode = false;
    for (char c : name) {
        switch (c | 0x20) {
        case 'r': raw = raw ? false : true; if (!raw) return false; break;
        case 'b': if (bytes) return false; bytes = true; break;
        case 'f': if (format) return false; format = true; break;
        case 'u': if (unicode) return false; unicode = true; break;
        default: return false;
        }
    }
    if (unicode && name.size() > 1)
        return false; // "u" combines with nothing
    return !(bytes && format);
}

// Git's conflict markers: seven identical characters at the start of a line.
bool isConflictMarker(std::string_view rest)
{
    for (const char marker : {'<', '=', '>'}) {
        if (rest.size() >= 7 && rest.substr(0, 7) == std::string(7, marker)
            && (rest.size() == 7 || rest[7] == ' ' || rest[7] == '\n' || rest[7] == '\r'))
            return true;
    }
    return false;
}

// CPython's tokenizer refuses brackets nested deeper than this (MAXLEVEL).
constexpr std::size_t maxBracketDepth = 200;

constexpr bool isNonPrintable(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
}

std::string invalidCharacterMessage(unsigned char c)
{
    if (c == 0)
        return "source code cannot contain null bytes";
    if (isNonPrintable(c)) {
        char code[8];
        std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(c));
        return std::string("invalid non-printable character U+") + code;
    }
    return std::string("invalid character '") + static_cast<char>(c) + "'";
}

} // namespace

PythonLexer::PythonLexer(std::string_view source)
    : m_source(source)
{
}

void PythonLexer::fail(std::string message, int line)
{
    if (!m_error)
        m_error = PythonSyntaxError{std::move(message), line};
}

bool PythonLexer::atNewline() const
{
    const char c = m_source[m_pos];
    return c == '\n' || c == '\r';
}

void PythonLexer::consumeNewline()
{
    if (m_source[m_pos] == '\r' && m_pos + 1 < m_source.size() && m_source[m_pos + 1] == '\n')
        ++m_pos;
    ++m_pos;
    ++m_line;
}

bool PythonLexer::nextModuleLevelLine(std::vector<PythonToken> &tokens)
{
    int indentation = 0;
    return nextLine(tokens, true, indentation);
}

bool PythonLexer::nextLogicalLine(std::vector<PythonToken> &tokens, int &indentation)
{
    return nextLine(tokens, false, indentation);
}

bool PythonLexer::nextLine(std::vector<PythonToken> &tokens, bool moduleLevelOnly, int &indentation)
{
    tokens.clear();
    while (!m_error && m_pos < m_source.size()) {
        // At the start of a physical line: measure the indentation.
        std::size_t column = 0;
        while (m_pos < m_source.size()
               && (m_source[m_pos] == ' ' || m_source[m_pos] == '\t' || m_source[m_pos] == '\f')) {
            column = m_source[m_pos] == '\f' ? 0 : column + 1; // CPython: a form feed resets the indentation
            ++m_pos;
        }
        if (m_pos >= m_source.size())
            break;
        if (atNewline()) { // blank line
            consumeNewline();
            continue;
        }
        if (m_source[m_pos] == '#') { // comment-only line; a lone \r ends it too
            const std::size_t end = m_source.find_first_of("\r\n", m_pos);
            m_pos = end == std::string_view::npos ? m_source.size() : end;
            continue;
        }
        const bool moduleLevel = column == 0;
        if (moduleLevel && isConflictMarker(m_source.substr(m_pos))) {
            fail("unresolved merge conflict marker (git left <<<<<<<, ======= or >>>>>>> here)", m_line);
            return false;
        }
        const bool keep = moduleLevel || !moduleLevelOnly;
        if (!scanLogicalLine(keep ? &tokens : nullptr))
            return false;
        if (keep && !tokens.empty()) {
            indentation = int(column);
            return true;
        }
    }
    return false;
}

// Bytes that can change the lexer's state inside an indented line, where no
// tokens are kept: everything else (names, numbers, most operators) is skipped
// in a tight loop, which is what keeps long upgrade() bodies cheap.
struct SkipTable {
    bool stop[256] = {};
    constexpr SkipTable()
    {
        for (unsigned char c : {'\n', '\r', '#', '\\', '"', '\'', '(', ')', '[', ']', '{', '}', '$', '?', '`'})
            stop[c] = true;
        for (int c = 0; c < 256; ++c)
            stop[c] = stop[c] || isNonPrintable(static_cast<unsigned char>(c));
    }
};
constexpr SkipTable skipTable;

struct StringStopTable {
    bool stop[256] = {};
    constexpr StringStopTable()
    {
        for (unsigned char c : {'\n', '\r', '\\', '"', '\''})
            stop[c] = true;
    }
};
constexpr StringStopTable stringStop;

bool PythonLexer::scanLogicalLine(std::vector<PythonToken> *tokens)
{
    const std::size_t size = m_source.size();
    while (m_pos < size) {
        if (!tokens) {
            const char *p = m_source.data() + m_pos;
            const char *const end = m_source.data() + size;
            while (p < end && !skipTable.stop[static_cast<unsigned char>(*p)])
                ++p;
            m_pos = static_cast<std::size_t>(p - m_source.data());
            if (m_pos >= size)
                break;
        }
        const unsigned char c = static_cast<unsigned char>(m_source[m_pos]);
        if (c == ' ' || c == '\t' || c == '\f') {
            ++m_pos;
        } else if (c == '\n' || c == '\r') {
            consumeNewline();
            if (m_brackets.empty())
                return true;
        } else if (c == '#') {
            while (m_pos < m_source.size() && !atNewline())
                ++m_pos;
        } else if (c == '\\') {
            ++m_pos;
            if (m_pos >= m_source.size()) {
                fail("unexpected EOF while parsing", m_line);
                return false;
            }
            if (!atNewline()) {
                fail("unexpected character after line continuation character", m_line);
                return false;
            }
            consumeNewline();
        } else if (c == '"' || c == '\'') {
            if (!scanString(m_pos, m_pos, tokens))
                return false;
        } else if (isNameStart(c)) {
            const std::size_t start = m_pos;
            while (m_pos < m_source.size() && isNameChar(static_cast<unsigned char>(m_source[m_pos])))
                ++m_pos;
            const std::string_view name = m_source.substr(start, m_pos - start);
            if (m_pos < m_source.size() && (m_source[m_pos] == '"' || m_source[m_pos] == '\'')
                && isStringPrefix(name)) {
                if (!scanString(start, m_pos, tokens))
                    return false;
            } else if (tokens) {
                tokens->push_back({PythonToken::Kind::Name, name, m_line});
            }
        } else if (isDigit(c)
                   || (c == '.' && m_pos + 1 < m_source.size()
                       && isDigit(static_cast<unsigned char>(m_source[m_pos + 1])))) {
            scanNumber(tokens);
        } else if (!scanOperator(tokens)) {
            return false;
        }
    }
    if (!m_brackets.empty()) {
        fail(std::string("'") + m_brackets.back().first + "' was never closed",
             m_brackets.back().second);
        return false;
    }
    return true;
}

bool PythonLexer::scanString(std::size_t prefixStart, std::size_t quotePos,
                             std::vector<PythonToken> *tokens)
{
    const char quote = m_source[quotePos];
    const int startLine = m_line;
    const bool triple = quotePos + 2 < m_source.size() && m_source[quotePos + 1] == quote
                        && m_source[quotePos + 2] == quote;
    m_pos = quotePos + (triple ? 3 : 1);
    while (true) {
        {
            // Fast path over ordinary characters; only quotes, backslashes and
            // line breaks need a decision.
            const char *p = m_source.data() + m_pos;
            const char *const end = m_source.data() + m_source.size();
            while (p < end && !stringStop.stop[static_cast<unsigned char>(*p)])
                ++p;
            m_pos = static_cast<std::size_t>(p - m_source.data());
        }
        if (m_pos >= m_source.size()) {
            // CPython counts the lines it read: a final line break starts no new one.
            const bool endsWithNewline = m_source.back() == '\n' || m_source.back() == '\r';
            fail(triple ? "unterminated triple-quoted string literal (detected at line "
                              + std::to_string(endsWithNewline ? m_line - 1 : m_line) + ")"
                        : "unterminated string literal (detected at line "
                              + std::to_string(startLine) + ")",
                 startLine);
            return false;
        }
        const char c = m_source[m_pos];
        if (c == '\\') {
            ++m_pos; // the escaped character never ends the string, even in raw strings
            if (m_pos < m_source.size()) {
                if (atNewline())
                    consumeNewline();
                else
                    ++m_pos;
            }
        } else if (c == '\n' || c == '\r') {
            if (!triple) {
                fail("unterminated string literal (detected at line " + std::to_string(startLine)
                         + ")",
                     startLine);
                return false;
            }
            consumeNewline();
        } else if (c == quote) {
            if (!triple) {
                ++m_pos;
                break;
            }
            if (m_pos + 2 < m_source.size() && m_source[m_pos + 1] == quote
                && m_source[m_pos + 2] == quote) {
                m_pos += 3;
                break;
            }
            ++m_pos;
        } else {
            ++m_pos;
        }
    }
    if (tokens)
        tokens->push_back({PythonToken::Kind::String,
                           m_source.substr(prefixStart, m_pos - prefixStart), startLine});
    return true;
}

void PythonLexer::scanNumber(std::vector<PythonToken> *tokens)
{
    const std::size_t start = m_pos;
    while (m_pos < m_source.size()) {
        const unsigned char c = static_cast<unsigned char>(m_source[m_pos]);
        const bool exponentSign = (c == '+' || c == '-') && m_pos > start
                                  && (m_source[m_pos - 1] == 'e' || m_source[m_pos - 1] == 'E')
                                  && !(m_source[start] == '0' && m_pos > start + 1
                                       && (m_source[start + 1] == 'x' || m_source[start + 1] == 'X'));
        if (!(isNameChar(c) || c == '.' || exponentSign))
            break;
        ++m_pos;
    }
    if (tokens)
        tokens->push_back({PythonToken::Kind::Number, m_source.substr(start, m_pos - start), m_line});
}

bool PythonLexer::scanOperator(std::vector<PythonToken> *tokens)
{
    const char c = m_source[m_pos];
    const std::size_t start = m_pos;
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (m_brackets.size() >= maxBracketDepth) {
            fail("too many nested parentheses", m_line);
            return false;
        }
        m_brackets.emplace_back(c, m_line);
        ++m_pos;
        break;
    case ')':
    case ']':
    case '}': {
        const char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (m_brackets.empty()) {
            fail(std::string("unmatched '") + c + "'", m_line);
            return false;
        }
        if (m_brackets.back().first != expected) {
            const int openLine = m_brackets.back().second;
            fail(std::string("closing parenthesis '") + c
                     + "' does not match opening parenthesis '" + m_brackets.back().first + "'"
                     + (openLine != m_line ? " on line " + std::to_string(openLine) : std::string()),
                 m_line);
            return false;
        }
        m_brackets.pop_back();
        ++m_pos;
        break;
    }
    case ',': case ';': case '.': case '~':
        ++m_pos;
        break;
    case '=': case '!': case '<': case '>': case ':': case '+': case '-': case '*': case '/':
    case '%': case '&': case '|': case '^': case '@': {
        ++m_pos;
        const char next = m_pos < m_source.size() ? m_source[m_pos] : '\0';
        if ((c == '*' || c == '/' || c == '<' || c == '>') && next == c)
            ++m_pos; // ** // << >>
        else if (c == '-' && next == '>')
            ++m_pos;
        if (m_pos < m_source.size() && m_source[m_pos] == '=' && !(c == '!' && m_pos > start + 1))
            ++m_pos;
        if (c == '!' && m_pos == start + 1) {
            fail("invalid syntax", m_line);
            return false;
        }
        break;
    }
    default:
        fail(invalidCharacterMessage(static_cast<unsigned char>(c)), m_line);
        return false;
    }
    if (tokens)
        tokens->push_back({PythonToken::Kind::Operator, m_source.substr(start, m_pos - start), m_line});
    return true;
}

} // namespace headway
