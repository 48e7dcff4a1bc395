// Constants a migration file takes from the project's own modules
// (`branch_labels = (cli.EXPAND_BRANCH,)`) are read statically, through the
// imports Python would follow, and marked with the module they came from; when
// the lookup fails, the non-literal-value diagnostic stays and says why, and
// nothing a module file can be (missing, a directory, a FIFO, a symlink loop,
// huge, broken, a re-export cycle) crashes or hangs the load.
#include "ModuleFixtures.h"
#include "TestFiles.h"
#include "parser/MigrationParser.h"
#include "report/JsonReport.h"
#include "repository/ModuleConstants.h"
#include "repository/RepositoryLoader.h"
#include "runner/InterpreterDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace headway;
using test::writeFile;

namespace {

// Module files to write, relative to the checkout's root. Special contents:
// "<dir>" a directory, "<fifo>" a named pipe, "<loop>" a symbolic link to itself,
// "<huge>" a (sparse) file larger than any source file.
using Files = QMap<QString, QString>;

const QString neutronCli = QStringLiteral("EXPAND_BRANCH = 'expand'\nCONTRACT_BRANCH = \"contract\"\n");

Files neutronPackages(const QString &cli = neutronCli, const QString &init = {})
{
    return {{"neutron/__init__.py", ""},
            {"neutron/db/__init__.py", ""},
            {"neutron/db/migration/__init__.py", init},
            {"neutron/db/migration/cli.py", cli}};
}

void writeFiles(const QString &root, const Files &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = root + QLatin1Char('/') + it.key();
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (it.value() == QLatin1String("<dir>")) {
            QDir().mkpath(path);
        } else if (it.value() == QLatin1String("<fifo>")) {
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (it.value() == QLatin1String("<loop>")) {
            QVERIFY(QFile::link(path, path));
        } else if (it.value() == QLatin1String("<huge>")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(MigrationParser::maximumFileSize + 1));
        } else {
            writeFile(path, it.value().toUtf8());
        }
    }
}

// A checkout with a .git, the modules, and one migration (revision aaaa) whose
// module-level statements end with `source`.
QString writeCheckout(const QTemporaryDir &dir, const QString &name, const Files &modules, const QString &variable,
                      const QString &source, const QString &envPy = {})
{
    const QString root = dir.filePath(name);
    QDir().mkpath(root + "/.git");
    writeFiles(root, modules);
    QString text = "\"\"\"change\n\"\"\"\nrevision = 'aaaa'\n";
    if (variable != "down_revision")
        text += "down_revision = None\n";
    writeFile(root + "/migrations/versions/aaaa_change.py", (text + source + "\n").toUtf8());
    if (!envPy.isEmpty())
        writeFile(root + "/migrations/env.py", envPy.toUtf8());
    return root;
}

const AssignedValue &valueOf(const MigrationFile &file, const QString &variable)
{
    if (variable == "revision")
        return file.revision;
    if (variable == "down_revision")
        return file.downRevision;
    if (variable == "depends_on")
        return file.dependsOn;
    return file.branchLabels;
}

const Diagnostic *findDiagnostic(const Diagnostics &diagnostics, const QString &code)
{
    for (const Diagnostic &d : diagnostics)
        if (d.code == code)
            return &d;
    return nullptr;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines += QStringLiteral("%1:%2 %3").arg(d.code).arg(d.line).arg(d.message);
    return lines.join('\n');
}

QStringList ids(const RevisionGraph &graph, const QList<int> &nodes)
{
    QStringList list;
    for (int node : nodes)
        list += graph.node(node).id;
    list.sort();
    return list;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list += v.toString();
    return list;
}

} // namespace

class TestModuleConstants : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readsConstantsThroughTheImportsPythonFollows_data();
    void readsConstantsThroughTheImportsPythonFollows();
    void aFailedLookupKeepsTheDiagnosticAndSaysWhy_data();
    void aFailedLookupKeepsTheDiagnosticAndSaysWhy();
    void neutronCheckoutGetsItsLabelsAndDependencies();
    void neutronCheckoutMatchesAlembic();
    void theInterpretersPathIsAskedOnceAndOnlyWhenNeeded();
    void eachModuleFileIsReadOnce();

private:
    QTemporaryDir m_dir;
    int m_case = 0;
};

void TestModuleConstants::readsConstantsThroughTheImportsPythonFollows_data()
{
    QTest::addColumn<Files>("modules");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("envPy");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("module"); // relative to the checkout's root

    const QString cli = "neutron/db/migration/cli.py";
    QTest::newRow("submodule (neutron)") << neutronPackages() << "branch_labels"
                                         << "from neutron.db.migration import cli\nbranch_labels = (cli.EXPAND_BRANCH,)"
                                         << "" << QStringList{"expand"} << "cli.EXPAND_BRANCH" << cli;
    QTest::newRow("module attribute (glance)")
        << Files{{"glance/__init__.py", ""}, {"glance/db/__init__.py", ""},
                 {"glance/db/migration.py", "EXPAND_BRANCH = 'expand'\nCONTRACT_BRANCH = 'contract'\n"}}
        << "branch_labels" << "from glance.db import migration\nbranch_labels = migration.EXPAND_BRANCH" << ""
        << QStringList{"expand"} << "migration.EXPAND_BRANCH" << "glance/db/migration.py";
    QTest::newRow("literal and constant mixed")
        << Files{{"glance/__init__.py", ""}, {"glance/db/__init__.py", ""},
                 {"glance/db/migration.py", "CONTRACT_BRANCH = 'contract'\n"}}
        << "branch_labels" << "from glance.db import migration\nbranch_labels = ('ocata01', migration.CONTRACT_BRANCH)"
        << "" << QStringList{"ocata01", "contract"} << "migration.CONTRACT_BRANCH" << "glance/db/migration.py";
    QTest::newRow("imported name") << Files{{"myproj/__init__.py", ""}, {"myproj/constants.py", "EXPAND = 'expand'\n"}}
                                   << "depends_on" << "from myproj.constants import EXPAND\ndepends_on = EXPAND" << ""
                                   << QStringList{"expand"} << "EXPAND" << "myproj/constants.py";
    QTest::newRow("imported name under an alias")
        << neutronPackages() << "branch_labels"
        << "from neutron.db.migration.cli import EXPAND_BRANCH as EXPAND\nbranch_labels = [EXPAND]" << ""
        << QStringList{"expand"} << "EXPAND" << cli;
    QTest::newRow("import a.b.c") << neutronPackages() << "branch_labels"
                                  << "import neutron.db.migration.cli\nbranch_labels = neutron.db.migration.cli.CONTRACT_BRANCH"
                                  << "" << QStringList{"contract"} << "neutron.db.migration.cli.CONTRACT_BRANCH" << cli;
    QTest::newRow("import a.b as x") << neutronPackages() << "branch_labels"
                                     << "import neutron.db.migration.cli as migration_cli\n"
                                        "branch_labels = (migration_cli.CONTRACT_BRANCH,)"
                                     << "" << QStringList{"contract"} << "migration_cli.CONTRACT_BRANCH" << cli;
    QTest::newRow("constant of a package")
        << neutronPackages(neutronCli, "LIBERTY = 'liberty'\n") << "branch_labels"
        << "from neutron.db import migration\nbranch_labels = (migration.LIBERTY,)" << "" << QStringList{"liberty"}
        << "migration.LIBERTY" << "neutron/db/migration/__init__.py";
    QTest::newRow("re-exported by the package")
        << neutronPackages(neutronCli, "from neutron.db.migration.cli import EXPAND_BRANCH\n") << "branch_labels"
        << "from neutron.db import migration\nbranch_labels = (migration.EXPAND_BRANCH,)" << "" << QStringList{"expand"}
        << "migration.EXPAND_BRANCH" << cli;
    QTest::newRow("re-exported relatively under another name")
        << neutronPackages(neutronCli, "from .cli import CONTRACT_BRANCH as CONTRACT\n") << "branch_labels"
        << "from neutron.db.migration import CONTRACT\nbranch_labels = CONTRACT" << "" << QStringList{"contract"}
        << "CONTRACT" << cli;
    QTest::newRow("package binds a submodule it imports")
        << Files{{"proj/__init__.py", "from proj.impl import labels as constants\n"}, {"proj/impl/__init__.py", ""},
                 {"proj/impl/labels.py", "FEATURE = 'feature'\n"}}
        << "branch_labels" << "from proj import constants\nbranch_labels = (constants.FEATURE,)" << ""
        << QStringList{"feature"} << "constants.FEATURE" << "proj/impl/labels.py";
    QTest::newRow("constant of the file itself") << Files{} << "branch_labels" << "EXPAND = 'expand'\nbranch_labels = (EXPAND,)"
                                                 << "" << QStringList{"expand"} << "EXPAND"
                                                 << "migrations/versions/aaaa_change.py";
    QTest::newRow("same line, after a semicolon") << Files{} << "depends_on" << "X = 'bbbb'; depends_on = X" << ""
                                                  << QStringList{"bbbb"} << "X" << "migrations/versions/aaaa_change.py";
    QTest::newRow("the last assignment wins")
        << neutronPackages("EXPAND_BRANCH = 'old'\nEXPAND_BRANCH: str = 'expand'\n") << "branch_labels"
        << "from neutron.db.migration import cli\nbranch_labels = (cli.EXPAND_BRANCH,)" << "" << QStringList{"expand"}
        << "cli.EXPAND_BRANCH" << cli;
    QTest::newRow("a tuple constant") << neutronPackages("LABELS = ('a', \"b\")\n") << "branch_labels"
                                      << "from neutron.db.migration import cli\nbranch_labels = cli.LABELS" << ""
                                      << QStringList{"a", "b"} << "cli.LABELS" << cli;
    QTest::newRow("a None constant") << neutronPackages("NOTHING = None\n") << "down_revision"
                                     << "from neutron.db.migration import cli\ndown_revision = cli.NOTHING" << ""
                                     << QStringList{} << "cli.NOTHING" << cli;
    QTest::newRow("unpacked constants") << neutronPackages("EXPAND_BRANCH, CONTRACT_BRANCH = 'expand', 'contract'\n")
                                        << "branch_labels"
                                        << "from neutron.db.migration import cli\nbranch_labels = (cli.CONTRACT_BRANCH,)"
                                        << "" << QStringList{"contract"} << "cli.CONTRACT_BRANCH" << cli;
    QTest::newRow("a package env.py puts on sys.path")
        << Files{{"src/myproj/__init__.py", ""}, {"src/myproj/constants.py", "EXPAND = 'expand'\n"}} << "branch_labels"
        << "from myproj.constants import EXPAND\nbranch_labels = (EXPAND,)"
        << "import os\nimport sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'src'))\n"
        << QStringList{"expand"} << "EXPAND" << "src/myproj/constants.py";
    QTest::newRow("a package env.py adds through pathlib and a name")
        << Files{{"lib/myproj/__init__.py", ""}, {"lib/myproj/constants.py", "EXPAND = 'expand'\n"}} << "branch_labels"
        << "from myproj import constants\nbranch_labels = (constants.EXPAND,)"
        << "import sys\nfrom pathlib import Path\nROOT = Path(__file__).resolve().parent.parent\n"
           "sys.path.append(str(ROOT / 'lib'))\n"
        << QStringList{"expand"} << "constants.EXPAND" << "lib/myproj/constants.py";
}

void TestModuleConstants::readsConstantsThroughTheImportsPythonFollows()
{
    QFETCH(Files, modules);
    QFETCH(QString, variable);
    QFETCH(QString, source);
    QFETCH(QString, envPy);
    QFETCH(QStringList, values);
    QFETCH(QString, reference);
    QFETCH(QString, module);
    const QString root = writeCheckout(m_dir, QStringLiteral("ok%1").arg(++m_case), modules, variable, source, envPy);
    const Repository repository = RepositoryLoader::load(root + "/migrations");
    QCOMPARE(repository.files.size(), 1);
    const MigrationFile &file = repository.files.first();
    const AssignedValue &value = valueOf(file, variable);
    QVERIFY2(value.literal, qPrintable(describe(file.diagnostics)));
    QCOMPARE(value.values, values);
    QCOMPARE(value.resolvedFromModule, (QHash<QString, QString>{{reference, module}}));
    QVERIFY2(!findDiagnostic(file.diagnostics, "non-literal-value"), qPrintable(describe(file.diagnostics)));
    const Diagnostic *note = findDiagnostic(file.diagnostics, "resolved-from-module");
    QVERIFY2(note, qPrintable(describe(file.diagnostics)));
    QCOMPARE(note->severity, Severity::Note);
    QCOMPARE(note->line, value.line);
    QVERIFY2(note->message.contains(module), qPrintable(note->message));
}

void TestModuleConstants::aFailedLookupKeepsTheDiagnosticAndSaysWhy_data()
{
    QTest::addColumn<Files>("modules");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("reason");

    const QString importCli = "from neutron.db.migration import cli\nbranch_labels = (cli.EXPAND_BRANCH,)";
    QTest::newRow("constant renamed") << neutronPackages("EXPAND_BRANCH_V2 = 'expand'\n") << importCli
                                      << "cli.EXPAND_BRANCH: EXPAND_BRANCH is not assigned at module level in "
                                         "neutron/db/migration/cli.py";
    QTest::newRow("module missing")
        << neutronPackages() << "from neutron.db.migration import gone\nbranch_labels = (gone.EXPAND_BRANCH,)"
        << "gone.EXPAND_BRANCH: module neutron.db.migration.gone not found under migrations, .";
    QTest::newRow("constant is not a literal")
        << neutronPackages("import os\n\nEXPAND_BRANCH = os.environ.get('BRANCH')\n") << importCli
        << "EXPAND_BRANCH in neutron/db/migration/cli.py is not a literal (line 3)";
    QTest::newRow("constant is a function")
        << neutronPackages("def EXPAND_BRANCH():\n    return 'expand'\n") << importCli
        << "EXPAND_BRANCH in neutron/db/migration/cli.py is not a constant (line 1): it is a function";
    QTest::newRow("constant is changed later")
        << neutronPackages("EXPAND_BRANCH = 'expand'\nEXPAND_BRANCH += '_v2'\n") << importCli
        << "is not a constant (line 2): it is changed by `+=` on line 2";
    QTest::newRow("constant is a submodule")
        << Files{{"proj/__init__.py", ""}, {"proj/labels/__init__.py", ""}, {"proj/labels/expand.py", "X = 'x'\n"}}
        << "from proj import labels\nbranch_labels = labels.expand"
        << "labels.expand: expand in proj/labels/__init__.py is a module, not a literal";
    QTest::newRow("name never imported") << neutronPackages() << "branch_labels = (cli.EXPAND_BRANCH,)"
                                         << "`cli` is not imported or assigned at module level before it";
    QTest::newRow("name assigned only after its use") << Files{} << "branch_labels = (EXPAND,)\nEXPAND = 'expand'"
                                                      << "`EXPAND` is not imported or assigned at module level before it";
    QTest::newRow("local constant not a literal") << Files{} << "EXPAND = 'ex' + 'pand'\nbranch_labels = (EXPAND,)"
                                                  << "`EXPAND` (line 5) is not a literal";
    QTest::newRow("a sequence inside a sequence") << neutronPackages("LABELS = ('a', 'b')\n")
                                                  << "from neutron.db.migration import cli\nbranch_labels = (cli.LABELS,)"
                                                  << "cli.LABELS is a sequence (a, b), which cannot be an element here";
    QTest::newRow("re-export cycle")
        << Files{{"proj/__init__.py", ""}, {"proj/a.py", "from proj.b import X\n"}, {"proj/b.py", "from proj.a import X\n"}}
        << "from proj import a\nbranch_labels = (a.X,)" << "import cycle: proj.a.X -> proj.b.X -> proj.a.X";
    QTest::newRow("second re-export")
        << neutronPackages("from neutron.db.migration.base import EXPAND_BRANCH\n",
                           "from neutron.db.migration.cli import EXPAND_BRANCH\n")
        << "from neutron.db import migration\nbranch_labels = (migration.EXPAND_BRANCH,)"
        << "Headway follows one re-export, no deeper";
    QTest::newRow("module is a directory") << Files{{"proj/__init__.py", ""}, {"proj/consts.py", "<dir>"}}
                                           << "from proj import consts\nbranch_labels = (consts.X,)"
                                           << "proj/consts.py is a directory, not a file";
    QTest::newRow("module is a FIFO") << Files{{"proj/__init__.py", ""}, {"proj/consts.py", "<fifo>"}}
                                      << "from proj import consts\nbranch_labels = (consts.X,)"
                                      << "proj/consts.py is not a regular file";
    QTest::newRow("module is a symlink loop") << Files{{"proj/__init__.py", ""}, {"proj/consts.py", "<loop>"}}
                                              << "from proj import consts\nbranch_labels = (consts.X,)"
                                              << "proj/consts.py cannot be read: Too many levels of symbolic links";
    QTest::newRow("module too large") << Files{{"proj/__init__.py", ""}, {"proj/consts.py", "<huge>"}}
                                      << "from proj import consts\nbranch_labels = (consts.X,)"
                                      << "proj/consts.py is 64 MB, far larger than any Python source file";
    QTest::newRow("module with a syntax error")
        << Files{{"proj/__init__.py", ""}, {"proj/consts.py", "X = 'x'\n<<<<<<< HEAD\nY = 1\n"}}
        << "from proj import consts\nbranch_labels = (consts.X,)"
        << "proj/consts.py has a syntax error on line 2 (unresolved merge conflict marker";
    QTest::newRow("module with NUL bytes") << Files{{"proj/__init__.py", ""}, {"proj/consts.py", QString(QChar(0)) + "X = 'x'\n"}}
                                           << "from proj import consts\nbranch_labels = (consts.X,)"
                                           << "proj/consts.py contains NUL bytes";
    QTest::newRow("relative import in a migration") << Files{} << "from . import consts\nbranch_labels = (consts.X,)"
                                                    << "is relative, and a migration file belongs to no package";
    QTest::newRow("revision that is not one id") << neutronPackages("IDS = ('a', 'b')\n")
                                                 << "from neutron.db.migration import cli\nrevision = cli.IDS"
                                                 << "it reads as (a, b), not a single revision id";
}

void TestModuleConstants::aFailedLookupKeepsTheDiagnosticAndSaysWhy()
{
    QFETCH(Files, modules);
    QFETCH(QString, source);
    QFETCH(QString, reason);
    const QString root = writeCheckout(m_dir, QStringLiteral("bad%1").arg(++m_case), modules, "branch_labels", source);
    QElapsedTimer clock;
    clock.start();
    const Repository repository = RepositoryLoader::load(root + "/migrations");
    QVERIFY2(clock.elapsed() < 10000, "a module lookup must never hang the load");
    QCOMPARE(repository.files.size(), 1);
    const MigrationFile &file = repository.files.first();
    const AssignedValue &value = source.contains("revision = cli") ? file.revision : file.branchLabels;
    QVERIFY(value.present);
    QVERIFY2(!value.literal, "a value that could not be looked up stays unknown");
    QVERIFY(value.resolvedFromModule.isEmpty());
    const Diagnostic *diagnostic = findDiagnostic(file.diagnostics, "non-literal-value");
    QVERIFY2(diagnostic, qPrintable(describe(file.diagnostics)));
    QCOMPARE(diagnostic->line, value.line);
    QVERIFY2(diagnostic->message.contains(reason), qPrintable(diagnostic->message));
    QVERIFY2(diagnostic->hint.contains("Resolve with Python"), qPrintable(diagnostic->hint));
    QVERIFY(!findDiagnostic(file.diagnostics, "resolved-from-module"));
}

void TestModuleConstants::neutronCheckoutGetsItsLabelsAndDependencies()
{
    const QString root = m_dir.filePath("neutron");
    const QString alembic = test::writeNeutronCheckout(root);
    const Repository repository = RepositoryLoader::load(alembic);
    QVERIFY2(!hasErrors(repository.diagnostics), qPrintable(describe(repository.diagnostics)));
    QVERIFY2(!findDiagnostic(repository.diagnostics, "non-literal-value"), qPrintable(describe(repository.diagnostics)));
    const RevisionGraph &graph = repository.graph;
    QCOMPARE(graph.size(), 4);
    const int expand = graph.indexOf("1a0000000001");
    const int contract = graph.indexOf("2b0000000001");
    const int second = graph.indexOf("1a0000000002");
    const int third = graph.indexOf("1a0000000003");
    QVERIFY(expand >= 0 && contract >= 0 && second >= 0 && third >= 0);
    QCOMPARE(graph.node(expand).branchLabels, QStringList({"expand", "liberty"}));
    QCOMPARE(graph.node(contract).branchLabels, QStringList({"contract", "liberty_contract"}));
    QCOMPARE(graph.node(third).branchLabels, QStringList({"expand", "liberty"}));
    QCOMPARE(graph.node(third).parents, QList<int>{second});
    // depends_on = CONTRACT_BRANCH names the contract branch by its label.
    QCOMPARE(graph.node(second).dependencies, QList<int>{contract});
    QCOMPARE(ids(graph, graph.heads()), QStringList({"1a0000000003", "2b0000000001"}));

    const JsonReport json(repository);
    const QJsonObject contractJson = json.revision(contract);
    QCOMPARE(contractJson.value("resolved_from_module").toObject(),
             (QJsonObject{{"branch_labels", QJsonObject{{"migration.CONTRACT_BRANCH", "neutron/db/migration/cli.py"}}}}));
    QCOMPARE(contractJson.value("resolved_through_python").toArray(), QJsonArray());
    QCOMPARE(json.revision(third).value("resolved_from_module").toObject(),
             (QJsonObject{{"down_revision",
                           QJsonObject{{"PREVIOUS", "neutron/db/migration/alembic_migrations/versions/mitaka/expand/"
                                                    "1a0000000003_third_expand.py"}}},
                          {"branch_labels", QJsonObject{{"neutron.db.migration.LIBERTY",
                                                         "neutron/db/migration/__init__.py"}}}}));
    QCOMPARE(json.revision(graph.indexOf("1a0000000002")).value("resolved_from_module").toObject(),
             (QJsonObject{{"depends_on", QJsonObject{{"CONTRACT_BRANCH", "neutron/db/migration/cli.py"}}}}));
}

void TestModuleConstants::neutronCheckoutMatchesAlembic()
{
    const QString root = m_dir.filePath("neutron-oracle");
    const QString alembic = test::writeNeutronCheckout(root);
    const InterpreterChoice python = InterpreterDiscovery::find(root, {QStringLiteral("alembic")});
    if (!python.found())
        QSKIP("no interpreter with alembic to compare with");
    QProcess oracle;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("PYTHONPATH", root); // how the project runs: its checkout importable
    oracle.setProcessEnvironment(environment);
    oracle.start(python.path, {QStringLiteral(HEADWAY_TESTS_DIR "/oracle/alembic_oracle.py"), alembic});
    QVERIFY2(oracle.waitForFinished(120000), "the Alembic oracle did not finish");
    QVERIFY2(oracle.exitCode() == 0, oracle.readAllStandardError().constData());
    const QJsonObject answer = QJsonDocument::fromJson(oracle.readAllStandardOutput().trimmed()).object();
    QVERIFY2(answer.value("ok").toBool(), qPrintable(answer.value("error").toString()));

    const Repository repository = RepositoryLoader::load(alembic);
    const RevisionGraph &graph = repository.graph;
    QStringList heads = strings(answer.value("heads"));
    heads.sort();
    QCOMPARE(ids(graph, graph.heads()), heads);
    QStringList realHeads = strings(answer.value("real_heads"));
    realHeads.sort();
    QCOMPARE(ids(graph, graph.realHeads()), realHeads);
    const QJsonObject revisions = answer.value("revisions").toObject();
    QCOMPARE(graph.size(), static_cast<int>(revisions.size()));
    for (auto it = revisions.constBegin(); it != revisions.constEnd(); ++it) {
        const int node = graph.indexOf(it.key());
        QVERIFY2(node >= 0, qPrintable(it.key()));
        const QJsonObject expected = it.value().toObject();
        QCOMPARE(graph.node(node).branchLabels, strings(expected.value("branch_labels")));
        QCOMPARE(graph.node(node).downRevisions, strings(expected.value("down_revisions")));
        QStringList dependencies = strings(expected.value("dependencies"));
        dependencies.sort();
        QCOMPARE(ids(graph, graph.node(node).dependencies), dependencies);
    }
}

void TestModuleConstants::theInterpretersPathIsAskedOnceAndOnlyWhenNeeded()
{
    // An installed package outside the checkout, as site-packages would hold it.
    const QString sitePackages = m_dir.filePath("site-packages");
    writeFile(sitePackages + "/vendorlib/__init__.py", "");
    writeFile(sitePackages + "/vendorlib/constants.py", "FEATURE = 'vendor'\n");
    const QString root = writeCheckout(m_dir, "installed", {}, "branch_labels",
                                       "from vendorlib import constants\nbranch_labels = (constants.FEATURE,)");
    writeFile(root + "/migrations/versions/bbbb_more.py",
              "revision = 'bbbb'\ndown_revision = 'aaaa'\nfrom vendorlib.constants import FEATURE\n"
              "depends_on = None\nbranch_labels = (FEATURE + '_x',)\nimport vendorlib.missing\n"
              "down_revision = vendorlib.missing.PARENT\n");
    int asked = 0;
    LoadOptions options;
    options.interpreterPaths = [&](const RepositoryLayout &layout) {
        ++asked;
        return layout.found ? QStringList{sitePackages} : QStringList{};
    };
    const Repository repository = RepositoryLoader::load(root + "/migrations", options);
    QCOMPARE(asked, 1);
    const MigrationFile &file = repository.files.first();
    QCOMPARE(file.branchLabels.values, QStringList{"vendor"});
    // Outside the checkout the module is named by its absolute path.
    QCOMPARE(file.branchLabels.resolvedFromModule.value("constants.FEATURE"),
             QDir::cleanPath(sitePackages + "/vendorlib/constants.py"));
    const Diagnostic *missing = findDiagnostic(repository.files.at(1).diagnostics, "non-literal-value");
    QVERIFY(missing);
    QVERIFY2(missing->message.contains("module vendorlib.missing not found under migrations, ., nor in the "
                                       "interpreter's sys.path (1 directories)"),
             qPrintable(missing->message));

    // Everything found in the checkout: the interpreter is never asked.
    asked = 0;
    const QString local = writeCheckout(m_dir, "local", neutronPackages(), "branch_labels",
                                        "from neutron.db.migration import cli\nbranch_labels = (cli.EXPAND_BRANCH,)");
    QCOMPARE(RepositoryLoader::load(local + "/migrations", options).files.first().branchLabels.values,
             QStringList{"expand"});
    QCOMPARE(asked, 0);
}

void TestModuleConstants::eachModuleFileIsReadOnce()
{
    const QString root = m_dir.filePath("cache");
    writeFile(root + "/.git/HEAD", "ref: refs/heads/main\n");
    writeFile(root + "/proj/__init__.py", "");
    writeFile(root + "/proj/constants.py", "EXPAND = 'expand'\n");
    ModuleSearchPath searchPath;
    searchPath.repositoryRoot = root;
    searchPath.roots = {root};
    ModuleConstants constants(searchPath);
    QCOMPARE(constants.constant("proj.constants", "EXPAND").value.strings, QStringList{"expand"});
    // Changing the file within one load does not change the answer: it was read once.
    writeFile(root + "/proj/constants.py", "EXPAND = 'changed'\n");
    const ModuleConstant again = constants.constant("proj.constants", "EXPAND");
    QVERIFY2(again.ok(), qPrintable(again.reason));
    QCOMPARE(again.value.strings, QStringList{"expand"});
    QCOMPARE(again.modulePath, root + "/proj/constants.py");
    QCOMPARE(ModuleConstants(searchPath).constant("proj.constants", "EXPAND").value.strings, QStringList{"changed"});
}

QTEST_GUILESS_MAIN(TestModuleConstants)
#include "tst_moduleconstants.moc"
