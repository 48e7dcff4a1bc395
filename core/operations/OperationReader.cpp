#include "OperationReader.h"

#include "CallArguments.h"
#include "parser/PythonLexer.h"
#include "parser/PythonLiteral.h"

#include <QHash>

#include <optional>

namespace headway {

namespace {

std::optional<ColumnSpec> columnOf(Tokens tokens)
{
    const auto call = callOf(tokens);
    if (!call || call->first.section(QLatin1Char('.'), -1) != QLatin1String("Column"))
        return std::nullopt;
    ColumnSpec column;
    bool named = false;
    for (const Argument &argument : argumentsOf(call->second)) {
        if (argument.keyword == QLatin1String("index"))
            column.index = isTrue(argument.value);
        else if (argument.keyword == QLatin1String("unique"))
            column.unique = isTrue(argument.value);
        else if (argument.keyword == QLatin1String("name"))
            column.name = stringOf(argument.value).value_or(QString());
        else if (argument.keyword.isEmpty() && !named && stringOf(argument.value)) {
            column.name = *stringOf(argument.value);
            named = true;
        } else if (argument.keyword.isEmpty()) {
            const auto inner = callOf(argument.value);
            if (inner && inner->first.section(QLatin1Char('.'), -1) == QLatin1String("ForeignKey"))
                column.foreignKey = firstString(inner->second);
            else if (column.type.isEmpty())
                column.type = textOf(argument.value);
        } else if (argument.keyword == QLatin1String("type_")) {
            column.type = textOf(argument.value);
        }
    }
    return column;
}

std::optional<InlineConstraint> constraintOf(Tokens tokens)
{
    const auto call = callOf(tokens);
    if (!call)
        return std::nullopt;
    static const QHash<QString, QString> kinds{{QStringLiteral("UniqueConstraint"), QStringLiteral("unique")},
                                               {QStringLiteral("CheckConstraint"), QStringLiteral("check")},
                                               {QStringLiteral("ForeignKeyConstraint"), QStringLiteral("foreign-key")},
                                               {QStringLiteral("PrimaryKeyConstraint"), QStringLiteral("primary-key")},
                                               {QStringLiteral("Index"), QStringLiteral("index")}};
    const QString kind = kinds.value(call->first.section(QLatin1Char('.'), -1));
    if (kind.isEmpty())
        return std::nullopt;
    InlineConstraint constraint{kind, {}, {}};
    bool first = true;
    for (const Argument &argument : argumentsOf(call->second)) {
        if (argument.keyword == QLatin1String("name"))
            constraint.name = stringOf(argument.value).value_or(QString());
        else if (argument.keyword.isEmpty() && kind == QLatin1String("index") && first)
            constraint.name = stringOf(argument.value).value_or(QString()); // sa.Index("ix_name", "col")
        else if (argument.keyword.isEmpty() && kind != QLatin1String("check") && !(kind == QLatin1String("foreign-key") && !first))
            constraint.columns += stringsOf(argument.value);
        if (argument.keyword.isEmpty())
            first = false;
    }
    return constraint;
}

using Kind = MigrationOperation::Kind;

struct Signature {
    Kind kind;
    // Every parameter that may be given positionally, in Alembic's order (1.8's
    // Operations and BatchOperations): `op.drop_table("t", "app")` names the schema.
    const char *names;
    const char *batchNames; // the same inside batch_alter_table (the table is the batch's)
};

const QHash<QString, Signature> &signatures()
{
    static const QHash<QString, Signature> table{
        {QStringLiteral("create_table"), {Kind::CreateTable, "table_name", nullptr}},
        {QStringLiteral("drop_table"), {Kind::DropTable, "table_name schema", nullptr}},
        {QStringLiteral("rename_table"), {Kind::RenameTable, "old_table_name new_table_name schema", nullptr}},
        {QStringLiteral("add_column"), {Kind::AddColumn, "table_name column schema", "column insert_before insert_after"}},
        {QStringLiteral("drop_column"), {Kind::DropColumn, "table_name column_name schema", "column_name"}},
        {QStringLiteral("alter_column"),
         {Kind::AlterColumn,
          "table_name column_name nullable comment server_default new_column_name type_ existing_type "
          "existing_server_default existing_nullable existing_comment schema",
          "column_name nullable comment server_default new_column_name type_ existing_type existing_server_default "
          "existing_nullable existing_comment insert_before insert_after"}},
        {QStringLiteral("create_index"), {Kind::CreateIndex, "index_name table_name columns schema unique", "index_name columns"}},
        {QStringLiteral("drop_index"), {Kind::DropIndex, "index_name table_name schema", "index_name"}},
        {QStringLiteral("create_unique_constraint"),
         {Kind::CreateUniqueConstraint, "constraint_name table_name columns schema", "constraint_name columns"}},
        {QStringLiteral("create_foreign_key"),
         {Kind::CreateForeignKey,
          "constraint_name source_table referent_table local_cols remote_cols onupdate ondelete deferrable initially "
          "match source_schema referent_schema",
          "constraint_name referent_table local_cols remote_cols referent_schema onupdate ondelete deferrable initially match"}},
        {QStringLiteral("create_check_constraint"),
         {Kind::CreateCheckConstraint, "constraint_name table_name condition schema", "constraint_name condition"}},
        {QStringLiteral("create_primary_key"),
         {Kind::CreatePrimaryKey, "constraint_name table_name columns schema", "constraint_name columns"}},
        {QStringLiteral("drop_constraint"),
         {Kind::DropConstraint, "constraint_name table_name type_ schema", "constraint_name type_"}},
        {QStringLiteral("create_table_comment"),
         {Kind::CreateTableComment, "table_name comment existing_comment schema", "comment existing_comment"}},
        {QStringLiteral("bulk_insert"), {Kind::BulkInsert, "table rows multiinsert", nullptr}},
        {QStringLiteral("execute"), {Kind::Execute, "sqltext execution_options", "sqltext execution_options"}},
    };
    return table;
}

// What alter_column() is asked to change, by Alembic's meaning of "not given":
// None for type_, nullable and new_column_name, False for server_default and
// comment (None there drops the default or the comment).
QStringList alterChanges(const Arguments &arguments)
{
    static const std::pair<const char *, const char *> changes[]{
        {"type_", "type"}, {"nullable", "nullable"}, {"server_default", "server_default"}, {"comment", "comment"},
        {"new_column_name", "name"}};
    QStringList given;
    for (const auto &[parameter, change] : changes) {
        const QString name = QString::fromLatin1(parameter);
        if (!arguments.has(name))
            continue;
        const bool falseMeansUnset = name == QLatin1String("server_default") || name == QLatin1String("comment");
        if (falseMeansUnset ? !isFalse(arguments.tokens(name)) : !isNone(arguments.tokens(name)))
            given += QString::fromLatin1(change);
    }
    return given;
}

// The batch a `with op.batch_alter_table(...) as alias:` line opens.
struct Batch {
    int indentation = 0;
    QString alias;
    QString table;
    QString schema;
};

std::optional<Batch> batchOf(Tokens line, int indentation)
{
    // with <call> as <alias> :
    if (line.size() < 5 || !isName(line[0], "with") || !isOperator(line.back(), ":") || !isName(line[line.size() - 3], "as"))
        return std::nullopt;
    const auto call = callOf(line.subspan(1, line.size() - 4));
    if (!call || call->first != QLatin1String("op.batch_alter_table"))
        return std::nullopt;
    const Arguments arguments(call->second, {QStringLiteral("table_name"), QStringLiteral("schema")});
    const PythonToken &alias = line[line.size() - 2];
    return Batch{indentation, QString::fromUtf8(alias.text.data(), qsizetype(alias.text.size())),
                 arguments.string(QStringLiteral("table_name")), arguments.string(QStringLiteral("schema"))};
}

MigrationOperation notAnalysed(Tokens line)
{
    MigrationOperation operation;
    operation.line = line.front().line;
    operation.endLine = line.back().line;
    operation.text = textOf(line);
    return operation;
}

MigrationOperation operationOf(Tokens line, const Batch *batch)
{
    const auto call = callOf(line);
    const QString owner = call ? call->first.section(QLatin1Char('.'), 0, -2) : QString();
    const QString method = call ? call->first.section(QLatin1Char('.'), -1) : QString();
    const bool inBatch = batch && owner == batch->alias;
    if (!call || (!inBatch && owner != QLatin1String("op")) || !signatures().contains(method))
        return notAnalysed(line);
    const Signature &signature = signatures()[method];
    const char *names = inBatch ? signature.batchNames : signature.names;
    if (!names)
        return notAnalysed(line); // batch_op.create_table does not exist
    const Arguments arguments(call->second, QString::fromLatin1(names).split(QLatin1Char(' ')));
    MigrationOperation operation;
    operation.kind = signature.kind;
    operation.line = line.front().line;
    operation.endLine = line.back().line;
    operation.batch = inBatch;
    operation.table = inBatch ? batch->table : arguments.string(QStringLiteral("table_name"));
    operation.schema = inBatch ? batch->schema : arguments.string(QStringLiteral("schema"));
    switch (signature.kind) {
    case Kind::CreateTable:
        for (Tokens element : arguments.rest()) {
            if (const std::optional<ColumnSpec> column = columnOf(element))
                operation.tableColumns += *column;
            else if (const std::optional<InlineConstraint> constraint = constraintOf(element))
                operation.inlineConstraints += *constraint;
        }
        break;
    case Kind::RenameTable:
        operation.table = arguments.string(QStringLiteral("old_table_name"));
        operation.newName = arguments.string(QStringLiteral("new_table_name"));
        break;
    case Kind::AddColumn:
        if (const std::optional<ColumnSpec> column = columnOf(arguments.tokens(QStringLiteral("column")))) {
            operation.tableColumns += *column;
            operation.name = column->name;
        }
        break;
    case Kind::DropColumn:
        operation.name = arguments.string(QStringLiteral("column_name"));
        break;
    case Kind::AlterColumn:
        operation.name = arguments.string(QStringLiteral("column_name"));
        operation.changes = alterChanges(arguments);
        operation.newName = arguments.string(QStringLiteral("new_column_name"));
        break;
    case Kind::CreateIndex:
    case Kind::DropIndex:
        operation.name = arguments.string(QStringLiteral("index_name"));
        operation.columns = arguments.strings(QStringLiteral("columns"));
        break;
    case Kind::CreateForeignKey:
        operation.name = arguments.string(QStringLiteral("constraint_name"));
        if (!inBatch)
            operation.table = arguments.string(QStringLiteral("source_table"));
        operation.referredTable = arguments.string(QStringLiteral("referent_table"));
        operation.columns = arguments.strings(QStringLiteral("local_cols"));
        operation.schema = inBatch ? batch->schema : arguments.string(QStringLiteral("source_schema"));
        break;
    case Kind::CreateUniqueConstraint:
    case Kind::CreateCheckConstraint:
    case Kind::CreatePrimaryKey:
    case Kind::DropConstraint:
        operation.name = arguments.string(QStringLiteral("constraint_name"));
        operation.columns = arguments.strings(QStringLiteral("columns"));
        operation.constraintType = arguments.string(QStringLiteral("type_"));
        break;
    case Kind::BulkInsert:
        // op.bulk_insert(sa.table("name", ..., schema="app"), rows): the names when they are written there.
        if (const auto table = callOf(arguments.tokens(QStringLiteral("table")))) {
            operation.table = firstString(table->second);
            operation.schema = Arguments(table->second, {}).string(QStringLiteral("schema"));
        }
        break;
    case Kind::Execute:
        operation.text = textOf(arguments.tokens(QStringLiteral("sqltext")));
        break;
    default:
        break;
    }
    if (operation.kind != Kind::Execute && operation.kind != Kind::BulkInsert && operation.table.isEmpty()
        && operation.kind != Kind::DropIndex)
        return notAnalysed(line); // a table held in a variable: not guessed
    return operation;
}

// `# headway: ignore[code-a, code-b]` comments by line; a bare `# headway: ignore` silences all ("*").
QHash<int, QStringList> ignoreComments(std::string_view source)
{
    QHash<int, QStringList> byLine;
    static constexpr std::string_view marker = "headway: ignore";
    if (source.find(marker) == std::string_view::npos)
        return byLine; // the usual case: one scan, nothing to record
    int line = 1;
    std::size_t start = 0;
    while (start <= source.size()) {
        const std::size_t end = std::min(source.find('\n', start), source.size());
        const std::string_view text = source.substr(start, end - start);
        const std::size_t hash = text.find('#');
        const std::size_t at = text.find(marker);
        if (hash != std::string_view::npos && at != std::string_view::npos && at > hash) {
            const std::string_view rest = text.substr(at + marker.size());
            QStringList codes;
            if (!rest.empty() && rest.front() == '[' && rest.find(']') != std::string_view::npos) {
                const QString inside = QString::fromUtf8(rest.data() + 1, qsizetype(rest.find(']') - 1));
                for (const QString &code : inside.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    codes += code.trimmed();
            } else {
                codes += QStringLiteral("*");
            }
            byLine[line] += codes;
        }
        if (end == source.size())
            break;
        start = end + 1;
        ++line;
    }
    return byLine;
}

void applyIgnoreComments(QList<MigrationOperation> &operations, const QHash<int, QStringList> &comments)
{
    if (comments.isEmpty())
        return;
    for (MigrationOperation &operation : operations)
        for (int line = operation.line; line <= std::max(operation.line, operation.endLine); ++line)
            operation.ignored += comments.value(line);
}

bool isIgnorable(Tokens line)
{
    return (line.size() == 1 && (isName(line[0], "pass") || line[0].kind == PythonToken::Kind::String))
           || (line.size() == 1 && isOperator(line[0], "..."));
}

} // namespace

MigrationOperations OperationReader::read(std::string_view source)
{
    MigrationOperations result;
    PythonLexer lexer(source);
    std::vector<PythonToken> tokens;
    int indentation = 0;
    QList<MigrationOperation> *body = nullptr;
    std::vector<Batch> batches;
    while (lexer.nextLogicalLine(tokens, indentation)) {
        const Tokens line(tokens);
        if (indentation == 0) {
            batches.clear();
            body = nullptr;
            if (line.size() >= 3 && isName(line[0], "def") && isOperator(line[2], "(")) {
                if (isName(line[1], "upgrade")) {
                    body = &result.upgrade;
                    result.hasUpgrade = true;
                } else if (isName(line[1], "downgrade")) {
                    body = &result.downgrade;
                    result.hasDowngrade = true;
                }
            }
            continue;
        }
        if (!body)
            continue;
        while (!batches.empty() && indentation <= batches.back().indentation)
            batches.pop_back();
        if (std::optional<Batch> batch = batchOf(line, indentation)) {
            batches.push_back(*batch);
            continue;
        }
        if (isIgnorable(line))
            continue;
        // `a; b` on one line: each statement on its own.
        for (Tokens statement : splitTopLevel(line, ";"))
            if (!statement.empty() && !isIgnorable(statement))
                *body += operationOf(statement, batches.empty() ? nullptr : &batches.back());
    }
    if (lexer.error()) {
        MigrationOperation broken;
        broken.line = broken.endLine = lexer.error()->line;
        broken.text = QStringLiteral("syntax error: ") + QString::fromStdString(lexer.error()->message);
        (body ? *body : result.upgrade) += broken;
    }
    const QHash<int, QStringList> comments = ignoreComments(source);
    applyIgnoreComments(result.upgrade, comments);
    applyIgnoreComments(result.downgrade, comments);
    return result;
}

} // namespace headway
