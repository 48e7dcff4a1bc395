#include "ModuleBindings.h"

#include "SymbolicValue.h"

namespace headway {

namespace {

using TokenSpan = std::span<const PythonToken>;

bool isAugmentedAssignment(const PythonToken &token)
{
    return token.kind == PythonToken::Kind::Operator && token.text.size() >= 2 && token.text.back() == '='
           && token.text != "==" && token.text != "<=" && token.text != ">=" && token.text != "!=";
}

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

// "a.b.c [as x]": the dotted name and the alias, or false when it is neither.
bool readAliased(TokenSpan tokens, QString &dotted, QString &alias)
{
    alias.clear();
    if (tokens.size() >= 3 && isName(tokens[tokens.size() - 2], "as")
        && tokens.back().kind == PythonToken::Kind::Name) {
        alias = text(tokens.back().text);
        tokens = tokens.first(tokens.size() - 2);
    }
    dotted = dottedName(tokens);
    return !dotted.isEmpty();
}

// import a.b.c, d.e as f
void readImport(TokenSpan statement, ModuleBindings &bindings)
{
    for (const TokenSpan part : splitTopLevel(statement.subspan(1), ",")) {
        QString module, alias;
        if (!readAliased(part, module, alias))
            continue;
        ModuleBinding binding;
        binding.kind = ModuleBinding::Kind::Import;
        binding.line = statement.front().line;
        binding.import.module = module;
        binding.import.topPackage = alias.isEmpty();
        binding.name = alias.isEmpty() ? module.section(QLatin1Char('.'), 0, 0) : alias;
        bindings += binding;
    }
}

// from ..a.b import (c, d as e)
void readFromImport(TokenSpan statement, ModuleBindings &bindings)
{
    std::size_t i = 1;
    int level = 0;
    for (; i < statement.size() && isOperator(statement[i], "."); ++i)
        ++level;
    std::size_t importAt = i;
    while (importAt < statement.size() && !isName(statement[importAt], "import"))
        ++importAt;
    if (importAt >= statement.size())
        return;
    const QString module = dottedName(statement.subspan(i, importAt - i));
    if (module.isEmpty() && (level == 0 || importAt != i))
        return;
    TokenSpan names = statement.subspan(importAt + 1);
    if (names.size() >= 2 && isOperator(names.front(), "(") && isOperator(names.back(), ")"))
        names = names.subspan(1, names.size() - 2);
    for (const TokenSpan part : splitTopLevel(names, ",")) {
        QString member, alias;
        if (!readAliased(part, member, alias) || member.contains(QLatin1Char('.')))
            continue; // `*` and anything Python would refuse
        ModuleBinding binding;
        binding.kind = ModuleBinding::Kind::Import;
        binding.line = statement.front().line;
        binding.name = alias.isEmpty() ? member : alias;
        binding.import = ModuleImport{module, member, level, false};
        bindings += binding;
    }
}

void addOther(const PythonToken &name, QString reason, ModuleBindings &bindings)
{
    ModuleBinding binding;
    binding.kind = ModuleBinding::Kind::Other;
    binding.name = text(name.text);
    binding.line = name.line;
    binding.value.reason = std::move(reason);
    bindings += binding;
}

// NAME = value, a = b = value, a, b = 'x', 'y', NAME: Type = value
void readAssignment(TokenSpan statement, ModuleBindings &bindings)
{
    const std::vector<TokenSpan> sides = splitTopLevel(statement, "=");
    if (sides.size() < 2)
        return;
    const PythonLiteral value = evaluateLiteral(sides.back());
    for (std::size_t s = 0; s + 1 < sides.size(); ++s) {
        TokenSpan target = sides[s];
        if (sides.size() == 2 && target.size() >= 2 && isOperator(target[1], ":"))
            target = target.first(1); // annotated
        std::vector<TokenSpan> names = splitTopLevel(target, ",");
        if (names.size() > 1 && names.back().empty())
            names.pop_back();
        const bool unpacked = names.size() > 1;
        for (std::size_t n = 0; n < names.size(); ++n) {
            if (names[n].size() != 1 || names[n][0].kind != PythonToken::Kind::Name)
                continue;
            ModuleBinding binding;
            binding.kind = ModuleBinding::Kind::Assignment;
            binding.name = text(names[n][0].text);
            binding.line = names[n][0].line;
            if (!unpacked) {
                binding.value = value;
            } else if (value.kind == PythonLiteral::Kind::Sequence
                       && value.strings.size() == static_cast<qsizetype>(names.size())) {
                binding.value = PythonLiteral{PythonLiteral::Kind::String, {value.strings.at(n)}, {}, {}};
            } else {
                binding.value = PythonLiteral{PythonLiteral::Kind::NotLiteral, {}, tokensText(sides.back()),
                                              QStringLiteral("it is unpacked from an expression")};
            }
            bindings += binding;
        }
    }
}

} // namespace

void readBindings(TokenSpan statement, ModuleBindings &bindings)
{
    if (statement.empty())
        return;
    const PythonToken &first = statement.front();
    if (isName(first, "import")) {
        readImport(statement, bindings);
    } else if (isName(first, "from")) {
        readFromImport(statement, bindings);
    } else if ((isName(first, "def") || isName(first, "class")) && statement.size() >= 2
               && statement[1].kind == PythonToken::Kind::Name) {
        addOther(statement[1], isName(first, "def") ? QStringLiteral("it is a function") : QStringLiteral("it is a class"),
                 bindings);
    } else if (isName(first, "async") && statement.size() >= 3 && isName(statement[1], "def")) {
        addOther(statement[2], QStringLiteral("it is a function"), bindings);
    } else if (first.kind == PythonToken::Kind::Name && statement.size() >= 2 && isAugmentedAssignment(statement[1])) {
        addOther(first, QStringLiteral("it is changed by `%1` on line %2").arg(text(statement[1].text)).arg(first.line),
                 bindings);
    } else {
        readAssignment(statement, bindings);
    }
}

const ModuleBinding *lastBinding(const ModuleBindings &bindings, const QString &name, qsizetype count)
{
    for (qsizetype i = std::min(count, bindings.size()) - 1; i >= 0; --i)
        if (bindings.at(i).name == name)
            return &bindings.at(i);
    return nullptr;
}

} // namespace headway
