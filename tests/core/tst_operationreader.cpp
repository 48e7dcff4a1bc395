// The operations reader on every form the operations issue names: op.* and
// batch_op.* calls, positional and keyword arguments in Alembic's order,
// op.f() names, sa.Column flags and inline constraints in create_table,
// schema=, raw SQL (opaque), and whatever it cannot read listed with its line;
// then on the bundled demo's real `flask db migrate` output.
#include "operations/OperationReader.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace headway;

namespace {

QByteArray migration(const QByteArray &upgradeBody, const QByteArray &downgradeBody = "    pass\n")
{
    return "from alembic import op\nimport sqlalchemy as sa\n\nrevision = 'a'\ndown_revision = None\n\n\ndef upgrade():\n"
           + upgradeBody + "\n\ndef downgrade():\n" + downgradeBody;
}

// "drop_table app.legacy" plus the name, the columns and the changes when there are any.
QString details(const MigrationOperation &operation)
{
    QString text = operationKindName(operation.kind) + ' ' + (operation.schema.isEmpty() ? QString() : operation.schema + '.')
                   + operation.table;
    if (!operation.name.isEmpty())
        text += ' ' + operation.name;
    if (!operation.columns.isEmpty())
        text += " (" + operation.columns.join(", ") + ')';
    if (!operation.changes.isEmpty())
        text += " {" + operation.changes.join(", ") + '}';
    return text;
}

QStringList summaries(const QList<MigrationOperation> &operations)
{
    QStringList list;
    for (const MigrationOperation &operation : operations)
        list += operation.summary();
    return list;
}

} // namespace

class TestOperationReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEachForm_data();
    void readsEachForm();
    void keepsDetails();
    void readsWhatAlembicReads_data();
    void readsWhatAlembicReads();
    void batchModeNamesItsTable();
    void linesAndNotAnalysed();
    void readsTheDemosGeneratedMigrations();
};

void TestOperationReader::readsEachForm_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // summaries joined with " | "
    QTest::newRow("create_table") << QByteArray("    op.create_table('users', sa.Column('id', sa.Integer(), nullable=False))\n")
                                  << "+users";
    QTest::newRow("drop_table keyword") << QByteArray("    op.drop_table(table_name='users')\n") << "-users";
    QTest::newRow("rename_table") << QByteArray("    op.rename_table('users', 'accounts')\n") << "~users→accounts";
    QTest::newRow("add_column") << QByteArray("    op.add_column('users', sa.Column('prefs', sa.JSON(), nullable=True))\n")
                                << "+users.prefs";
    QTest::newRow("drop_column") << QByteArray("    op.drop_column('users', 'prefs')\n") << "-users.prefs";
    QTest::newRow("alter_column") << QByteArray("    op.alter_column('users', 'email', existing_type=sa.String(80), nullable=False)\n")
                                  << "~users.email";
    QTest::newRow("create_index op.f") << QByteArray("    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=False)\n")
                                       << "+ix ix_users_email (users.email)";
    QTest::newRow("create_index keywords")
        << QByteArray("    op.create_index(table_name='users', index_name='ix_a', columns=['a', 'b'])\n") << "+ix ix_a (users.a,b)";
    QTest::newRow("drop_index") << QByteArray("    op.drop_index(op.f('ix_users_email'), table_name='users')\n") << "-ix ix_users_email";
    QTest::newRow("unique") << QByteArray("    op.create_unique_constraint('uq_email', 'users', ['email'])\n")
                            << "+uq uq_email (users.email)";
    QTest::newRow("foreign key") << QByteArray("    op.create_foreign_key('fk_post_user', 'post', 'users', ['user_id'], ['id'])\n")
                                 << "+fk fk_post_user (post.user_id)";
    QTest::newRow("check") << QByteArray("    op.create_check_constraint('ck_users_email', 'users', 'length(email) > 3')\n")
                           << "+ck ck_users_email (users)";
    QTest::newRow("primary key") << QByteArray("    op.create_primary_key('pk_users', 'users', ['id'])\n") << "+pk pk_users (users.id)";
    QTest::newRow("drop_constraint") << QByteArray("    op.drop_constraint('ck_users_email', 'users', type_='check')\n")
                                     << "-constraint ck_users_email (users)";
    QTest::newRow("table comment") << QByteArray("    op.create_table_comment('users', 'People')\n") << "~users comment";
    QTest::newRow("bulk_insert") << QByteArray("    op.bulk_insert(sa.table('roles', sa.column('name')), [{'name': 'admin'}])\n")
                                 << "+rows roles";
    QTest::newRow("execute") << QByteArray("    op.execute(\"UPDATE users SET email = lower(email)\")\n") << "?sql";
    QTest::newRow("multi-line call")
        << QByteArray("    op.create_table(\n        'post',\n        sa.Column('id', sa.Integer()),\n        schema='blog',\n    )\n")
        << "+post";
    QTest::newRow("two on a line") << QByteArray("    op.drop_column('a', 'x'); op.drop_column('a', 'y')\n") << "-a.x | -a.y";
    QTest::newRow("comments and pass") << QByteArray("    # ### commands auto generated by Alembic ###\n    pass\n") << "";
    QTest::newRow("a variable table is not guessed") << QByteArray("    op.drop_table(name)\n") << "?";
    QTest::newRow("other calls") << QByteArray("    conn = op.get_bind()\n    op.create_exclude_constraint('x', 't')\n") << "? | ?";
}

void TestOperationReader::readsEachForm()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QByteArray source = migration(body);
    const MigrationOperations read = OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
    QVERIFY(read.hasUpgrade && read.hasDowngrade);
    QCOMPARE(summaries(read.upgrade).join(" | "), expected);
    QVERIFY(read.downgrade.isEmpty());
}

// Each row was a difference tst_operationsoracle found between this reader and
// Alembic running the same call.
void TestOperationReader::readsWhatAlembicReads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // details() joined with " | "
    // A schema given positionally, in Alembic's parameter order.
    QTest::newRow("drop_table schema") << QByteArray("    op.drop_table('legacy', 'app')\n") << "drop_table app.legacy";
    QTest::newRow("rename_table schema") << QByteArray("    op.rename_table('teams', 'groups', 'app')\n") << "rename_table app.teams";
    QTest::newRow("add_column schema") << QByteArray("    op.add_column('users', sa.Column('age', sa.Integer()), 'app')\n")
                                       << "add_column app.users age";
    QTest::newRow("drop_column schema") << QByteArray("    op.drop_column('users', 'age', 'app')\n") << "drop_column app.users age";
    QTest::newRow("create_index schema") << QByteArray("    op.create_index('ix_p', 'users', ['p'], 'app')\n")
                                         << "create_index app.users ix_p (p)";
    QTest::newRow("drop_index schema") << QByteArray("    op.drop_index('ix_p', 'users', 'app')\n") << "drop_index app.users ix_p";
    QTest::newRow("unique schema") << QByteArray("    op.create_unique_constraint(None, 'users', ['nick'], 'app')\n")
                                   << "create_unique_constraint app.users (nick)";
    QTest::newRow("check schema") << QByteArray("    op.create_check_constraint('ck_k', 'users', sa.column('k') > 0, 'app')\n")
                                  << "create_check_constraint app.users ck_k";
    QTest::newRow("primary key schema") << QByteArray("    op.create_primary_key('pk_t', 'teams', ['id', 'org_id'], 'app')\n")
                                        << "create_primary_key app.teams pk_t (id, org_id)";
    QTest::newRow("drop_constraint schema") << QByteArray("    op.drop_constraint('pk_users', 'users', 'primary', 'app')\n")
                                            << "drop_constraint app.users pk_users";
    QTest::newRow("table comment schema") << QByteArray("    op.create_table_comment('groups', 'Teams', None, 'app')\n")
                                          << "create_table_comment app.groups";
    // alter_column's changes: positional ones, Alembic's names, and its "not given" values.
    QTest::newRow("alter_column nullable positional") << QByteArray("    op.alter_column('users', 'nick', False)\n")
                                                      << "alter_column users nick {nullable}";
    QTest::newRow("batch alter_column comment positional")
        << QByteArray("    with op.batch_alter_table('users') as batch_op:\n        batch_op.alter_column('age', None, 'years')\n")
        << "alter_column users age {comment}";
    QTest::newRow("alter_column server_default") << QByteArray("    op.alter_column('users', 'age', server_default=None)\n")
                                                 << "alter_column users age {server_default}";
    QTest::newRow("alter_column unset values")
        << QByteArray("    op.alter_column('users', 'age', nullable=None, server_default=False, type_=None, comment=False)\n")
        << "alter_column users age";
    // Values Alembic reads as strings.
    QTest::newRow("create_index sa.text column") << QByteArray("    op.create_index('ix_l', 'users', [sa.text('lower(email)'), 'id'])\n")
                                                 << "create_index users ix_l (lower(email), id)";
    QTest::newRow("bulk_insert schema") << QByteArray("    op.bulk_insert(sa.table('roles', sa.column('name'), schema='app'), [])\n")
                                        << "bulk_insert app.roles";
}

void TestOperationReader::readsWhatAlembicReads()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QByteArray source = migration(body);
    const MigrationOperations read = OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
    QStringList all;
    for (const MigrationOperation &operation : read.upgrade)
        all += details(operation);
    QCOMPARE(all.join(" | "), expected);
}

void TestOperationReader::keepsDetails()
{
    const QByteArray source = migration(
        "    op.create_table('users',\n"
        "        sa.Column('id', sa.Integer(), nullable=False),\n"
        "        sa.Column('email', sa.String(length=120), index=True, unique=True),\n"
        "        sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id')),\n"
        "        sa.PrimaryKeyConstraint('id'),\n"
        "        sa.UniqueConstraint('email', name='uq_users_email'),\n"
        "        sa.CheckConstraint('length(email) > 3', name='ck_users_email'),\n"
        "        sa.Index('ix_users_team', 'team_id'),\n"
        "        schema='app')\n"
        "    op.alter_column('users', 'email', new_column_name='mail', type_=sa.Text(), server_default='x')\n");
    const MigrationOperations read = OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
    QCOMPARE(read.upgrade.size(), 2);
    const MigrationOperation &create = read.upgrade.at(0);
    QCOMPARE(create.schema, QString("app"));
    QCOMPARE(create.tableColumns.size(), 3);
    QCOMPARE(create.tableColumns.at(1).name, QString("email"));
    QVERIFY(create.tableColumns.at(1).index && create.tableColumns.at(1).unique);
    QCOMPARE(create.tableColumns.at(1).type, QString("sa.String(length=120)"));
    QCOMPARE(create.tableColumns.at(2).foreignKey, QString("teams.id"));
    QCOMPARE(create.inlineConstraints.size(), 4);
    QCOMPARE(create.inlineConstraints.at(0).kind, QString("primary-key"));
    QCOMPARE(create.inlineConstraints.at(0).columns, QStringList{"id"});
    QCOMPARE(create.inlineConstraints.at(1).name, QString("uq_users_email"));
    QCOMPARE(create.inlineConstraints.at(1).columns, QStringList{"email"});
    QCOMPARE(create.inlineConstraints.at(2).name, QString("ck_users_email"));
    QVERIFY(create.inlineConstraints.at(2).columns.isEmpty());
    QCOMPARE(create.inlineConstraints.at(3).name, QString("ix_users_team"));
    QCOMPARE(create.inlineConstraints.at(3).columns, QStringList{"team_id"});
    const MigrationOperation &alter = read.upgrade.at(1);
    QCOMPARE(alter.newName, QString("mail"));
    QCOMPARE(alter.changes, QStringList({"type", "server_default", "name"}));
}

void TestOperationReader::batchModeNamesItsTable()
{
    const QByteArray source = migration(
        "    with op.batch_alter_table('user', schema=None) as batch_op:\n"
        "        batch_op.add_column(sa.Column('prefs', sa.JSON(), nullable=True))\n"
        "        batch_op.create_index(batch_op.f('ix_user_email'), ['email'], unique=False)\n"
        "        batch_op.drop_constraint('ck_old', type_='check')\n"
        "    op.drop_table('legacy')\n",
        "    with op.batch_alter_table('user') as b:\n"
        "        b.drop_index(b.f('ix_user_email'))\n"
        "        b.drop_column('prefs')\n");
    const MigrationOperations read = OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
    QCOMPARE(summaries(read.upgrade),
             QStringList({"+user.prefs", "+ix ix_user_email (user.email)", "-constraint ck_old (user)", "-legacy"}));
    QVERIFY(read.upgrade.at(0).batch && !read.upgrade.at(3).batch);
    QCOMPARE(read.upgrade.at(2).constraintType, QString("check"));
    QCOMPARE(summaries(read.downgrade), QStringList({"-ix ix_user_email", "-user.prefs"}));
}

void TestOperationReader::linesAndNotAnalysed()
{
    const QByteArray source = migration("    conn = op.get_bind()\n"
                                        "    for row in conn.execute(sa.text('select 1')):\n"
                                        "        op.execute(\"UPDATE t SET x = 1\")\n");
    const MigrationOperations read = OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
    QCOMPARE(read.upgrade.size(), 3);
    QCOMPARE(read.upgrade.at(0).kind, MigrationOperation::Kind::NotAnalysed);
    QCOMPARE(read.upgrade.at(0).line, 9);
    QCOMPARE(read.upgrade.at(0).text, QString("conn = op.get_bind()"));
    QCOMPARE(read.upgrade.at(1).line, 10);
    QCOMPARE(read.upgrade.at(2).kind, MigrationOperation::Kind::Execute);
    QCOMPARE(read.upgrade.at(2).text, QString("\"UPDATE t SET x = 1\""));
    QCOMPARE(read.upgrade.at(2).line, 11);
}

void TestOperationReader::readsTheDemosGeneratedMigrations()
{
    // Real `flask db migrate` output, committed with the demo.
    const QDir versions(HEADWAY_SOURCE_DIR "/resources/demo/migrations/versions");
    const QStringList files = versions.entryList({"*.py"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    QStringList all;
    for (const QString &name : files) {
        QFile file(versions.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray source = file.readAll();
        const MigrationOperations read = OperationReader::read(std::string_view(source.constData(), size_t(source.size())));
        QVERIFY2(!read.upgrade.isEmpty() && !read.downgrade.isEmpty(), qPrintable(name));
        for (const MigrationOperation &operation : read.upgrade + read.downgrade)
            QVERIFY2(operation.kind != MigrationOperation::Kind::NotAnalysed, qPrintable(name + ": " + operation.text));
        all += name.section('_', 0, 0) + ": " + summaries(read.upgrade).join(' ');
    }
    // The fork's and upstream's migrations both create ix_user_email: what the conflict finder will see.
    QVERIFY2(all.filter("ix_user_email").size() == 2, qPrintable(all.join('\n')));
    QVERIFY2(all.filter("+post.slug").size() == 1, qPrintable(all.join('\n')));
}

QTEST_GUILESS_MAIN(TestOperationReader)
#include "tst_operationreader.moc"
