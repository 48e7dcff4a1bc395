// The directories env.py puts on sys.path are read without running it: string
// paths, os.path built from __file__ (dirname, join, abspath, realpath,
// normpath), os.getcwd(), pathlib (Path, .parent, .parents[n], .resolve(),
// .joinpath(), `/`) and names assigned such a path; everything else is ignored.
#include "repository/EnvSysPath.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

class TestEnvSysPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A real tree, so resolve() and realpath() have something to resolve.
        QVERIFY(QDir().mkpath(m_dir.filePath("proj/migrations")));
        m_root = QFileInfo(m_dir.path()).canonicalFilePath();
    }

    void readsTheCommonForms_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("expected"); // relative to the temporary directory; "/..." absolute

        QTest::newRow("absolute string") << QByteArray("import sys\nsys.path.insert(0, '/opt/lib')\n") << QStringList{"/opt/lib"};
        QTest::newRow("relative string: where alembic runs") << QByteArray("import sys\nsys.path.append('src')\n")
                                                             << QStringList{"proj/src"};
        QTest::newRow("dirname(__file__)") << QByteArray("import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n")
                                           << QStringList{"proj/migrations"};
        QTest::newRow("join with ..")
            << QByteArray("import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'src'))\n")
            << QStringList{"proj/src"};
        QTest::newRow("abspath of two dirnames")
            << QByteArray("import os, sys\nsys.path.insert(0, os.path.abspath(os.path.dirname(os.path.dirname(__file__))))\n")
            << QStringList{"proj"};
        QTest::newRow("realpath and normpath")
            << QByteArray("import os, sys\nsys.path.append(os.path.realpath(os.path.normpath(os.path.join(os.path.dirname(__file__), '..'))))\n")
            << QStringList{"proj"};
        QTest::newRow("a name assigned earlier")
            << QByteArray("import os, sys\nhere = os.path.dirname(os.path.abspath(__file__))\nsys.path.append(os.path.join(here, 'lib'))\n")
            << QStringList{"proj/migrations/lib"};
        QTest::newRow("from os import path") << QByteArray("from os import path\nimport sys\nsys.path.append(path.dirname(__file__))\n")
                                             << QStringList{"proj/migrations"};
        QTest::newRow("pathlib parents[1] / 'src'")
            << QByteArray("import sys\nfrom pathlib import Path\nsys.path.insert(0, str(Path(__file__).parents[1] / 'src'))\n")
            << QStringList{"proj/src"};
        QTest::newRow("pathlib resolve().parent.parent")
            << QByteArray("import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))\n")
            << QStringList{"proj"};
        QTest::newRow("joinpath") << QByteArray("import sys\nfrom pathlib import Path\nsys.path.append(str(Path(__file__).parent.joinpath('..', 'pkg')))\n")
                                  << QStringList{"proj/pkg"};
        QTest::newRow("a pathlib name") << QByteArray("import sys\nfrom pathlib import Path\nBASE = Path(__file__).parent\nsys.path.append(str(BASE.parent))\n")
                                        << QStringList{"proj"};
        QTest::newRow("getcwd") << QByteArray("import os, sys\nsys.path.insert(0, os.getcwd())\n") << QStringList{"proj"};
        QTest::newRow("insert(0) goes first") << QByteArray("import sys\nsys.path.append('a')\nsys.path.insert(0, 'b')\n")
                                              << QStringList{"proj/b", "proj/a"};
        QTest::newRow("each directory once") << QByteArray("import sys\nsys.path.append('a')\nsys.path.append('./a')\n")
                                             << QStringList{"proj/a"};
        QTest::newRow("anything else is ignored")
            << QByteArray("import os, sys\nsys.path.insert(0, os.environ['X'])\nsys.path.append(compute())\n"
                          "sys.path.extend(['y'])\nif True:\n    sys.path.append('x')\nsys.path.append(os.pardir)\n"
                          "sys.path.append(os.path.join())\n")
            << QStringList{};
        QTest::newRow("a name that is no longer a path") << QByteArray("import sys\nhere = 'a'\nhere = compute()\nsys.path.append(here)\n")
                                                         << QStringList{};
        QTest::newRow("up to a syntax error") << QByteArray("import sys\nsys.path.append('a')\nx = (\n") << QStringList{"proj/a"};
        QTest::newRow("deep nesting stays bounded")
            << QByteArray("import os, sys\nsys.path.append(" + QByteArray(150, '(') + "'a'" + QByteArray(150, ')') + ")\n")
            << QStringList{};
    }
    void readsTheCommonForms()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, expected);
        const QString envPath = m_root + "/proj/migrations/env.py";
        QStringList absolute;
        for (const QString &entry : expected)
            absolute += entry.startsWith('/') ? entry : m_root + '/' + entry;
        QCOMPARE(EnvSysPath::fromSource(envPath, std::string_view(source.constData(), static_cast<std::size_t>(source.size())),
                                        m_root + "/proj"),
                 absolute);
    }

    void aMissingEnvPyAddsNothing()
    {
        QCOMPARE(EnvSysPath::read(m_root + "/proj/migrations/env.py", m_root + "/proj"), QStringList{});
    }

private:
    QTemporaryDir m_dir;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestEnvSysPath)
#include "tst_envsyspath.moc"
