#include "MigrationParser.h"

#include "PythonLexer.h"
#include "PythonLiteral.h"
#include "SourceEncoding.h"
#include "SourceFile.h"
#include "SymbolicValue.h"
#include "report/RevisionName.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstring>
#include <optional>

namespace headway {

namespace {

using TokenSpan = std::span<const PythonToken>;

bool isFormatString(std::string_view token)
{
    for (char c : token) {
        if (c == '\'' || c == '"')
            return false;
        if ((c | 0x20) == 'f')
            return true;
    }
    return false;
}

// The "Revision ID:" and "Revises:" lines of Alembic's template, to compare
// with the variables (which are what Alembic uses).
struct DocstringHeaders {
    QString revision;
    int revisionLine = 0;
    std::optional<QString> revises;
    int revisesLine = 0;
};

class FileReader
{
public:
    explicit FileReader(MigrationFile &file)
        : m_file(file)
    {
    }

    void read(std::string_view source)
    {
        PythonLexer lexer(source);
        thread_local std::vector<PythonToken> tokens;
        bool firstStatement = true;
        while (lexer.nextModuleLevelLine(tokens)) {
            for (const TokenSpan statement : splitTopLevel(tokens, ";")) {
                if (statement.empty())
                    continue;
                if (firstStatement)
                    readDocstring(statement);
                firstStatement = false;
                readAssignment(statement);
                ++m_statement;
            }
        }
        readBindingsIfNeeded(source);
        if (lexer.error()) {
            m_syntaxError = true;
            m_file.diagnostics += Diagnostic::error(
                QStringLiteral("syntax-error"),
                QStringLiteral("Python cannot import this file: %1")
                    .arg(QString::fromStdString(lexer.error()->message)),
                m_file.path, lexer.error()->line,
                QStringLiteral("Fix the syntax error (a merge conflict left in the file?); "
                               "identifiers read before that line are still shown."));
        }
    }

private:
    // The imports and constants a symbolic value may name, in a second pass: most
    // files assign only literals, and evaluating every module-level assignment of
    // every file (some hold megabytes of SQL) would slow down every load.
    void readBindingsIfNeeded(std::string_view source)
    {
        // Each symbolic value and the statement that assigns it (noted by the first pass).
        std::vector<std::pair<AssignedValue *, qsizetype>> symbolic;
        for (AssignedValue *value : {&m_file.revision, &m_file.downRevision, &m_file.branchLabels, &m_file.dependsOn})
            if (!value->symbolic.isEmpty())
                symbolic.emplace_back(value, value->symbolic.visibleBindings);
        if (symbolic.empty())
            return;
        PythonLexer lexer(source);
        std::vector<PythonToken> tokens;
        qsizetype statement = 0;
        while (lexer.nextModuleLevelLine(tokens)) {
            for (const TokenSpan part : splitTopLevel(tokens, ";")) {
                if (part.empty())
                    continue;
                for (const auto &[value, assignedAt] : symbolic)
                    if (assignedAt == statement) // it sees what the statements before it bound
                        value->symbolic.visibleBindings = m_file.bindings.size();
                readBindings(part, m_file.bindings);
                ++statement;
            }
        }
    }

    void readDocstring(TokenSpan statement)
    {
        QString docstring;
        for (const PythonToken &token : statement) {
            QString part;
            if (token.kind != PythonToken::Kind::String || isFormatString(token.text)
                || !decodePythonString(token.text, part))
                return; // not a plain str constant, so Python sets no __doc__
            docstring += part;
        }
        m_file.docLine = statement.front().line;
        m_file.longDoc = docstring.trimmed();
        const qsizetype paragraphEnd = m_file.longDoc.indexOf(QLatin1String("\n\n"));
        m_file.doc = paragraphEnd < 0 ? m_file.longDoc : m_file.longDoc.left(paragraphEnd);
        readHeaders(docstring);
    }

    // The "Revision ID:", "Revises:" and "Create Date:" lines Alembic's template writes.
    void readHeaders(const QString &docstring)
    {
        int i = 0;
        for (const QStringView rawLine : QStringTokenizer(docstring, QLatin1Char('\n'))) {
            const QStringView line = rawLine.trimmed();
            const int lineNumber = m_file.docLine + i++;
            if (line.startsWith(QLatin1String("Create Date:"))) {
                m_file.createDate = line.mid(12).trimmed().toString();
                m_file.createDateLine = lineNumber;
            } else if (line.startsWith(QLatin1String("Revision ID:"))) {
                m_headers.revision = line.mid(12).trimmed().toString();
                m_headers.revisionLine = lineNumber;
            } else if (line.startsWith(QLatin1String("Revises:"))) {
                m_headers.revises = line.mid(8).trimmed().toString();
                m_headers.revisesLine = lineNumber;
            }
        }
    }

    void readAssignment(TokenSpan statement)
    {
        const std::vector<TokenSpan> sides = splitTopLevel(statement, "=");
        if (sides.size() < 2)
            return;
        const TokenSpan value = sides.back();
        for (std::size_t i = 0; i + 1 < sides.size(); ++i) {
            TokenSpan target = sides[i];
            // Annotated assignment: "name: Type = value".
            if (sides.size() == 2 && target.size() >= 2 && isOperator(target[1], ":"))
                target = target.first(1);
            assignTargets(target, value);
        }
    }

    void assignTargets(TokenSpan target, TokenSpan value)
    {
        if (target.size() == 1) {
            if (target[0].kind == PythonToken::Kind::Name && slotFor(target[0].text))
                assign(target[0], value, evaluateLiteral(value));
            return;
        }
        // Tuple unpacking: "revision, down_revision = 'a', 'b'".
        std::vector<const PythonToken *> names;
        for (std::size_t i = 0; i < target.size(); ++i) {
            if (i % 2 == 0 && target[i].kind == PythonToken::Kind::Name)
                names.push_back(&target[i]);
            else if (i % 2 == 1 && isOperator(target[i], ","))
                continue;
            else
                return;
        }
        const PythonLiteral values = evaluateLiteral(value);
        for (std::size_t i = 0; i < names.size(); ++i) {
            PythonLiteral element;
            if (values.kind == PythonLiteral::Kind::Sequence
                && values.strings.size() == static_cast<qsizetype>(names.size())) {
                element = {PythonLiteral::Kind::String, {values.strings.at(i)}, values.sourceText, {}};
            } else {
                element = {PythonLiteral::Kind::NotLiteral, {}, values.sourceText,
                           QStringLiteral("it is unpacked from an expression")};
            }
            assign(*names[i], value, element, false); // no symbolic form for unpacked parts
        }
    }

    AssignedValue *slotFor(std::string_view name)
    {
        if (name == "revision")
            return &m_file.revision;
        if (name == "down_revision")
            return &m_file.downRevision;
        if (name == "branch_labels")
            return &m_file.branchLabels;
        if (name == "depends_on")
            return &m_file.dependsOn;
        return nullptr;
    }

    void assign(const PythonToken &name, TokenSpan valueTokens, const PythonLiteral &literal,
                bool mayBeSymbolic = true)
    {
        AssignedValue *slot = slotFor(name.text);
        if (!slot)
            return;
        // Later assignments win, as when Python runs the module.
        *slot = AssignedValue{};
        slot->present = true;
        slot->line = name.line;
        slot->sourceText = tokensText(valueTokens);
        slot->literal = literal.kind != PythonLiteral::Kind::NotLiteral;
        slot->values = literal.strings;
        slot->notLiteralReason = literal.reason;
        if (!slot->literal && mayBeSymbolic) {
            slot->symbolic = evaluateSymbolic(valueTokens);
            slot->symbolic.visibleBindings = m_statement; // made a binding count by readBindingsIfNeeded()
        }
    }

public:
    const DocstringHeaders &headers() const { return m_headers; }
    bool syntaxError() const { return m_syntaxError; }

private:
    DocstringHeaders m_headers;
    bool m_syntaxError = false;
    MigrationFile &m_file;
    qsizetype m_statement = 0; // module-level statements read so far
};

// Alembic's alembic_version.version_num is String(32): a longer id is refused by
// PostgreSQL and MySQL on upgrade, and SQLite keeps it silently.
constexpr qsizetype longestStoredRevision = 32;

// `syntaxError`: Python cannot import the file at all, so identifiers after the error
// are unknown rather than missing; the syntax error is the one problem to report.
void checkIdentifiers(MigrationFile &file, bool emptySource, bool syntaxError)
{
    const QString fileName = QFileInfo(file.path).fileName();
    auto nonLiteral = [&](const AssignedValue &value, const QString &name, Severity severity,
                          const QString &consequence) {
        Diagnostic d{severity, QStringLiteral("non-literal-value"),
                     QStringLiteral("`%1 = %2` is not a literal (%3); %4")
                         .arg(name, displayedText(value.sourceText, 200), value.notLiteralReason, consequence),
                     file.path, value.line,
                     QStringLiteral("Write the value literally, or resolve it with the project's "
                                    "interpreter on request (`headway-cli resolve`, or Resolve with Python "
                                    "in Headway); Headway never runs migration code by itself.")};
        file.diagnostics += d;
    };

    if (!file.revision.present) {
        static const QRegularExpression legacyName(QStringLiteral("^([a-f0-9]+)\\.py$"));
        const auto match = legacyName.match(fileName);
        if (match.hasMatch()) {
            // Alembic 0.1 named files after their revision; Alembic still accepts that.
            file.revision = AssignedValue{};
            file.revision.present = file.revision.literal = true;
            file.revision.values = {match.captured(1)};
            file.revision.sourceText = fileName;
        } else if (emptySource) {
            file.diagnostics += Diagnostic::error(
                QStringLiteral("empty-file"),
                QStringLiteral("%1 is empty, so it declares no revision; Alembic stops with "
                               "\"Could not determine revision id from filename %1\"")
                    .arg(fileName),
                file.path, 0,
                QStringLiteral("Restore the file from version control (git log -- %1), or move "
                               "it out of the versions directory if it is not a migration.")
                    .arg(fileName));
        } else if (!syntaxError) {
            file.diagnostics += Diagnostic::error(
                QStringLiteral("no-revision-variable"),
                QStringLiteral("Could not determine revision id from filename %1. Be sure the "
                               "'revision' variable is declared inside the script.")
                    .arg(fileName),
                file.path, 0,
                QStringLiteral("Add `revision = \"<id>\"` at module level, or move the file out "
                               "of the versions directory if it is not a migration."));
        }
    } else if (!file.revision.literal) {
        nonLiteral(file.revision, QStringLiteral("revision"), Severity::Error,
                   QStringLiteral("this file is left out of the graph"));
    } else if (file.revision.values.size() != 1 || file.revision.values.first().isEmpty()) {
        file.diagnostics += Diagnostic::error(
            QStringLiteral("invalid-revision"),
            QStringLiteral("`revision = %1` is not a single revision id; this file is left out "
                           "of the graph")
                .arg(displayedText(file.revision.sourceText, 200)),
            file.path, file.revision.line,
            QStringLiteral("Set `revision` to one string, the id used in the file name."));
    }

    if (file.hasRevision() && file.revisionId().size() > longestStoredRevision) {
        file.diagnostics += Diagnostic::warning(
            QStringLiteral("revision-id-too-long"),
            QStringLiteral("Revision id %1 is %2 characters long; alembic_version.version_num holds %3, so "
                           "upgrading to it fails on PostgreSQL and MySQL (SQLite stores it silently)")
                .arg(displayedId(file.revisionId()))
                .arg(file.revisionId().size())
                .arg(longestStoredRevision),
            file.path, file.revision.line,
            QStringLiteral("Use an id of at most %1 characters (Alembic writes 12 hex digits), or widen "
                           "alembic_version.version_num (ALTER TABLE) on every database before upgrading.")
                .arg(longestStoredRevision));
    }
    if (file.hasRevision() && !file.downRevision.present && !syntaxError) {
        file.diagnostics += Diagnostic::error(
            QStringLiteral("missing-down-revision"),
            QStringLiteral("Revision %1 declares no down_revision; Alembic fails with "
                           "AttributeError: module has no attribute 'down_revision'")
                .arg(file.revisionId()),
            file.path, file.revision.line,
            QStringLiteral("Add `down_revision = None` for a first migration, or the id of the "
                           "revision it follows."));
    } else if (file.downRevision.present && !file.downRevision.literal) {
        nonLiteral(file.downRevision, QStringLiteral("down_revision"), Severity::Error,
                   QStringLiteral("the parents of this revision are unknown"));
    }
    if (file.branchLabels.present && !file.branchLabels.literal)
        nonLiteral(file.branchLabels, QStringLiteral("branch_labels"), Severity::Warning,
                   QStringLiteral("this revision's branch labels are unknown"));
    if (file.dependsOn.present && !file.dependsOn.literal)
        nonLiteral(file.dependsOn, QStringLiteral("depends_on"), Severity::Warning,
                   QStringLiteral("this revision's dependencies are unknown"));

    // Empty strings mean "none" to Alembic; drop them so they never look like ids.
    for (AssignedValue *value : {&file.downRevision, &file.branchLabels, &file.dependsOn})
        value->values.removeAll(QString());
}

void checkHeaders(MigrationFile &file, const DocstringHeaders &headers)
{
    if (!file.hasRevision())
        return;
    if (!headers.revision.isEmpty() && headers.revision != file.revisionId()) {
        file.diagnostics += Diagnostic::note(
            QStringLiteral("header-mismatch"),
            QStringLiteral("The docstring says \"Revision ID: %1\" but `revision` is %2; Alembic "
                           "uses the variable")
                .arg(headers.revision, file.revisionId()),
            file.path, headers.revisionLine,
            QStringLiteral("Update the docstring header so readers are not misled."));
    }
    if (headers.revises && file.downRevision.literal) {
        // Alembic writes merges' headers as a tuple: "Revises: ('a1', 'b2')".
        QString revises = *headers.revises;
        for (const QChar c : {QLatin1Char('('), QLatin1Char(')'), QLatin1Char('['), QLatin1Char(']'),
                              QLatin1Char('\''), QLatin1Char('"')})
            revises.remove(c);
        QStringList header = revises.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString &id : header)
            id = id.trimmed();
        header.removeAll(QString());
        QStringList actual = file.downRevision.values;
        header.sort();
        actual.sort();
        if (header != actual) {
            file.diagnostics += Diagnostic::note(
                QStringLiteral("header-mismatch"),
                QStringLiteral("The docstring says \"Revises: %1\" but `down_revision` is %2; "
                               "Alembic uses the variable")
                    .arg(*headers.revises,
                         actual.isEmpty() ? QStringLiteral("None") : actual.join(QLatin1String(", "))),
                file.path, headers.revisesLine,
                QStringLiteral("Update the docstring header so readers are not misled."));
        }
    }
}

} // namespace

MigrationFile MigrationParser::parse(const QString &path, QByteArrayView source)
{
    MigrationFile file;
    file.path = path;
    if (std::memchr(source.data(), 0, source.size())) {
        file.diagnostics += Diagnostic::error(
            QStringLiteral("binary-file"),
            QStringLiteral("Python cannot import %1: it contains NUL bytes (a binary file, not "
                           "Python source)")
                .arg(QFileInfo(path).fileName()),
            path, 0,
            QStringLiteral("Move the file out of the versions directory; only migration "
                           "scripts belong there."));
        return file;
    }
    QByteArray converted;
    const SourceText text = decodeSource(path, source, converted, file.diagnostics);
    FileReader reader(file);
    reader.read(text.utf8);
    checkIdentifiers(file, text.blank, reader.syntaxError());
    checkHeaders(file, reader.headers());
    return file;
}

MigrationFile MigrationParser::parseFile(const QString &path)
{
    auto failed = [&](QString code, QString message, QString hint) {
        MigrationFile file;
        file.path = path;
        file.diagnostics += Diagnostic::error(std::move(code), std::move(message), path, 0,
                                              std::move(hint));
        return file;
    };
    // A per-thread buffer: loading tens of thousands of files reuses it.
    thread_local std::vector<char> buffer;
    const SourceFileRead read = readSourceFile(path, maximumFileSize, buffer);
    const QString fileName = QFileInfo(path).fileName();
    switch (read.problem) {
    case SourceFileRead::Problem::None:
        break;
    case SourceFileRead::Problem::Unreadable:
        return failed(QStringLiteral("unreadable-file"),
                      QStringLiteral("Cannot read %1: %2")
                          .arg(fileName, QString::fromLocal8Bit(std::strerror(read.error))),
                      QStringLiteral("Check the file's permissions and that it is not a broken "
                                     "symbolic link; the rest of the graph is still shown."));
    case SourceFileRead::Problem::NotAFile:
        return failed(QStringLiteral("not-a-file"), QStringLiteral("%1 is not a regular file").arg(fileName),
                      QStringLiteral("Move it out of the versions directory."));
    case SourceFileRead::Problem::TooLarge:
        return failed(QStringLiteral("file-too-large"),
                      QStringLiteral("%1 is %2 MB, far larger than any migration script; Headway "
                                     "does not read it")
                          .arg(fileName)
                          .arg(read.size / (1024 * 1024)),
                      QStringLiteral("Move data files out of the versions directory."));
    }
    return parse(path, QByteArrayView(buffer.data(), static_cast<qsizetype>(read.filled)));
}

} // namespace headway
