// A checkout laid out like OpenStack Neutron's, for tests of constants read from
// the project's own modules: the migrations sit several folders below the
// repository's root, one version location per branch, and take their branch
// labels and dependencies from neutron/db/migration/cli.py through the imports
// real files use (a submodule, a package re-export, a name, a local constant).
#pragma once

#include "TestFiles.h"

namespace headway::test {

inline QByteArray neutronMigration(const QString &revision, const QString &imports, const QString &values)
{
    return QStringLiteral("\"\"\"%1\n\nRevision ID: %1\nCreate Date: 2024-05-01 10:00:00\n\n\"\"\"\n"
                          "from alembic import op\n%2\n\nrevision = '%1'\n%3\n\n\n"
                          "def upgrade():\n    pass\n")
        .arg(revision, imports, values)
        .toUtf8();
}

// Writes the checkout under `root` and returns the directory holding alembic.ini.
inline QString writeNeutronCheckout(const QString &root)
{
    QDir().mkpath(root + QStringLiteral("/.git"));
    writeFile(root + QStringLiteral("/neutron/__init__.py"), "");
    writeFile(root + QStringLiteral("/neutron/db/__init__.py"), "");
    writeFile(root + QStringLiteral("/neutron/db/migration/__init__.py"),
              "from neutron.db.migration.cli import CONTRACT_BRANCH  # re-exported\n\nLIBERTY = 'liberty'\n");
    writeFile(root + QStringLiteral("/neutron/db/migration/cli.py"),
              "import os\n\nEXPAND_BRANCH = 'expand'\nCONTRACT_BRANCH = \"contract\"\n\n\n"
              "def main():\n    EXPAND_BRANCH = 'shadowed inside a function'\n");
    const QString alembic = root + QStringLiteral("/neutron/db/migration/alembic_migrations");
    writeFile(alembic + QStringLiteral("/alembic.ini"),
              "[alembic]\nscript_location = %(here)s\n"
              "version_locations = %(here)s/versions/liberty/expand %(here)s/versions/liberty/contract "
              "%(here)s/versions/mitaka/expand\n");
    writeFile(alembic + QStringLiteral("/env.py"), "from alembic import context\n");
    writeFile(alembic + QStringLiteral("/versions/liberty/expand/1a0000000001_initial_expand.py"),
              neutronMigration(QStringLiteral("1a0000000001"), QStringLiteral("from neutron.db.migration import cli"),
                               QStringLiteral("down_revision = None\nbranch_labels = (cli.EXPAND_BRANCH,)\ndepends_on = None")));
    writeFile(alembic + QStringLiteral("/versions/liberty/contract/2b0000000001_initial_contract.py"),
              neutronMigration(QStringLiteral("2b0000000001"), QStringLiteral("from neutron.db import migration"),
                               QStringLiteral("down_revision = None\n"
                                              "branch_labels = ('liberty_contract', migration.CONTRACT_BRANCH)")));
    writeFile(alembic + QStringLiteral("/versions/mitaka/expand/1a0000000002_second_expand.py"),
              neutronMigration(QStringLiteral("1a0000000002"),
                               QStringLiteral("from neutron.db.migration.cli import CONTRACT_BRANCH"),
                               QStringLiteral("down_revision = '1a0000000001'\ndepends_on = CONTRACT_BRANCH")));
    writeFile(alembic + QStringLiteral("/versions/mitaka/expand/1a0000000003_third_expand.py"),
              neutronMigration(QStringLiteral("1a0000000003"), QStringLiteral("import neutron.db.migration"),
                               QStringLiteral("PREVIOUS = '1a0000000002'\ndown_revision = PREVIOUS\n"
                                              "branch_labels = (neutron.db.migration.LIBERTY,)")));
    return alembic;
}

} // namespace headway::test
