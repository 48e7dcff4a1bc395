// Fidelity of the operations reader: for every committed migration (the demo's
// and the fixtures' real `flask db migrate` output) and for hand-written files
// covering every operation form, Headway's static reading must list the
// operations Alembic itself makes when the file's upgrade() and downgrade()
// run (tests/oracle/operations_oracle.py records them instead of running
// them): the same ones, in the same order, with the same kind, line, table,
// schema, names and columns. A call Headway leaves NotAnalysed fails only
// where Alembic made an operation. Alembic is found by interpreter discovery.
#include "OperationForms.h"
#include "TestFiles.h"
#include "operations/OperationReader.h"
#include "runner/InterpreterDiscovery.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list += v.toString();
    return list;
}

QString quoted(const QStringList &list)
{
    return QLatin1Char('[') + list.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString describe(const QJsonObject &alembic)
{
    return QStringLiteral("%1 %2 (line %3)")
        .arg(alembic.value(QStringLiteral("op")).toString(), alembic.value(QStringLiteral("table")).toString())
        .arg(alembic.value(QStringLiteral("line")).toInt());
}

QString columnText(const QString &name, bool index, bool unique, const QString &foreignKey)
{
    return name + (index ? QStringLiteral(" index") : QString()) + (unique ? QStringLiteral(" unique") : QString())
           + (foreignKey.isEmpty() ? QString() : QStringLiteral(" -> ") + foreignKey);
}

// One operation's differences, field by field, in words.
QStringList differences(const MigrationOperation &headway, const QJsonObject &alembic)
{
    QStringList found;
    auto compare = [&](const char *key, const QString &ours, const QString &theirs) {
        if (ours != theirs)
            found += QStringLiteral("%1: Headway '%2', Alembic '%3'").arg(QLatin1String(key), ours, theirs);
    };
    auto compareString = [&](const char *key, const QString &ours) { compare(key, ours, alembic.value(QLatin1String(key)).toString()); };
    auto compareList = [&](const char *key, const QStringList &ours) { compare(key, quoted(ours), quoted(strings(alembic.value(QLatin1String(key))))); };
    compareString("kind", operationKindName(headway.kind));
    compare("line", QString::number(headway.line), QString::number(alembic.value(QStringLiteral("line")).toInt()));
    compare("batch", QVariant(headway.batch).toString(), QVariant(alembic.value(QStringLiteral("batch")).toBool()).toString());
    compareString("table", headway.table);
    compareString("schema", headway.schema);
    compareString("name", headway.name);
    compareString("new_name", headway.newName);
    compareString("referred_table", headway.referredTable);
    compareString("constraint_type", headway.constraintType);
    compareList("columns", headway.columns);
    compareList("changes", headway.changes);

    QStringList ours, theirs;
    for (const ColumnSpec &c : headway.tableColumns)
        ours += columnText(c.name, c.index, c.unique, c.foreignKey);
    for (const QJsonValue &v : alembic.value(QStringLiteral("table_columns")).toArray()) {
        const QJsonObject c = v.toObject();
        theirs += columnText(c.value(QStringLiteral("name")).toString(), c.value(QStringLiteral("index")).toBool(),
                             c.value(QStringLiteral("unique")).toBool(), c.value(QStringLiteral("foreign_key")).toString());
    }
    compare("table_columns", quoted(ours), quoted(theirs));

    ours.clear();
    theirs.clear();
    for (const InlineConstraint &c : headway.inlineConstraints)
        ours += QStringLiteral("%1 %2 (%3)").arg(c.kind, c.name, c.columns.join(QLatin1Char(',')));
    for (const QJsonValue &v : alembic.value(QStringLiteral("inline_constraints")).toArray()) {
        const QJsonObject c = v.toObject();
        theirs += QStringLiteral("%1 %2 (%3)").arg(c.value(QStringLiteral("kind")).toString(), c.value(QStringLiteral("name")).toString(),
                                                  strings(c.value(QStringLiteral("columns"))).join(QLatin1Char(',')));
    }
    compare("inline_constraints", quoted(ours), quoted(theirs));
    return found;
}

// Everything that differs between Headway's reading of one body and the operations Alembic recorded.
QStringList mismatches(const QString &body, const QList<MigrationOperation> &headway, const QJsonArray &alembicOps)
{
    QList<QJsonObject> alembic;
    for (const QJsonValue &v : alembicOps)
        alembic += v.toObject();
    QStringList problems;
    QList<const MigrationOperation *> read;
    for (const MigrationOperation &operation : headway) {
        if (operation.kind != MigrationOperation::Kind::NotAnalysed) {
            read += &operation;
            continue;
        }
        // Not analysed is right where Alembic made nothing (get_bind(), a loop header, ...).
        for (qsizetype i = 0; i < alembic.size();) {
            const int line = alembic.at(i).value(QStringLiteral("line")).toInt();
            if (line >= operation.line && line <= std::max(operation.line, operation.endLine)) {
                problems += QStringLiteral("%1: Headway did not read `%2`, where Alembic made %3")
                                .arg(body, operation.text, describe(alembic.at(i)));
                alembic.removeAt(i);
            } else {
                ++i;
            }
        }
    }
    if (read.size() != alembic.size()) {
        QStringList ours, theirs;
        for (const MigrationOperation *operation : read)
            ours += QStringLiteral("%1@%2").arg(operationKindName(operation->kind)).arg(operation->line);
        for (const QJsonObject &operation : alembic)
            theirs += QStringLiteral("%1@%2").arg(operation.value(QStringLiteral("kind")).toString()).arg(operation.value(QStringLiteral("line")).toInt());
        problems += QStringLiteral("%1: Headway read %2 operations %3, Alembic made %4 %5")
                        .arg(body).arg(read.size()).arg(quoted(ours)).arg(alembic.size()).arg(quoted(theirs));
        return problems;
    }
    for (qsizetype i = 0; i < read.size(); ++i)
        for (const QString &difference : differences(*read.at(i), alembic.at(i)))
            problems += QStringLiteral("%1 #%2 (%3): %4").arg(body).arg(i + 1).arg(describe(alembic.at(i)), difference);
    return problems;
}

MigrationOperations readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const QByteArray source = file.readAll();
    return OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
}

} // namespace

class TestOperationsOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aDifferenceFailsTheComparison();
    void handWrittenFormsCoverEveryKind();
    void matchesAlembic_data();
    void matchesAlembic();

private:
    QTemporaryDir m_workspace;
    QStringList m_files;                  // labels, in the order the oracle ran them
    QHash<QString, QString> m_paths;      // label -> path
    QHash<QString, QJsonObject> m_oracle; // path -> what Alembic made
};

void TestOperationsOracle::initTestCase()
{
    QVERIFY(m_workspace.isValid());
    m_workspace.setAutoRemove(qEnvironmentVariableIsEmpty("HEADWAY_KEEP_TEST_FILES"));
    const InterpreterChoice python = InterpreterDiscovery::find(m_workspace.path(), {QStringLiteral("alembic")});
    QVERIFY2(python.found(), qPrintable(python.explanation({QStringLiteral("alembic")})));

    auto add = [this](const QString &label, const QString &path) {
        m_files += label;
        m_paths.insert(label, path);
    };
    const QDir demo(QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo/migrations/versions"));
    for (const QString &name : demo.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
        add(QStringLiteral("demo/") + name, demo.filePath(name));
    const QDir fixtures(QStringLiteral(HEADWAY_TESTS_DIR "/fixtures"));
    for (const QString &app : fixtures.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir versions(fixtures.filePath(app + QStringLiteral("/migrations/versions")));
        for (const QString &name : versions.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name))
            add(app + QLatin1Char('/') + name, versions.filePath(name));
    }
    QVERIFY2(m_files.size() >= 20, "the demo's and the fixtures' migrations are missing");
    for (const test::OperationForm &form : test::operationForms()) {
        const QString path = m_workspace.filePath(form.name + QStringLiteral(".py"));
        test::writeFile(path, test::operationFormSource(form));
        add(QStringLiteral("forms/") + form.name, path);
    }

    // One oracle process for every file.
    QProcess oracle;
    oracle.start(python.path, {QStringLiteral(HEADWAY_TESTS_DIR "/oracle/operations_oracle.py"), QStringLiteral("--stdin")});
    QVERIFY2(oracle.waitForStarted(), qPrintable(oracle.errorString()));
    for (const QString &label : std::as_const(m_files))
        oracle.write(QDir::cleanPath(QFileInfo(m_paths.value(label)).absoluteFilePath()).toUtf8() + '\n');
    oracle.closeWriteChannel();
    QVERIFY2(oracle.waitForFinished(120000), "the operations oracle did not finish within 2 minutes");
    QVERIFY2(oracle.exitStatus() == QProcess::NormalExit && oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    for (const QByteArray &line : oracle.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject answer = QJsonDocument::fromJson(line).object();
        m_oracle.insert(answer.value(QStringLiteral("file")).toString(), answer);
    }
    QCOMPARE(m_oracle.size(), m_files.size());
    qInfo("Alembic (%s) ran %lld migration files", qPrintable(python.path), static_cast<long long>(m_oracle.size()));
}

void TestOperationsOracle::aDifferenceFailsTheComparison()
{
    MigrationOperation headway;
    headway.kind = MigrationOperation::Kind::AddColumn;
    headway.line = 21;
    headway.table = QStringLiteral("account");
    headway.name = QStringLiteral("timezone");
    headway.tableColumns += ColumnSpec{QStringLiteral("timezone"), {}, false, false, {}};
    const QJsonObject alembic{{QStringLiteral("op"), QStringLiteral("AddColumnOp")}, {QStringLiteral("kind"), QStringLiteral("add_column")},
                              {QStringLiteral("line"), 21}, {QStringLiteral("table"), QStringLiteral("account")},
                              {QStringLiteral("name"), QStringLiteral("timezone")},
                              {QStringLiteral("table_columns"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("timezone")}}}}};
    QVERIFY(mismatches(QStringLiteral("upgrade"), {headway}, QJsonArray{alembic}).isEmpty());

    MigrationOperation otherSchema = headway;
    otherSchema.schema = QStringLiteral("app");
    QCOMPARE(mismatches(QStringLiteral("upgrade"), {otherSchema}, QJsonArray{alembic}),
             QStringList{"upgrade #1 (AddColumnOp account (line 21)): schema: Headway 'app', Alembic ''"});
    MigrationOperation unread;
    unread.line = unread.endLine = 21;
    unread.text = QStringLiteral("op.add_column(t, c)");
    QCOMPARE(mismatches(QStringLiteral("upgrade"), {unread}, QJsonArray{alembic}),
             QStringList{"upgrade: Headway did not read `op.add_column(t, c)`, where Alembic made AddColumnOp account (line 21)"});
    unread.line = unread.endLine = 20; // nothing Alembic did there: fine, but the add_column is missing
    QCOMPARE(mismatches(QStringLiteral("upgrade"), {unread}, QJsonArray{alembic}).size(), 1);
}

void TestOperationsOracle::handWrittenFormsCoverEveryKind()
{
    QSet<QString> kinds;
    for (const QString &label : std::as_const(m_files)) {
        if (!label.startsWith(QLatin1String("forms/")))
            continue;
        const QJsonObject answer = m_oracle.value(QDir::cleanPath(QFileInfo(m_paths.value(label)).absoluteFilePath()));
        for (const char *body : {"upgrade", "downgrade"})
            for (const QJsonValue &operation : answer.value(QLatin1String(body)).toArray())
                kinds += operation.toObject().value(QStringLiteral("kind")).toString() + (operation.toObject().value(QStringLiteral("batch")).toBool() ? QStringLiteral(" (batch)") : QString());
    }
    using Kind = MigrationOperation::Kind;
    for (int k = int(Kind::CreateTable); k < int(Kind::NotAnalysed); ++k)
        QVERIFY2(kinds.contains(operationKindName(Kind(k))), qPrintable(operationKindName(Kind(k)) + QStringLiteral(" has no hand-written form")));
    for (const Kind batchKind : {Kind::AddColumn, Kind::DropColumn, Kind::AlterColumn, Kind::CreateIndex, Kind::DropIndex,
                                 Kind::CreateUniqueConstraint, Kind::CreateForeignKey, Kind::CreateCheckConstraint,
                                 Kind::CreatePrimaryKey, Kind::DropConstraint, Kind::CreateTableComment})
        QVERIFY2(kinds.contains(operationKindName(batchKind) + QStringLiteral(" (batch)")),
                 qPrintable(operationKindName(batchKind) + QStringLiteral(" has no batch_op form")));
}

void TestOperationsOracle::matchesAlembic_data()
{
    QTest::addColumn<QString>("label");
    for (const QString &label : std::as_const(m_files))
        QTest::newRow(qPrintable(label)) << label;
}

void TestOperationsOracle::matchesAlembic()
{
    QFETCH(QString, label);
    const QString path = QDir::cleanPath(QFileInfo(m_paths.value(label)).absoluteFilePath());
    const QJsonObject alembic = m_oracle.value(path);
    const QJsonObject errors = alembic.value(QStringLiteral("errors")).toObject();
    QVERIFY2(errors.isEmpty(), qPrintable(QStringLiteral("Alembic could not run the file: ")
                                          + QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact))));
    const MigrationOperations headway = readFile(path);
    QVERIFY(headway.hasUpgrade && headway.hasDowngrade);
    const QStringList problems = mismatches(QStringLiteral("upgrade"), headway.upgrade, alembic.value(QStringLiteral("upgrade")).toArray())
                                 + mismatches(QStringLiteral("downgrade"), headway.downgrade, alembic.value(QStringLiteral("downgrade")).toArray());
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("\n  ") + problems.join(QStringLiteral("\n  "))));
}

QTEST_GUILESS_MAIN(TestOperationsOracle)
#include "tst_operationsoracle.moc"
