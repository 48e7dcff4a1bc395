// Splits Python source into module-level logical lines of tokens, following
// CPython's tokenizer where it matters for reading migration files statically:
// strings of every form, bracket nesting, comments and continuation lines.
// Indented lines (function bodies, if-blocks) are scanned but yield no tokens,
// which keeps large upgrade()/downgrade() bodies cheap, unless every line is
// asked for (the operations reader).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headway {

struct PythonToken {
    enum class Kind { Name, String, Number, Operator };
    Kind kind = Kind::Operator;
    std::string_view text; // exact source text; strings include prefix and quotes
    int line = 0;          // 1-based line the token starts on
};

inline bool isOperator(const PythonToken &token, std::string_view text)
{
    return token.kind == PythonToken::Kind::Operator && token.text == text;
}

inline bool isName(const PythonToken &token, std::string_view text)
{
    return token.kind == PythonToken::Kind::Name && token.text == text;
}

struct PythonSyntaxError {
    std::string message; // CPython's wording where it has one
    int line = 0;
};

class PythonLexer
{
public:
    explicit PythonLexer(std::string_view source);

    // Fills `tokens` with the next logical line that starts at column 0.
    // Returns false at the end of the source or after a syntax error.
    bool nextModuleLevelLine(std::vector<PythonToken> &tokens);
    // Every logical line, indented ones too, with its indentation (columns; a tab counts
    // one, so only compare indentation within one block); for reading function bodies.
    bool nextLogicalLine(std::vector<PythonToken> &tokens, int &indentation);

    const std::optional<PythonSyntaxError> &error() const { return m_error; }

private:
    bool nextLine(std::vector<PythonToken> &tokens, bool moduleLevelOnly, int &indentation);
    bool scanLogicalLine(std::vector<PythonToken> *tokens);
    bool scanString(std::size_t prefixStart, std::size_t quotePos, std::vector<PythonToken> *tokens);
    void scanName(std::vector<PythonToken> *tokens);
    void scanNumber(std::vector<PythonToken> *tokens);
    bool scanOperator(std::vector<PythonToken> *tokens);
    bool atNewline() const;
    void consumeNewline();
    void fail(std::string message, int line);

    std::string_view m_source;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::vector<std::pair<char, int>> m_brackets; // open bracket and its line
    std::optional<PythonSyntaxError> m_error;
};

} // namespace headway
