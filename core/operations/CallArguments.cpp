#include "CallArguments.h"

#include "parser/PythonLiteral.h"

namespace headway {

namespace {

constexpr qsizetype shownText = 200;

QString nameText(const PythonToken &token)
{
    return QString::fromUtf8(token.text.data(), qsizetype(token.text.size()));
}

} // namespace

std::vector<Argument> argumentsOf(Tokens inside)
{
    std::vector<Argument> arguments;
    for (Tokens part : splitTopLevel(inside, ",")) {
        if (part.empty())
            continue;
        if (part.size() >= 2 && part[0].kind == PythonToken::Kind::Name && isOperator(part[1], "="))
            arguments.push_back({nameText(part[0]), part.subspan(2)});
        else
            arguments.push_back({{}, part});
    }
    return arguments;
}

std::optional<std::pair<QString, Tokens>> callOf(Tokens tokens)
{
    std::size_t at = 0;
    QString dotted;
    while (at < tokens.size() && tokens[at].kind == PythonToken::Kind::Name) {
        dotted += nameText(tokens[at]);
        ++at;
        if (at < tokens.size() && isOperator(tokens[at], ".")) {
            dotted += QLatin1Char('.');
            ++at;
        } else {
            break;
        }
    }
    if (dotted.isEmpty() || at >= tokens.size() || !isOperator(tokens[at], "("))
        return std::nullopt;
    const std::size_t close = matchingBracket(tokens, at);
    if (close == std::size_t(-1) || close + 1 != tokens.size())
        return std::nullopt;
    return std::make_pair(dotted, tokens.subspan(at + 1, close - at - 1));
}

std::optional<QString> stringOf(Tokens tokens)
{
    if (tokens.size() == 1 && tokens[0].kind == PythonToken::Kind::String) {
        QString value;
        if (decodePythonString(tokens[0].text, value))
            return value;
        return std::nullopt;
    }
    if (const auto call = callOf(tokens)) {
        const QString last = call->first.section(QLatin1Char('.'), -1);
        if (last == QLatin1String("f") || last == QLatin1String("text") || last == QLatin1String("literal_column"))
            return stringOf(call->second);
    }
    return std::nullopt;
}

QStringList stringsOf(Tokens tokens)
{
    if (const std::optional<QString> one = stringOf(tokens))
        return {*one};
    const PythonLiteral literal = evaluateLiteral(tokens);
    if (literal.kind == PythonLiteral::Kind::Sequence)
        return literal.strings;
    // [sa.text("lower(email)"), "name"]: a list or tuple whose every element reads as a string.
    if (tokens.size() < 2 || !(isOperator(tokens.front(), "[") || isOperator(tokens.front(), "("))
        || matchingBracket(tokens, 0) != tokens.size() - 1)
        return {};
    QStringList elements;
    for (Tokens element : splitTopLevel(tokens.subspan(1, tokens.size() - 2), ",")) {
        if (element.empty())
            continue; // the trailing comma of ("a",)
        const std::optional<QString> value = stringOf(element);
        if (!value)
            return {};
        elements += *value;
    }
    return elements;
}

QString textOf(Tokens tokens)
{
    const QString text = tokensText(tokens).simplified();
    return text.size() > shownText ? text.left(shownText) + QStringLiteral("…") : text;
}

QString firstString(Tokens inside)
{
    const std::vector<Argument> arguments = argumentsOf(inside);
    return arguments.empty() || !arguments.front().keyword.isEmpty() ? QString()
                                                                     : stringOf(arguments.front().value).value_or(QString());
}

bool isTrue(Tokens tokens)
{
    return tokens.size() == 1 && isName(tokens[0], "True");
}

bool isNone(Tokens tokens)
{
    return tokens.size() == 1 && isName(tokens[0], "None");
}

bool isFalse(Tokens tokens)
{
    return tokens.size() == 1 && isName(tokens[0], "False");
}

Arguments::Arguments(Tokens inside, const QStringList &names)
{
    int position = 0;
    for (const Argument &argument : argumentsOf(inside)) {
        if (!argument.keyword.isEmpty())
            m_values.insert(argument.keyword, argument.value);
        else if (position < names.size())
            m_values.insert(names.at(position++), argument.value);
        else
            m_rest.push_back(argument.value);
    }
}

} // namespace headway
