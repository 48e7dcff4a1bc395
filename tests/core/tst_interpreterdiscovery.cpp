// Interpreter discovery prefers the project's own virtualenv, tries every
// python on PATH, and explains exactly what each candidate lacks when none fits.
// The cache answers a second time without starting anything, and forgets the
// answer when the interpreter, the project's virtualenv or its packages change.
#include "TestFiles.h"
#include "runner/InterpreterCache.h"
#include "runner/InterpreterDiscovery.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

namespace {

// A stand-in interpreter: answers the probe as a Python that has `modules` would.
void writeFakePython(const QString &path, const QString &version, const QStringList &modules)
{
    test::writeFile(path, QStringLiteral("#!/bin/sh\n"
                                         "echo %1\n"
                                         "shift 2\n"
                                         "missing=\n"
                                         "for m in \"$@\"; do case \" %2 \" in *\" $m \"*) ;; *) missing=\"$missing${missing:+,}$m\";; esac; done\n"
                                         "echo \"$missing\"\n")
                              .arg(version, modules.join(' '))
                              .toUtf8());
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
}

// A real interpreter that notes every start in `counter` (one line per run), so
// a test can tell that the cache answered without starting it. It imports from
// `site` too, a folder the test "installs packages" into.
QString countingPython(const QString &path, const QString &counter, const QString &python, const QString &site)
{
    QDir().mkpath(site);
    test::writeFile(path, QStringLiteral("#!/bin/sh\n"
                                         "echo run >> '%1'\n"
                                         "PYTHONPATH='%2' exec '%3' \"$@\"\n")
                              .arg(counter, site, python)
                              .toUtf8());
    QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
    return path;
}

int runs(const QString &counter)
{
    QFile file(counter);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
}

void setModified(const QString &path, const QDateTime &time)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
}

} // namespace

class TestInterpreterDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The cache tests wrap a real interpreter, found as the other tests find theirs.
        m_python = InterpreterDiscovery::find(QDir::currentPath(), {"alembic"}).path;
        QVERIFY2(!m_python.isEmpty(), "no interpreter with alembic found");
    }

    void prefersTheProjectVirtualenv()
    {
        QTemporaryDir dir;
        writeFakePython(dir.filePath("project/.venv/bin/python3"), "3.12.1", {"alembic", "flask_migrate"});
        writeFakePython(dir.filePath("bin/python3"), "3.11.7", {"alembic"});
        QProcessEnvironment environment;
        environment.insert("PATH", dir.filePath("bin"));
        const QList<InterpreterCandidate> candidates = InterpreterDiscovery::candidates(dir.filePath("project/migrations"), environment);
        QVERIFY(candidates.size() >= 2);
        QCOMPARE(candidates.first().path, dir.filePath("project/.venv/bin/python3"));
        QCOMPARE(candidates.first().origin, QStringLiteral("project virtualenv"));
        const InterpreterChoice choice = InterpreterDiscovery::find(dir.filePath("project"), {"flask_migrate"}, environment);
        QCOMPARE(choice.path, dir.filePath("project/.venv/bin/python3"));
    }

    void skipsInterpretersWithoutTheModules()
    {
        QTemporaryDir dir;
        writeFakePython(dir.filePath("first/python3"), "3.11.7", {});
        writeFakePython(dir.filePath("second/python3"), "3.11.2", {"alembic"});
        QProcessEnvironment environment;
        environment.insert("PATH", dir.filePath("first") + ':' + dir.filePath("second"));
        const InterpreterChoice choice = InterpreterDiscovery::find(dir.path(), {"alembic"}, environment);
        QCOMPARE(choice.path, dir.filePath("second/python3"));
        QCOMPARE(choice.tried.first().problem, QStringLiteral("Python 3.11.7 without alembic"));
    }

    void explainsWhenNothingFits()
    {
        QTemporaryDir dir;
        writeFakePython(dir.filePath("bin/python3"), "3.11.7", {"flask"});
        QProcessEnvironment environment;
        environment.insert("PATH", dir.filePath("bin"));
        const InterpreterChoice choice = InterpreterDiscovery::find(dir.path(), {"headway_no_such_module"}, environment);
        QVERIFY(!choice.found());
        const QString explanation = choice.explanation({"headway_no_such_module"});
        QVERIFY2(explanation.contains(dir.filePath("bin/python3") + " (PATH): Python 3.11.7 without headway_no_such_module"),
                 qPrintable(explanation));
        QVERIFY(explanation.contains("pip install headway-no-such-module"));
    }

    void findsARealAlembicOnThisMachine()
    {
        // The suite's own differential test depends on this: some interpreter here has Alembic.
        const InterpreterChoice choice = InterpreterDiscovery::find(QDir::currentPath(), {"alembic"});
        QVERIFY2(choice.found(), qPrintable(choice.explanation({"alembic"})));
    }

    void theCacheAnswersWithoutStartingTheInterpreter()
    {
        const Fixture f = fixture();
        const InterpreterCache cache(f.cache);
        const InterpreterChoice first = cache.find(f.project, {"alembic"}, f.environment);
        QCOMPARE(first.path, f.python);
        QCOMPARE(runs(f.counter), 1);
        QVERIFY(QFileInfo::exists(f.cache));

        const InterpreterChoice second = cache.find(f.project, {"alembic"}, f.environment);
        QCOMPARE(second.path, f.python);
        QCOMPARE(runs(f.counter), 1); // no process started
        QCOMPARE(second.tried.size(), 1);
        QCOMPARE(second.tried.first().origin, QStringLiteral("PATH"));
        QCOMPARE(second.tried.first().version, first.tried.first().version);

        // Other modules are another question.
        QCOMPARE(cache.find(f.project, {"alembic", "sqlalchemy"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 2);
    }

    void aChangedInterpreterOrPackageIsProbedAgain()
    {
        const Fixture f = fixture();
        const InterpreterCache cache(f.cache);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 1);

        setModified(f.python, QDateTime::currentDateTime().addSecs(-3600)); // upgraded
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 2);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 2);

        QVERIFY(QDir(f.site).mkdir("newly_installed")); // pip install: a folder it imports from changes
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 3);

        QProcessEnvironment activated = f.environment; // another $VIRTUAL_ENV, even a missing one
        activated.insert("VIRTUAL_ENV", m_dir.filePath("no-such-venv"));
        QCOMPARE(cache.find(f.project, {"alembic"}, activated).path, f.python);
        QCOMPARE(runs(f.counter), 4);
    }

    void aNewProjectVirtualenvIsFound()
    {
        const Fixture f = fixture();
        const InterpreterCache cache(f.cache);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        const QString venvCounter = f.counter + ".venv";
        const QString venvPython =
            countingPython(f.project + "/.venv/bin/python3", venvCounter, m_python, f.project + "/.venv/site");
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, venvPython);
        QCOMPARE(runs(venvCounter), 1);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, venvPython);
        QCOMPARE(runs(venvCounter), 1);

        // Removed again (its bin/ goes with it): the PATH interpreter, probed once more.
        QVERIFY(QDir(f.project + "/.venv").removeRecursively());
        const int before = runs(f.counter);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), before + 1);
    }

    void aCorruptOrUnwritableCacheOnlyMeansProbing()
    {
        const Fixture f = fixture();
        test::writeFile(f.cache, "{\"discoveries\": [{\"project\": 3, \"tried\": \"x\"}");
        const InterpreterCache cache(f.cache);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 1);
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python); // rewritten whole
        QCOMPARE(runs(f.counter), 1);

        test::writeFile(f.cache, "[\"an older format\"]");
        QCOMPARE(cache.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 2);

        const InterpreterCache unwritable(f.cache + "/below-a-file/interpreter-choices.json");
        QCOMPARE(unwritable.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(unwritable.find(f.project, {"alembic"}, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 4);
    }

    void aFailedDiscoveryIsNotCached()
    {
        const Fixture f = fixture();
        const InterpreterCache cache(f.cache);
        const QStringList modules{"headway_cache_test_module"};
        QVERIFY(!cache.find(f.project, modules, f.environment).found());
        QVERIFY(!cache.find(f.project, modules, f.environment).found());
        QCOMPARE(runs(f.counter), 2);
        QVERIFY(!QFileInfo::exists(f.cache));

        // Installing the package helps at once.
        test::writeFile(f.site + "/headway_cache_test_module.py", "VALUE = 1\n");
        QCOMPARE(cache.find(f.project, modules, f.environment).path, f.python);
        QCOMPARE(runs(f.counter), 3);
    }

    void theInterpreterTheUserChoseIsCachedByItsModificationTime()
    {
        const Fixture f = fixture();
        const InterpreterCache cache(f.cache);
        const InterpreterCandidate chosen{f.python, "your setting", {}, {}, {}, {}};
        QVERIFY(cache.probe(chosen, {"alembic"}).usable());
        const InterpreterCandidate again = cache.probe(chosen, {"alembic"});
        QVERIFY(again.usable());
        QCOMPARE(again.origin, QStringLiteral("your setting"));
        QVERIFY(!again.version.isEmpty());
        QCOMPARE(runs(f.counter), 1);

        setModified(f.python, QDateTime::currentDateTime().addSecs(-7200));
        QVERIFY(cache.probe(chosen, {"alembic"}).usable());
        QCOMPARE(runs(f.counter), 2);

        // An unusable choice is asked again each time: the user may be fixing it.
        QVERIFY(!cache.probe(chosen, {"headway_cache_test_module"}).usable());
        QVERIFY(!cache.probe(chosen, {"headway_cache_test_module"}).usable());
        QCOMPARE(runs(f.counter), 4);
    }

private:
    struct Fixture {
        QString project;
        QString python;  // the counting interpreter, first on PATH
        QString counter; // one line per start
        QString site;    // a folder it imports from
        QString cache;
        QProcessEnvironment environment;
    };

    // A project without a virtualenv and a PATH holding only the counting interpreter.
    Fixture fixture()
    {
        const QString root = m_dir.filePath(QString::number(++m_fixtures));
        Fixture f;
        f.project = root + "/project";
        QDir().mkpath(f.project + "/migrations");
        f.counter = root + "/runs";
        f.site = root + "/site";
        f.python = countingPython(root + "/bin/python3", f.counter, m_python, f.site);
        f.cache = root + "/cache/interpreter-choices.json";
        f.environment.insert("PATH", root + "/bin");
        return f;
    }

    QTemporaryDir m_dir;
    QString m_python;
    int m_fixtures = 0;
};

QTEST_GUILESS_MAIN(TestInterpreterDiscovery)
#include "tst_interpreterdiscovery.moc"
