#include "details/PythonHighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QSet>

namespace headway {

namespace {

const QSet<QString> &keywords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *word : {"and", "as", "assert", "async", "await", "break", "class", "continue",
                                 "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                                 "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
                                 "raise", "return", "try", "while", "with", "yield"})
            set.insert(QLatin1String(word));
        return set;
    }();
    return words;
}

bool isConstant(QStringView word)
{
    return word == u"None" || word == u"True" || word == u"False" || word == u"self";
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// A string prefix such as r, b, f, rb, Br directly followed by a quote: returns the
// quote's position, or -1.
int quoteAfterPrefix(const QString &text, int start)
{
    int i = start;
    while (i < text.size() && i - start < 2 && QLatin1String("rRbBuUfF").contains(text.at(i)))
        ++i;
    return i > start && i < text.size() && (text.at(i) == u'\'' || text.at(i) == u'"') ? i : -1;
}

QTextCharFormat charFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_keyword = charFormat(dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x00, 0x00, 0xa0), true);
    m_constant = charFormat(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0x80, 0x30, 0x80));
    m_string = charFormat(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x00, 0x70, 0x20));
    m_comment = charFormat(dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x70, 0x70, 0x70), false, true);
    m_number = charFormat(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0x90, 0x50, 0x00));
    m_decorator = charFormat(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x80, 0x60, 0x00));
    m_definition = charFormat(dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x00, 0x50, 0x90), true);
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    setCurrentBlockState(Normal);
    if (previousBlockState() == InSingleTriple || previousBlockState() == InDoubleTriple) {
        i = continueTriple(text, 0, previousBlockState() == InSingleTriple ? u'\'' : u'"');
        if (i < 0)
            return; // the whole line is inside the string
    }
    bool lineStart = text.left(i).trimmed().isEmpty();
    bool defining = false; // the previous word was def or class
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const bool atLineStart = lineStart;
        lineStart = false;
        if (c == u'#') {
            setFormat(i, n - i, m_comment);
            return;
        }
        const int quote = (c == u'\'' || c == u'"') ? i : quoteAfterPrefix(text, i);
        if (quote >= 0) {
            const int end = stringLiteral(text, i, quote);
            if (end < 0)
                return; // a triple-quoted string runs on past this line
            i = end;
            defining = false;
            continue;
        }
        if (c == u'@' && atLineStart) {
            int end = i + 1;
            while (end < n && (isIdentifierPart(text.at(end)) || text.at(end) == u'.'))
                ++end;
            setFormat(i, end - i, m_decorator);
            i = end;
            continue;
        }
        if (c.isDigit() || (c == u'.' && i + 1 < n && text.at(i + 1).isDigit())) {
            int end = i + 1;
            // Good enough for 0x1F, 1_000, 3.14e-10 and 2j; identifiers never start with a digit.
            while (end < n && (isIdentifierPart(text.at(end)) || text.at(end) == u'.'
                               || ((text.at(end) == u'+' || text.at(end) == u'-')
                                   && (text.at(end - 1) == u'e' || text.at(end - 1) == u'E'))))
                ++end;
            setFormat(i, end - i, m_number);
            i = end;
            continue;
        }
        if (isIdentifierStart(c)) {
            int end = i + 1;
            while (end < n && isIdentifierPart(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i);
            if (defining)
                setFormat(i, end - i, m_definition);
            else if (keywords().contains(word))
                setFormat(i, end - i, m_keyword);
            else if (isConstant(word))
                setFormat(i, end - i, m_constant);
            defining = word == QLatin1String("def") || word == QLatin1String("class");
            i = end;
            continue;
        }
        defining = false;
        ++i;
    }
}

// Formats the literal that starts at `start` (its prefix) with its quote at `quote`.
// Returns the position after it, or -1 when a triple-quoted string continues on the
// next line (the block state then says which quote closes it).
int PythonHighlighter::stringLiteral(const QString &text, int start, int quote)
{
    const int n = int(text.size());
    const QChar q = text.at(quote);
    const bool triple = quote + 2 < n && text.at(quote + 1) == q && text.at(quote + 2) == q;
    if (triple) {
        setFormat(start, quote + 3 - start, m_string);
        return continueTriple(text, quote + 3, q);
    }
    int i = quote + 1;
    while (i < n && text.at(i) != q)
        i += text.at(i) == u'\\' ? 2 : 1;
    const int end = std::min(i + 1, n); // an unterminated string ends with its line
    setFormat(start, end - start, m_string);
    return end;
}

// Formats from `from` to the closing triple quote. Returns the position after it, or
// -1 (and sets the block state) when the string does not close on this line.
int PythonHighlighter::continueTriple(const QString &text, int from, QChar quote)
{
    const int n = int(text.size());
    int i = from;
    while (i < n) {
        if (text.at(i) == u'\\') {
            i += 2;
        } else if (text.at(i) == quote && i + 2 < n && text.at(i + 1) == quote && text.at(i + 2) == quote) {
            setFormat(from, i + 3 - from, m_string);
            return i + 3;
        } else {
            ++i;
        }
    }
    setFormat(from, n - from, m_string);
    setCurrentBlockState(quote == u'\'' ? InSingleTriple : InDoubleTriple);
    return -1;
}

} // namespace headway
