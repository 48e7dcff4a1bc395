#include "DatabaseEngine.h"

#include <QRegularExpression>
#include <QUrl>

namespace headway {

QString engineKey(DatabaseEngine engine)
{
    switch (engine) {
    case DatabaseEngine::Sqlite:
        return QStringLiteral("sqlite");
    case DatabaseEngine::PostgreSql:
        return QStringLiteral("postgresql");
    case DatabaseEngine::MariaDb:
        return QStringLiteral("mariadb");
    }
    return {};
}

QString engineDisplayName(DatabaseEngine engine)
{
    switch (engine) {
    case DatabaseEngine::Sqlite:
        return QStringLiteral("SQLite");
    case DatabaseEngine::PostgreSql:
        return QStringLiteral("PostgreSQL");
    case DatabaseEngine::MariaDb:
        return QStringLiteral("MariaDB");
    }
    return {};
}

std::optional<DatabaseEngine> engineFromKey(const QString &key)
{
    const QString text = key.trimmed().toLower();
    if (text == QLatin1String("sqlite"))
        return DatabaseEngine::Sqlite;
    if (text == QLatin1String("postgresql") || text == QLatin1String("postgres"))
        return DatabaseEngine::PostgreSql;
    if (text == QLatin1String("mariadb") || text == QLatin1String("mysql"))
        return DatabaseEngine::MariaDb;
    return std::nullopt;
}

DatabaseUrl DatabaseUrl::parse(const QString &url)
{
    // SQLAlchemy's own shape; the password may hold anything but '@' followed by a host.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^([A-Za-z0-9_]+)(?:\+([A-Za-z0-9_]+))?://(?:([^:/@]*)(?::(.*))?@)?(\[[^\]]*\]|[^:/?]*)(?::(\d+))?(?:/([^?]*))?(?:\?(.*))?$)"));
    DatabaseUrl parts;
    const QRegularExpressionMatch match = pattern.match(url.trimmed());
    if (!match.hasMatch())
        return parts;
    parts.dialect = match.captured(1).toLower();
    parts.driver = match.captured(2).toLower();
    parts.user = QUrl::fromPercentEncoding(match.captured(3).toUtf8());
    parts.password = match.captured(4);
    parts.host = match.captured(5);
    parts.port = match.captured(6).isEmpty() ? -1 : match.captured(6).toInt();
    parts.database = QUrl::fromPercentEncoding(match.captured(7).toUtf8());
    parts.query = match.captured(8);
    parts.valid = true;
    return parts;
}

std::optional<DatabaseEngine> DatabaseUrl::engine() const
{
    return valid ? engineFromKey(dialect) : std::nullopt;
}

namespace {

QString assemble(const DatabaseUrl &url, const QString &password)
{
    QString text = url.dialect;
    if (!url.driver.isEmpty())
        text += QLatin1Char('+') + url.driver;
    text += QLatin1String("://");
    if (!url.user.isEmpty() || !password.isEmpty()) {
        text += QString::fromUtf8(QUrl::toPercentEncoding(url.user));
        if (!password.isEmpty())
            text += QLatin1Char(':') + password;
        text += QLatin1Char('@');
    }
    text += url.host;
    if (url.port >= 0)
        text += QLatin1Char(':') + QString::number(url.port);
    if (!url.database.isEmpty() || !url.query.isEmpty())
        text += QLatin1Char('/') + QString::fromUtf8(QUrl::toPercentEncoding(url.database));
    if (!url.query.isEmpty())
        text += QLatin1Char('?') + url.query;
    return text;
}

} // namespace

QString DatabaseUrl::withDatabase(const QString &name) const
{
    DatabaseUrl copy = *this;
    copy.database = name;
    return copy.toString();
}

QString DatabaseUrl::toString() const
{
    return assemble(*this, password);
}

QString DatabaseUrl::shown() const
{
    return assemble(*this, password.isEmpty() ? QString() : QStringLiteral("***"));
}

} // namespace headway
