// Colours Python source in a text document: keywords, strings (including
// triple-quoted strings spanning lines), comments, numbers, decorators, and
// the names being defined. A small scanner, not a regex per rule, so a '#'
// inside a string or a quote inside a comment is coloured right.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace headway {

class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    // Block states: the string a line ends inside, if any.
    enum State { Normal = 0, InSingleTriple = 1, InDoubleTriple = 2 };

    explicit PythonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    int stringLiteral(const QString &text, int start, int quote);
    int continueTriple(const QString &text, int from, QChar quote);

    QTextCharFormat m_keyword, m_constant, m_string, m_comment, m_number, m_decorator, m_definition;
};

} // namespace headway
