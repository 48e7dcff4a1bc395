// Packed operations (what RepositoryOperations keeps for every file) unpack to
// exactly what the reader read: on every migration file in the repository's
// fixtures and demo, on generated Flask-Migrate histories, and on an operation
// with every field set, repeated strings and text outside ASCII. Damaged
// packings unpack to a prefix, never crash.
#include "operations/OperationPacking.h"
#include "operations/RepositoryOperations.h"
#include "repository/RepositoryLoader.h"

#include "HistoryGenerator.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

MigrationOperation everyField(int line)
{
    MigrationOperation operation;
    operation.kind = MigrationOperation::Kind::CreateTable;
    operation.line = line;
    operation.endLine = line + 7;
    operation.batch = true;
    operation.table = QStringLiteral("Benutzer_ü");
    operation.schema = QStringLiteral("app");
    operation.name = QStringLiteral("uq_email");
    operation.newName = QStringLiteral("users_2");
    operation.referredTable = QStringLiteral("app"); // the same text as the schema: referred to
    operation.constraintType = QStringLiteral("unique");
    operation.columns = {QStringLiteral("email"), QString(), QStringLiteral("email")};
    operation.changes = {QStringLiteral("type"), QStringLiteral("nullable")};
    operation.tableColumns = {{QStringLiteral("email"), QStringLiteral("sa.String(length=80)"), true, false,
                               QStringLiteral("users.id")},
                              {QStringLiteral("名前"), QStringLiteral("sa.Text()"), false, true, QString()}};
    operation.inlineConstraints = {{QStringLiteral("unique"), QStringLiteral("uq_x"), {QStringLiteral("email")}},
                                   {QStringLiteral("check"), QString(), {}}};
    operation.text = QString(300, QLatin1Char('x')) + QStringLiteral("😀"); // longer than one varint byte
    operation.ignored = {QStringLiteral("*"), QStringLiteral("HW101")};
    return operation;
}

void compareRoundTrip(const MigrationOperations &operations, const QString &where)
{
    const MigrationOperations unpacked = OperationPacking::unpack(OperationPacking::pack(operations));
    QVERIFY2(unpacked == operations, qPrintable(where));
}

} // namespace

class TestOperationPacking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldRoundTrips()
    {
        MigrationOperations operations;
        operations.hasUpgrade = true;
        operations.upgrade = {everyField(3), everyField(-1), MigrationOperation()};
        operations.downgrade = {everyField(2000000000)};
        compareRoundTrip(operations, QStringLiteral("every field"));
        compareRoundTrip(MigrationOperations(), QStringLiteral("nothing"));
    }

    void everyMigrationFileRoundTrips()
    {
        int files = 0;
        int operations = 0;
        for (const char *folder : {"tests/fixtures", "resources/demo"}) {
            QDirIterator it(QStringLiteral(HEADWAY_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.py")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const MigrationOperations read = RepositoryOperations::readFile(path);
                compareRoundTrip(read, path);
                ++files;
                operations += int(read.upgrade.size() + read.downgrade.size());
            }
        }
        QVERIFY2(files > 20 && operations > 50, qPrintable(QStringLiteral("%1 files, %2 operations").arg(files).arg(operations)));
    }

    void generatedHistoriesRoundTripThroughTheRepository()
    {
        QTemporaryDir dir;
        testsupport::HistorySpec spec;
        spec.seed = 17;
        spec.revisionCount = 400;
        spec.flaskBodies = true;
        testsupport::writeHistory(dir.path(), spec);
        const Repository repository = RepositoryLoader::load(dir.path());
        QCOMPARE(repository.files.size(), 400);
        const RepositoryOperations kept = RepositoryOperations::read(repository, 2);
        int operations = 0;
        for (int i = 0; i < repository.files.size(); ++i) {
            const MigrationOperations read = RepositoryOperations::readFile(repository.files.at(i).path);
            QVERIFY2(kept.ofFile(i) == read, qPrintable(repository.files.at(i).path));
            const int node = repository.graph.indexOf(repository.files.at(i).revisionId());
            QCOMPARE(kept.summaryOfNode(repository, node), RepositoryOperations::summaryLine(read));
            operations += int(read.upgrade.size());
        }
        QVERIFY(operations > 400);
        QVERIFY(kept.ofFile(-1) == MigrationOperations());
        QVERIFY(kept.ofFile(400) == MigrationOperations());
    }

    void damagedPackingsGiveAPrefix()
    {
        MigrationOperations operations;
        operations.upgrade = {everyField(1), everyField(2)};
        operations.downgrade = {everyField(3)};
        const QByteArray packed = OperationPacking::pack(operations);
        for (qsizetype size = 0; size < packed.size(); ++size) {
            const MigrationOperations cut = OperationPacking::unpack(QByteArrayView(packed).first(size));
            QVERIFY(cut.upgrade.size() + cut.downgrade.size() < 3);
            for (qsizetype i = 0; i < cut.upgrade.size(); ++i)
                QVERIFY(cut.upgrade.at(i) == operations.upgrade.at(i));
        }
        QByteArray flipped = packed;
        for (qsizetype i = 1; i < flipped.size(); ++i) {
            flipped[i] = char(~flipped.at(i));
            OperationPacking::unpack(flipped); // must not crash or hang
            flipped[i] = packed.at(i);
        }
        QVERIFY(OperationPacking::unpack(QByteArray("\x02" + packed.mid(1))) == MigrationOperations());
    }
};

QTEST_GUILESS_MAIN(TestOperationPacking)
#include "tst_operationpacking.moc"
