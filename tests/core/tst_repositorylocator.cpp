// Headway finds the migrations from whatever the user points at, and lists the
// version files in the order Alembic loads them.
#include "TestFiles.h"
#include "repository/RepositoryLocator.h"
#include "repository/VersionScanner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace headway;
using test::migration;
using test::writeFile;

class TestRepositoryLocator : public QObject
{
    Q_OBJECT

private:
    QStringList scannedNames(const RepositoryLayout &layout)
    {
        QStringList names;
        for (const QString &path : VersionScanner::scan(layout).paths)
            names += QDir(m_dir.path()).relativeFilePath(path);
        return names;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { QVERIFY(QDir(m_dir.path()).removeRecursively() && QDir().mkpath(m_dir.path())); }

    void findsFlaskMigrateProjectRoot()
    {
        writeFile(m_dir.filePath("migrations/alembic.ini"), "[alembic]\n# template used to generate migration files\n");
        writeFile(m_dir.filePath("migrations/env.py"), "");
        writeFile(m_dir.filePath("migrations/versions/a_x.py"), migration("a", ""));
        for (const QString &argument : {m_dir.path(), m_dir.filePath("migrations"), m_dir.filePath("migrations/alembic.ini")}) {
            const RepositoryLayout layout = RepositoryLocator::locate(argument);
            QVERIFY2(layout.found, qPrintable(argument));
            QCOMPARE(layout.versionDirectories, QStringList{m_dir.filePath("migrations/versions")});
        }
    }

    void findsBareVersionsDirectory()
    {
        writeFile(m_dir.filePath("versions/a_x.py"), migration("a", ""));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.filePath("versions"));
        QVERIFY(layout.found);
        QCOMPARE(layout.versionDirectories, QStringList{m_dir.filePath("versions")});
    }

    void findsCustomMigrationsDirectoryName()
    {
        writeFile(m_dir.filePath("db_migrations/alembic.ini"), "[alembic]\n");
        writeFile(m_dir.filePath("db_migrations/env.py"), "");
        writeFile(m_dir.filePath("db_migrations/versions/a_x.py"), migration("a", ""));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(layout.found);
        QCOMPARE(layout.versionDirectories, QStringList{m_dir.filePath("db_migrations/versions")});
    }

    void honoursScriptLocationWithHere()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = %(here)s/db/alembic\n");
        writeFile(m_dir.filePath("db/alembic/versions/a_x.py"), migration("a", ""));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(layout.found);
        QCOMPARE(layout.scriptDirectory, m_dir.filePath("db/alembic"));
        QCOMPARE(layout.versionDirectories, QStringList{m_dir.filePath("db/alembic/versions")});
    }

    void resolvesPackageResourceScriptLocation()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = myapp.db:migrations\n");
        writeFile(m_dir.filePath("src/myapp/db/migrations/versions/a_x.py"), migration("a", ""));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(layout.found);
        QCOMPARE(layout.scriptDirectory, m_dir.filePath("src/myapp/db/migrations"));
    }

    void splitsVersionLocations_data()
    {
        QTest::addColumn<QByteArray>("setting");
        QTest::newRow("legacy spaces") << QByteArray("version_locations = %(here)s/one %(here)s/two\n");
        QTest::newRow("legacy commas") << QByteArray("version_locations = %(here)s/one, %(here)s/two\n");
        QTest::newRow("space") << QByteArray("version_path_separator = space\nversion_locations = %(here)s/one %(here)s/two\n");
        QTest::newRow("os") << QByteArray("version_path_separator = os\nversion_locations = %(here)s/one:%(here)s/two\n");
        QTest::newRow("colon") << QByteArray("version_path_separator = :\nversion_locations = %(here)s/one:%(here)s/two\n");
        QTest::newRow("semicolon") << QByteArray("version_path_separator = ;\nversion_locations = %(here)s/one;%(here)s/two\n");
        QTest::newRow("newline") << QByteArray("version_path_separator = newline\nversion_locations =\n    %(here)s/one\n    %(here)s/two\n");
        QTest::newRow("relative to the ini") << QByteArray("version_locations = one two\n");
    }

    void splitsVersionLocations()
    {
        QFETCH(QByteArray, setting);
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = migrations\n" + setting);
        writeFile(m_dir.filePath("migrations/env.py"), "");
        writeFile(m_dir.filePath("one/a_x.py"), migration("a", ""));
        writeFile(m_dir.filePath("two/b_x.py"), migration("b", "a"));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(layout.found);
        QCOMPARE(layout.versionDirectories, (QStringList{m_dir.filePath("one"), m_dir.filePath("two")}));
    }

    void rejectsUnknownSeparator()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = migrations\nversion_path_separator = pipe\nversion_locations = a|b\n");
        writeFile(m_dir.filePath("migrations/env.py"), "");
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(std::any_of(layout.diagnostics.cbegin(), layout.diagnostics.cend(), [](const Diagnostic &d) {
            return d.code == QLatin1String("invalid-config") && d.line == 3;
        }));
    }

    void reportsMissingScriptLocation()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = nowhere\n");
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(!layout.found);
        QCOMPARE(layout.diagnostics.first().code, QStringLiteral("no-script-location"));
        QCOMPARE(layout.diagnostics.first().line, 2);
    }

    void reportsNothingFound()
    {
        writeFile(m_dir.filePath("README.md"), "hello");
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(!layout.found);
        QCOMPARE(layout.diagnostics.first().code, QStringLiteral("no-migrations"));
        QVERIFY(!RepositoryLocator::locate(m_dir.filePath("does-not-exist")).found);
    }

    void listsFilesSortedAndSkipsNonRevisions()
    {
        writeFile(m_dir.filePath("versions/b_second.py"), migration("b", "a"));
        writeFile(m_dir.filePath("versions/a_first.py"), migration("a", ""));
        writeFile(m_dir.filePath("versions/__init__.py"), "");
        writeFile(m_dir.filePath("versions/.#a_first.py"), "lock");
        writeFile(m_dir.filePath("versions/notes.txt"), "");
        writeFile(m_dir.filePath("versions/__pycache__/a_first.cpython-311.pyc"), "x");
        writeFile(m_dir.filePath("versions/sub/c_third.py"), migration("c", "b"));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.filePath("versions"));
        QCOMPARE(scannedNames(layout), (QStringList{"versions/a_first.py", "versions/b_second.py"}));
    }

    void walksRecursiveLocationsTopDownSorted()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = m\nrecursive_version_locations = true\n");
        writeFile(m_dir.filePath("m/env.py"), "");
        writeFile(m_dir.filePath("m/versions/z_root.py"), migration("z", ""));
        writeFile(m_dir.filePath("m/versions/2024/b_x.py"), migration("b", "z"));
        writeFile(m_dir.filePath("m/versions/2023/a_x.py"), migration("a", "z"));
        writeFile(m_dir.filePath("m/versions/2023/deep/c_x.py"), migration("c", "a"));
        writeFile(m_dir.filePath("m/versions/__pycache__/q.py"), migration("q", "a"));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        QVERIFY(layout.recursive);
        QCOMPARE(scannedNames(layout), (QStringList{"m/versions/z_root.py", "m/versions/2023/a_x.py",
                                                   "m/versions/2023/deep/c_x.py", "m/versions/2024/b_x.py"}));
    }

    void neverFollowsDirectoryLinksSoLoopsCannotHang()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = m\nrecursive_version_locations = true\n");
        writeFile(m_dir.filePath("m/env.py"), "");
        writeFile(m_dir.filePath("m/versions/sub/a_x.py"), migration("a", ""));
        QVERIFY(QFile::link(m_dir.filePath("m/versions"), m_dir.filePath("m/versions/sub/loop")));
        QVERIFY(QFile::link(m_dir.filePath("m/versions/sub/loop.py"), m_dir.filePath("m/versions/sub/loop.py")));
        const VersionFiles files = VersionScanner::scan(RepositoryLocator::locate(m_dir.path()));
        QCOMPARE(files.paths.size(), 2); // a_x.py and the self-link, which fails when read
    }

    void loadsAFileReachedTwiceOnce()
    {
        writeFile(m_dir.filePath("alembic.ini"), "[alembic]\nscript_location = m\nversion_locations = %(here)s/one %(here)s/link\n");
        writeFile(m_dir.filePath("m/env.py"), "");
        writeFile(m_dir.filePath("one/a_x.py"), migration("a", ""));
        QVERIFY(QFile::link(m_dir.filePath("one"), m_dir.filePath("link")));
        const RepositoryLayout layout = RepositoryLocator::locate(m_dir.path());
        const VersionFiles files = VersionScanner::scan(layout);
        QCOMPARE(files.paths.size(), 1);
        QCOMPARE(files.diagnostics.first().code, QStringLiteral("file-loaded-twice"));
    }

    void loadsAFileLinkedInItsOwnDirectoryOnce()
    {
        // One versions directory: the scan only looks for duplicates once it meets a link.
        writeFile(m_dir.filePath("versions/a_x.py"), migration("a", ""));
        writeFile(m_dir.filePath("versions/b_x.py"), migration("b", "a"));
        QVERIFY(QFile::link(m_dir.filePath("versions/a_x.py"), m_dir.filePath("versions/c_alias.py")));
        const VersionFiles files = VersionScanner::scan(RepositoryLocator::locate(m_dir.filePath("versions")));
        QCOMPARE(files.paths.size(), 2);
        QCOMPARE(files.diagnostics.size(), 1);
        QCOMPARE(files.diagnostics.first().code, QStringLiteral("file-loaded-twice"));
    }

    void skipsPipesInsteadOfHanging()
    {
        writeFile(m_dir.filePath("versions/a_x.py"), migration("a", ""));
        QCOMPARE(::mkfifo(QFile::encodeName(m_dir.filePath("versions/fifo.py")).constData(), 0600), 0);
        const VersionFiles files = VersionScanner::scan(RepositoryLocator::locate(m_dir.filePath("versions")));
        QCOMPARE(files.paths.size(), 1);
        QCOMPARE(files.diagnostics.first().code, QStringLiteral("not-a-file"));
    }
};

QTEST_GUILESS_MAIN(TestRepositoryLocator)
#include "tst_repositorylocator.moc"
