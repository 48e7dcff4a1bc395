#include "Diagnostic.h"

#include <algorithm>

namespace headway {

namespace {
Diagnostic make(Severity severity, QString code, QString message, QString path, int line,
                QString hint)
{
    return Diagnostic{severity, std::move(code), std::move(message), std::move(path), line,
                      std::move(hint)};
}
} // namespace

Diagnostic Diagnostic::error(QString code, QString message, QString path, int line, QString hint)
{
    return make(Severity::Error, std::move(code), std::move(message), std::move(path), line,
                std::move(hint));
}

Diagnostic Diagnostic::warning(QString code, QString message, QString path, int line,
                               QString hint)
{
    return make(Severity::Warning, std::move(code), std::move(message), std::move(path), line,
                std::move(hint));
}

Diagnostic Diagnostic::note(QString code, QString message, QString path, int line, QString hint)
{
    return make(Severity::Note, std::move(code), std::move(message), std::move(path), line,
                std::move(hint));
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("error");
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace headway
