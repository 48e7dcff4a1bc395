#include "EnvSysPath.h"

#include "parser/MigrationParser.h"
#include "parser/PythonLiteral.h"
#include "parser/SourceFile.h"
#include "parser/SymbolicValue.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <optional>

namespace headway {

namespace {

using TokenSpan = std::span<const PythonToken>;

// Calls nest shallowly in real env.py files; hand-made input stops here.
constexpr int maxDepth = 64;

QString text(const PythonToken &token)
{
    return QString::fromUtf8(token.text.data(), static_cast<qsizetype>(token.text.size()));
}

QString parentOf(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    const qsizetype slash = clean.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QString();
    return slash == 0 ? QStringLiteral("/") : clean.left(slash);
}

QString joined(const QString &base, const QString &part)
{
    if (QDir::isAbsolutePath(part) || base.isEmpty())
        return part;
    return base.endsWith(QLatin1Char('/')) ? QString(base + part) : QString(base + QLatin1Char('/') + part);
}

// Evaluates one path expression over tokens; nullopt for anything it does not know.
class PathExpression
{
public:
    PathExpression(TokenSpan tokens, const QString &envPath, const QString &workingDirectory,
                   const QHash<QString, QString> &names)
        : m_tokens(tokens)
        , m_envPath(envPath)
        , m_workingDirectory(workingDirectory)
        , m_names(names)
    {
    }

    std::optional<QString> evaluate()
    {
        std::optional<QString> value = expression(0);
        return m_pos == m_tokens.size() ? value : std::nullopt;
    }

private:
    bool at(std::string_view op) const { return m_pos < m_tokens.size() && isOperator(m_tokens[m_pos], op); }

    QString absolute(const QString &path) const
    {
        return QDir::cleanPath(QDir(m_workingDirectory).absoluteFilePath(path));
    }

    // term ('/' term)*: pathlib's operator
    std::optional<QString> expression(int depth)
    {
        std::optional<QString> value = term(depth);
        while (value && at("/")) {
            ++m_pos;
            const std::optional<QString> right = term(depth);
            if (!right)
                return std::nullopt;
            value = joined(*value, *right);
        }
        return value;
    }

    std::optional<QString> term(int depth)
    {
        std::optional<QString> value = primary(depth);
        while (value && at(".") && m_pos + 1 < m_tokens.size()) {
            const std::string_view attribute = m_tokens[m_pos + 1].text;
            m_pos += 2;
            if (attribute == "parent") {
                value = parentOf(*value);
            } else if (attribute == "parents" && at("[") && m_pos + 2 < m_tokens.size()
                       && m_tokens[m_pos + 1].kind == PythonToken::Kind::Number && isOperator(m_tokens[m_pos + 2], "]")) {
                bool ok = false;
                const int levels = text(m_tokens[m_pos + 1]).toInt(&ok);
                m_pos += 3;
                if (!ok || levels < 0 || levels > maxDepth)
                    return std::nullopt;
                for (int i = 0; i <= levels; ++i)
                    value = parentOf(*value);
            } else if ((attribute == "resolve" || attribute == "absolute") && at("(")) {
                const std::optional<QStringList> arguments = argumentList(depth);
                if (!arguments || !arguments->isEmpty())
                    return std::nullopt;
                value = attribute == "resolve" ? realPath(absolute(*value)) : absolute(*value);
            } else if (attribute == "joinpath" && at("(")) {
                const std::optional<QStringList> arguments = argumentList(depth);
                if (!arguments)
                    return std::nullopt;
                for (const QString &part : *arguments)
                    value = joined(*value, part);
            } else {
                return std::nullopt;
            }
        }
        return value;
    }

    static QString realPath(const QString &path)
    {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        return canonical.isEmpty() ? path : canonical;
    }

    // '(' [expression (',' expression)*] ')'
    std::optional<QStringList> argumentList(int depth)
    {
        if (!at("(") || depth > maxDepth)
            return std::nullopt;
        ++m_pos;
        QStringList arguments;
        while (!at(")")) {
            const std::optional<QString> argument = expression(depth + 1);
            if (!argument)
                return std::nullopt;
            arguments += *argument;
            if (at(","))
                ++m_pos;
            else if (!at(")"))
                return std::nullopt;
        }
        ++m_pos;
        return arguments;
    }

    std::optional<QString> primary(int depth)
    {
        if (m_pos >= m_tokens.size() || depth > maxDepth)
            return std::nullopt;
        const PythonToken &first = m_tokens[m_pos];
        if (first.kind == PythonToken::Kind::String) {
            QString value;
            while (m_pos < m_tokens.size() && m_tokens[m_pos].kind == PythonToken::Kind::String) {
                QString part;
                if (!decodePythonString(m_tokens[m_pos].text, part))
                    return std::nullopt;
                value += part;
                ++m_pos;
            }
            return value;
        }
        if (at("(")) {
            ++m_pos;
            std::optional<QString> value = expression(depth + 1);
            if (!value || !at(")"))
                return std::nullopt;
            ++m_pos;
            return value;
        }
        // A dotted name, perhaps called: os.path.dirname(...), pathlib.Path(...), here
        if (first.kind != PythonToken::Kind::Name)
            return std::nullopt;
        std::size_t end = m_pos; // the dotted name's last part
        while (end + 2 < m_tokens.size() && isOperator(m_tokens[end + 1], ".")
               && m_tokens[end + 2].kind == PythonToken::Kind::Name)
            end += 2;
        // Stop before pathlib attributes (.parent, .resolve()), which term() reads.
        while (end > m_pos) {
            const std::string_view last = m_tokens[end].text;
            if (last != "parent" && last != "parents" && last != "resolve" && last != "absolute" && last != "joinpath")
                break;
            end -= 2;
        }
        const QString callee = dottedName(m_tokens.subspan(m_pos, end - m_pos + 1));
        if (callee.isEmpty())
            return std::nullopt;
        m_pos = end + 1;
        if (!at("(")) {
            if (callee == QLatin1String("__file__"))
                return m_envPath;
            const auto name = m_names.constFind(callee);
            return name == m_names.cend() ? std::nullopt : std::optional<QString>(*name);
        }
        const std::optional<QStringList> arguments = argumentList(depth);
        if (!arguments)
            return std::nullopt;
        return call(callee.section(QLatin1Char('.'), -1), *arguments);
    }

    std::optional<QString> call(const QString &function, const QStringList &arguments) const
    {
        if (function == QLatin1String("getcwd") && arguments.isEmpty())
            return m_workingDirectory;
        if (function == QLatin1String("join") && !arguments.isEmpty()) {
            QString path = arguments.first();
            for (const QString &part : arguments.mid(1))
                path = joined(path, part);
            return path;
        }
        if (function == QLatin1String("joinpath") || arguments.size() != 1)
            return std::nullopt;
        const QString &argument = arguments.first();
        if (function == QLatin1String("dirname"))
            return parentOf(argument);
        if (function == QLatin1String("abspath") || function == QLatin1String("normpath"))
            return function == QLatin1String("abspath") ? absolute(argument) : QDir::cleanPath(argument);
        if (function == QLatin1String("realpath"))
            return realPath(absolute(argument));
        if (function == QLatin1String("str") || function == QLatin1String("fspath") || function == QLatin1String("Path")
            || function == QLatin1String("PurePath") || function == QLatin1String("PosixPath"))
            return argument;
        return std::nullopt;
    }

    TokenSpan m_tokens;
    std::size_t m_pos = 0;
    const QString &m_envPath;
    const QString &m_workingDirectory;
    const QHash<QString, QString> &m_names;
};

} // namespace

QStringList EnvSysPath::read(const QString &envPath, const QString &workingDirectory)
{
    std::vector<char> buffer;
    const SourceFileRead read = readSourceFile(envPath, MigrationParser::maximumFileSize, buffer);
    if (!read.ok())
        return {};
    return fromSource(envPath, std::string_view(buffer.data(), read.filled), workingDirectory);
}

QStringList EnvSysPath::fromSource(const QString &envPath, std::string_view source, const QString &workingDirectory)
{
    QStringList entries;
    QHash<QString, QString> names; // module-level names holding a path: here = os.path.dirname(__file__)
    PythonLexer lexer(source);
    std::vector<PythonToken> tokens;
    auto evaluate = [&](TokenSpan expression) {
        return PathExpression(expression, envPath, workingDirectory, names).evaluate();
    };
    while (lexer.nextModuleLevelLine(tokens)) {
        for (const TokenSpan statement : splitTopLevel(tokens, ";")) {
            const std::vector<TokenSpan> sides = splitTopLevel(statement, "=");
            if (sides.size() == 2 && sides[0].size() == 1 && sides[0][0].kind == PythonToken::Kind::Name) {
                const QString name = text(sides[0][0]);
                if (const std::optional<QString> path = evaluate(sides[1]))
                    names.insert(name, *path);
                else
                    names.remove(name);
                continue;
            }
            // sys.path.insert(N, path) / sys.path.append(path)
            if (statement.size() < 8 || !isName(statement[0], "sys") || !isOperator(statement[1], ".")
                || !isName(statement[2], "path") || !isOperator(statement[3], ".") || !isOperator(statement[5], "(")
                || !isOperator(statement.back(), ")"))
                continue;
            const std::vector<TokenSpan> arguments = splitTopLevel(statement.subspan(6, statement.size() - 7), ",");
            std::optional<QString> path;
            qsizetype position = entries.size();
            if (isName(statement[4], "append") && arguments.size() == 1) {
                path = evaluate(arguments[0]);
            } else if (isName(statement[4], "insert") && arguments.size() == 2 && arguments[0].size() == 1
                       && arguments[0][0].kind == PythonToken::Kind::Number) {
                path = evaluate(arguments[1]);
                position = std::min<qsizetype>(entries.size(), text(arguments[0][0]).toInt());
            }
            if (!path || path->isEmpty())
                continue;
            const QString directory = QDir::cleanPath(QDir(workingDirectory).absoluteFilePath(*path));
            entries.removeAll(directory);
            entries.insert(std::clamp<qsizetype>(position, 0, entries.size()), directory);
        }
    }
    return entries;
}

} // namespace headway
