#include "CommandLine.h"

#include <QRegularExpression>

namespace headway {

QString shellQuote(const QString &text)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (!text.isEmpty() && safe.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString hidePassword(QString text)
{
    static const QRegularExpression password(QStringLiteral("(://[^:/@\\s]*:)[^@\\s]*@"));
    return text.replace(password, QStringLiteral("\\1***@"));
}

QString CommandLine::shellText() const
{
    QStringList parts;
    if (!workingDirectory.isEmpty())
        parts << QStringLiteral("cd") << shellQuote(workingDirectory) << QStringLiteral("&&");
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + shellQuote(hidePassword(it.value()));
    parts << shellQuote(program);
    for (const QString &argument : arguments)
        parts << shellQuote(hidePassword(argument));
    return parts.join(QLatin1Char(' '));
}

} // namespace headway
