#include "ModuleValueResolver.h"

#include "report/RevisionName.h"

namespace headway {

namespace {

QString listed(const QStringList &strings, bool none)
{
    return none ? QStringLiteral("None") : QStringLiteral("(%1)").arg(strings.join(QLatin1String(", ")));
}

} // namespace

ModuleValueResolver::ModuleValueResolver(ModuleConstants &constants)
    : m_constants(constants)
{
}

bool ModuleValueResolver::hasSymbolicValues(const MigrationFile &file)
{
    for (const AssignedValue *value : {&file.revision, &file.downRevision, &file.branchLabels, &file.dependsOn})
        if (value->present && !value->literal && !value->symbolic.isEmpty())
            return true;
    return false;
}

void ModuleValueResolver::resolve(MigrationFile &file)
{
    const std::pair<const char *, AssignedValue *> slots[] = {{"revision", &file.revision},
                                                              {"down_revision", &file.downRevision},
                                                              {"branch_labels", &file.branchLabels},
                                                              {"depends_on", &file.dependsOn}};
    for (const auto &[name, value] : slots)
        if (value->present && !value->literal && !value->symbolic.isEmpty())
            resolveValue(file, QString::fromLatin1(name), *value);
}

ModuleValueResolver::NameValue ModuleValueResolver::lookUp(const MigrationFile &file, const SymbolicValue &value,
                                                           const QString &reference)
{
    NameValue result;
    const QStringList parts = reference.split(QLatin1Char('.'));
    const ModuleBinding *binding = lastBinding(file.bindings, parts.first(), value.visibleBindings);
    if (!binding) {
        result.reason = QStringLiteral("`%1` is not imported or assigned at module level before it").arg(parts.first());
        return result;
    }
    auto fromModule = [&](const QString &module, const QString &name) {
        const ModuleConstant constant = m_constants.constant(module, name);
        result.value = constant.value;
        result.reason = constant.reason;
        result.origin = m_constants.searchPath().display(constant.modulePath);
        return result;
    };
    switch (binding->kind) {
    case ModuleBinding::Kind::Assignment:
        // A constant of the file itself, assigned before it is used.
        if (parts.size() > 1)
            result.reason =
                QStringLiteral("`%1` (line %2) is a value, not a module").arg(parts.first()).arg(binding->line);
        else if (binding->value.kind == PythonLiteral::Kind::NotLiteral)
            result.reason = QStringLiteral("`%1` (line %2) is not a literal: %3")
                                .arg(parts.first())
                                .arg(binding->line)
                                .arg(binding->value.reason);
        else
            result = {binding->value, m_constants.searchPath().display(file.path), {}};
        return result;
    case ModuleBinding::Kind::Other:
        result.reason = QStringLiteral("`%1` (line %2) is not a constant: %3")
                            .arg(parts.first())
                            .arg(binding->line)
                            .arg(binding->value.reason);
        return result;
    case ModuleBinding::Kind::Import:
        break;
    }
    const ModuleImport &import = binding->import;
    if (import.level > 0) {
        result.reason = QStringLiteral("the import of `%1` (line %2) is relative, and a migration file belongs to no "
                                       "package, so Python cannot import it either")
                            .arg(parts.first())
                            .arg(binding->line);
        return result;
    }
    const QString name = parts.last();
    if (import.member.isEmpty()) { // import a.b.c / import a.b as x
        if (parts.size() == 1) {
            result.reason =
                QStringLiteral("`%1` is a module (line %2), not a literal").arg(parts.first()).arg(binding->line);
            return result;
        }
        const QStringList inner = parts.mid(1, parts.size() - 2);
        const QString module = import.topPackage ? parts.mid(0, parts.size() - 1).join(QLatin1Char('.'))
                                                 : QStringList(QStringList{import.module} + inner).join(QLatin1Char('.'));
        return fromModule(module, name);
    }
    if (parts.size() == 1) // from a.b import NAME
        return fromModule(import.module, import.member);
    // from a.b import c, then c.NAME: c is a module
    const QString module = QStringList(QStringList{m_constants.submodule(import.module, import.member)}
                                       + parts.mid(1, parts.size() - 2))
                               .join(QLatin1Char('.'));
    return fromModule(module, name);
}

void ModuleValueResolver::resolveValue(MigrationFile &file, const QString &name, AssignedValue &value)
{
    QStringList strings;
    bool none = false;
    QHash<QString, QString> origins;
    QString failure;
    for (const SymbolicElement &element : std::as_const(value.symbolic.elements)) {
        if (!element.reference) {
            strings += element.text;
            continue;
        }
        const NameValue found = lookUp(file, value.symbolic, element.text);
        if (!found.reason.isEmpty()) {
            failure = QStringLiteral("%1: %2").arg(element.text, found.reason);
            break;
        }
        origins.insert(element.text, found.origin);
        const bool inSequence = value.symbolic.sequence;
        if (found.value.kind == PythonLiteral::Kind::String) {
            strings += found.value.strings;
        } else if (inSequence) {
            failure = QStringLiteral("%1 is %2, which cannot be an element here")
                          .arg(element.text, found.value.kind == PythonLiteral::Kind::None
                                                 ? QStringLiteral("None")
                                                 : QStringLiteral("a sequence %1").arg(listed(found.value.strings, false)));
            break;
        } else {
            strings = found.value.strings;
            none = found.value.kind == PythonLiteral::Kind::None;
        }
    }
    if (failure.isEmpty() && name == QLatin1String("revision") && (none || strings.size() != 1 || strings.first().isEmpty()))
        failure = QStringLiteral("it reads as %1, not a single revision id").arg(listed(strings, none));

    const QString written = QStringLiteral("`%1 = ").arg(name);
    auto isOwnDiagnostic = [&](const Diagnostic &d) {
        return d.code == QLatin1String("non-literal-value") && d.line == value.line && d.message.startsWith(written);
    };
    if (!failure.isEmpty()) {
        for (Diagnostic &d : file.diagnostics)
            if (isOwnDiagnostic(d))
                d.message += QStringLiteral(". Reading it from the project's modules failed: %1").arg(failure);
        return;
    }
    value.literal = true;
    value.values = strings;
    if (name != QLatin1String("revision"))
        value.values.removeAll(QString()); // empty strings mean "none" to Alembic, as for literals
    value.resolvedFromModule = origins;
    file.diagnostics.removeIf(isOwnDiagnostic);
    QStringList modules = origins.values();
    modules.removeDuplicates();
    modules.sort();
    file.diagnostics += Diagnostic::note(QStringLiteral("resolved-from-module"),
                                         QStringLiteral("`%1 = %2` was read statically from %3: %4")
                                             .arg(name, displayedText(value.sourceText, 200),
                                                  joinedNames(modules), displayedText(listed(value.values, none), 400)),
                                         file.path, value.line);
}

} // namespace headway
