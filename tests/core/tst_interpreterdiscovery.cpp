// Interpreter discovery prefers the project's own virtualenv, tries every
// python on PATH, and explains exactly what each candidate lacks when none fits.
#include "TestFiles.h"
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

} // namespace

class TestInterpreterDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestInterpreterDiscovery)
#include "tst_interpreterdiscovery.moc"
