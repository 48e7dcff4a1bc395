// Hand-written migrations covering every operation form Headway reads: op.*
// and batch_op.* calls, positional and keyword arguments in Alembic's order,
// schema= (also positional), op.f() names, sa.Column flags and inline
// constraints in create_table, multi-line calls and `a; b` on one line. Each
// runs under Alembic (tests/oracle/operations_oracle.py), so every call here
// must be one Alembic accepts.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace headway::test {

struct OperationForm {
    QString name;       // also the file name, without ".py"
    QByteArray upgrade; // the bodies, indented
    QByteArray downgrade;
};

inline QByteArray operationFormSource(const OperationForm &form)
{
    return "\"\"\"" + form.name.toUtf8() + "\n\nRevision ID: " + form.name.toUtf8()
           + "\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n\nrevision = '" + form.name.toUtf8()
           + "'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + form.upgrade
           + "\n\ndef downgrade():\n" + form.downgrade;
}

inline QList<OperationForm> operationForms()
{
    return {
        {QStringLiteral("create_table"),
         R"py(    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=120), index=True, unique=True),
        sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id'), nullable=True),
        sa.Column('name', sa.String(80), unique=False, index=False),
        sa.Column(name='code', type_=sa.String(8)),
        sa.PrimaryKeyConstraint('id', name='pk_users'),
        sa.UniqueConstraint('email', 'name', name='uq_users_email_name'),
        sa.UniqueConstraint('code'),
        sa.CheckConstraint('length(email) > 3', name='ck_users_email'),
        sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name='fk_users_team', ondelete='CASCADE'),
        sa.Index('ix_users_team', 'team_id'),
        sa.Index(op.f('ix_users_name_code'), 'name', 'code', unique=True),
        schema='app',
    )
    op.create_table('teams', sa.Column('id', sa.Integer(), primary_key=True), sa.Column('name', sa.Text()))
    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['app.users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
)py",
         R"py(    op.drop_table('tags')
    op.drop_table('teams')
    op.drop_table(table_name='users', schema='app')
)py"},
        {QStringLiteral("tables"),
         R"py(    op.rename_table('users', 'accounts')
    op.rename_table('teams', 'groups', 'app')
    op.rename_table(old_table_name='a', new_table_name='b', schema='app')
    op.create_table_comment('accounts', 'People who log in')
    op.create_table_comment('groups', comment='Teams', schema='app')
    op.create_table_comment('groups', 'Teams', None, 'app')
)py",
         R"py(    op.drop_table('legacy', 'app')
    op.rename_table('accounts', 'users')
)py"},
        {QStringLiteral("columns"),
         R"py(    op.add_column('users', sa.Column('prefs', sa.JSON(), nullable=True))
    op.add_column('users', sa.Column('age', sa.Integer()), schema='app')
    op.add_column('users', sa.Column('team_id', sa.Integer(), sa.ForeignKey('teams.id'), index=True), 'app')
    op.add_column(table_name='users', column=sa.Column('nick', sa.String(20), unique=True))
    op.alter_column('users', 'email', type_=sa.String(length=200), existing_type=sa.String(length=120))
    op.alter_column('users', 'email', nullable=False, existing_nullable=True)
    op.alter_column('users', 'age', server_default='0')
    op.alter_column('users', 'age', server_default=None)
    op.alter_column('users', 'nick', new_column_name='nickname', schema='app')
    op.alter_column('users', 'nick', comment='shown to others')
    op.alter_column('users', 'nick', False)
    op.alter_column('users', 'age', nullable=None, server_default=False, existing_type=sa.Integer())
    op.alter_column(
        'users',
        'email',
        existing_type=sa.String(length=200),
        nullable=True,
        server_default=sa.text("''"),
    )
)py",
         R"py(    op.drop_column('users', 'prefs')
    op.drop_column('users', 'age', schema='app')
    op.drop_column('users', 'team_id', 'app')
    op.drop_column(table_name='users', column_name='nick')
)py"},
        {QStringLiteral("indexes"),
         R"py(    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=False)
    op.create_index('ix_users_name', 'users', ['name', 'email'], unique=True, schema='app')
    op.create_index('ix_users_lower', 'users', [sa.text('lower(email)')])
    op.create_index(index_name='ix_k', table_name='users', columns=['k'])
    op.create_index('ix_p', 'users', ['p'], 'app')
    op.create_index('ix_q', 'users', ('q',))
)py",
         R"py(    op.drop_index(op.f('ix_users_email'), table_name='users')
    op.drop_index('ix_users_name', 'users', 'app')
    op.drop_index('ix_users_lower', table_name='users', schema='app')
    op.drop_index('ix_k')
)py"},
        {QStringLiteral("constraints"),
         R"py(    op.create_unique_constraint('uq_users_email', 'users', ['email'])
    op.create_unique_constraint(op.f('uq_users_name'), 'users', ['name', 'team_id'], schema='app')
    op.create_unique_constraint(None, 'users', ['nick'], 'app')
    op.create_foreign_key('fk_users_team', 'users', 'teams', ['team_id'], ['id'])
    op.create_foreign_key('fk_users_org', 'users', 'orgs', ['org_id'], ['id'],
                          ondelete='CASCADE', source_schema='app', referent_schema='app')
    op.create_foreign_key(constraint_name='fk_k', source_table='users', referent_table='teams',
                          local_cols=['k'], remote_cols=['id'])
    op.create_check_constraint('ck_users_age', 'users', 'age >= 0')
    op.create_check_constraint('ck_users_nick', 'users', sa.text('length(nick) > 1'), schema='app')
    op.create_check_constraint('ck_users_k', 'users', sa.column('k') > 0, 'app')
    op.create_primary_key('pk_users', 'users', ['id'])
    op.create_primary_key('pk_teams', 'teams', ['id', 'org_id'], 'app')
)py",
         R"py(    op.drop_constraint('uq_users_email', 'users', type_='unique')
    op.drop_constraint('fk_users_team', 'users', 'foreignkey')
    op.drop_constraint(op.f('ck_users_age'), 'users', type_='check', schema='app')
    op.drop_constraint('pk_users', 'users', 'primary', 'app')
    op.drop_constraint('ck_x', table_name='users')
)py"},
        {QStringLiteral("data"),
         R"py(    bind = op.get_bind()  # not an operation: Headway lists it as not analysed
    op.bulk_insert(sa.table('roles', sa.column('id', sa.Integer), sa.column('name', sa.String)),
                   [{'id': 1, 'name': 'admin'}])
    op.bulk_insert(
        sa.table('roles', sa.column('name'), schema='app'),
        [{'name': 'user'}, {'name': 'guest'}],
        multiinsert=False,
    )
    op.execute("UPDATE users SET email = lower(email)")
    op.execute(sa.text("DELETE FROM roles WHERE name = 'guest'"))
    op.execute(
        """
        UPDATE users
        SET nick = name
        """
    )
)py",
         R"py(    op.execute(sqltext="DELETE FROM roles")
)py"},
        {QStringLiteral("one_line"),
         R"py(    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_column('a', 'x'); op.drop_column('a', 'y')
    op.add_column('a', sa.Column('z', sa.Integer())); op.create_index('ix_a_z', 'a', ['z'])
    with op.batch_alter_table('a') as batch_op:
        batch_op.drop_column('x'); batch_op.drop_column('y')
    op.drop_index('ix_a_z', 'a'); pass
)py",
         R"py(    """Nothing to undo."""
    pass
)py"},
        {QStringLiteral("batch"),
         R"py(    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prefs', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('age', sa.Integer()), insert_after='id')
        batch_op.alter_column('email',
               existing_type=sa.VARCHAR(length=120),
               type_=sa.String(length=200),
               nullable=False,
               server_default='x',
               new_column_name='mail')
        batch_op.alter_column('age', None, 'years')
        batch_op.create_index(batch_op.f('ix_users_mail'), ['mail'], unique=False)
        batch_op.create_unique_constraint('uq_users_mail', ['mail'])
        batch_op.create_foreign_key('fk_users_team', 'teams', ['team_id'], ['id'])
        batch_op.create_foreign_key(None, 'orgs', ['org_id'], ['id'], referent_schema='app')
        batch_op.create_check_constraint('ck_users_age', 'age >= 0')
        batch_op.create_primary_key('pk_users', ['id'])
        batch_op.create_table_comment('People')
        batch_op.drop_constraint('ck_old', type_='check')
        batch_op.drop_constraint('uq_old', 'unique')

    with op.batch_alter_table('teams', 'app') as b:
        b.alter_column('name', nullable=True)
        b.drop_column('legacy')
    op.drop_table('old_users')
)py",
         R"py(    with op.batch_alter_table('teams', schema='app', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('legacy', sa.Text()))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_mail'))
        batch_op.drop_constraint('uq_users_mail', type_='unique')
        batch_op.alter_column('mail', new_column_name='email')
        batch_op.drop_column('age')
        batch_op.drop_column('prefs')
)py"},
    };
}

} // namespace headway::test
