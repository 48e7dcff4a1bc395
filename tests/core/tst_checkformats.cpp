// A repository's health for CI: every code the loader can emit has a rule
// (read from core's own sources, so a new code cannot be left out of the
// JUnit and SARIF reports), annotations sit where the problem is (its file
// and line, each head's file, alembic.ini for the repository as a whole), and
// several heads are an error as the verdict even though the load warns.
#include "TestFiles.h"
#include "diagnostics/DiagnosticCodes.h"
#include "report/CheckFormats.h"
#include "repository/RepositoryLoader.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace headway;
using test::migration;
using test::writeFile;

namespace {

// The codes written where a diagnostic is made: the lowercase-hyphenated literals
// right after the construction (a ternary may give two), up to the message.
QSet<QString> codesInSources()
{
    static const QRegularExpression construction(
        QStringLiteral("Diagnostic::(error|warning|note)\\(|Diagnostic\\s+\\w+\\{|Diagnostic\\{|failed\\(QStringLiteral"));
    static const QRegularExpression literal(QStringLiteral("QStringLiteral\\(\"([^\"]*)\"\\)"));
    static const QRegularExpression code(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
    QSet<QString> codes;
    for (const char *directory : {"parser", "config", "graph", "repository", "fork"}) { // fork: the merge preview
        QDirIterator files(QStringLiteral(HEADWAY_SOURCE_DIR "/core/") + QLatin1String(directory), {QStringLiteral("*.cpp")});
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                qFatal("cannot read %s", qPrintable(file.fileName()));
            const QString source = QString::fromUtf8(file.readAll());
            for (auto at = construction.globalMatch(source); at.hasNext();) {
                const qsizetype start = at.next().capturedStart();
                for (auto value = literal.globalMatch(source.mid(start, 400)); value.hasNext();) {
                    const QString text = value.next().captured(1);
                    if (!code.match(text).hasMatch())
                        break;
                    codes.insert(text);
                }
            }
        }
    }
    return codes;
}

const CiAnnotation *annotationOf(const QList<CiAnnotation> &annotations, const QString &code)
{
    for (const CiAnnotation &annotation : annotations)
        if (annotation.code == code)
            return &annotation;
    return nullptr;
}

} // namespace

class TestCheckFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeTheLoaderEmitsHasARule()
    {
        const QSet<QString> emitted = codesInSources();
        QVERIFY2(emitted.size() >= 30, qPrintable(QStringLiteral("only %1 codes read from core's sources").arg(emitted.size())));
        QSet<QString> listed;
        for (const DiagnosticCode &known : diagnosticCodes()) {
            QVERIFY2(!listed.contains(known.code), qPrintable(known.code + QStringLiteral(" is listed twice")));
            QVERIFY2(!known.title.isEmpty() && !known.help.isEmpty(), qPrintable(known.code));
            listed.insert(known.code);
        }
        for (const QString &code : emitted)
            QVERIFY2(listed.contains(code), qPrintable(code + QStringLiteral(" is emitted but has no entry in diagnosticCodes()")));
        for (const QString &code : std::as_const(listed))
            QVERIFY2(emitted.contains(code), qPrintable(code + QStringLiteral(" is listed but nothing emits it")));
    }

    void severalHeadsAreOneErrorAtEachHead()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("versions/a_base.py"), migration("aaaa", ""));
        writeFile(dir.filePath("versions/b_one.py"), migration("bbbb", "aaaa", "add posts"));
        writeFile(dir.filePath("versions/c_two.py"), migration("cccc", "aaaa", "add tags"));
        const Repository repository = RepositoryLoader::load(dir.path());
        const HealthVerdict verdict = assessHealth(repository);
        QCOMPARE(verdict.status, HealthVerdict::Status::MultipleHeads);
        const QList<CiAnnotation> annotations = CheckFormats::annotations(repository, verdict);
        QCOMPARE(annotations.size(), 1);
        const CiAnnotation &heads = annotations.first();
        QCOMPARE(heads.code, QStringLiteral("multiple-heads"));
        QCOMPARE(heads.severity, QStringLiteral("error"));
        QVERIFY2(heads.message.contains("bbbb (add posts)") && heads.message.contains("cccc (add tags)"), qPrintable(heads.message));
        QVERIFY2(heads.fix.contains("headway-cli merge") && heads.fix.contains("Merge Heads"), qPrintable(heads.fix));
        QStringList places;
        for (const CiLocation &location : heads.locations)
            places += QStringLiteral("%1:%2").arg(location.path).arg(location.line);
        places.sort();
        QCOMPARE(places, (QStringList{"versions/b_one.py:11", "versions/c_two.py:11"}));

        // A verdict whose repository carries no multiple-heads diagnostic (a merge preview's) still says so.
        Repository without = repository;
        without.diagnostics.clear();
        const QList<CiAnnotation> fromVerdict = CheckFormats::annotations(without, verdict);
        QCOMPARE(fromVerdict.size(), 1);
        QCOMPARE(fromVerdict.first().severity, QStringLiteral("error"));
        QCOMPARE(fromVerdict.first().locations.size(), 2);
    }

    void aBrokenGraphKeepsSeveralHeadsAWarning()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("versions/a_base.py"), migration("aaaa", ""));
        writeFile(dir.filePath("versions/b_lost.py"), migration("bbbb", "gone"));
        const Repository repository = RepositoryLoader::load(dir.path());
        const QList<CiAnnotation> annotations = CheckFormats::annotations(repository, assessHealth(repository));
        const CiAnnotation *missing = annotationOf(annotations, QStringLiteral("missing-revision"));
        QVERIFY(missing);
        QCOMPARE(missing->severity, QStringLiteral("error"));
        QCOMPARE(missing->locations.size(), 1);
        QCOMPARE(missing->locations.first().path, QStringLiteral("versions/b_lost.py"));
        QCOMPARE(missing->locations.first().line, 12);
        const CiAnnotation *heads = annotationOf(annotations, QStringLiteral("multiple-heads"));
        QVERIFY(heads);
        QCOMPARE(heads->severity, QStringLiteral("warning")); // the errors are what fail the check
    }

    void repositoryWideProblemsSitAtAlembicIni()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        writeFile(dir.filePath("migrations/versions/a_base.py"), migration("aaaa", ""));
        Repository repository = RepositoryLoader::load(dir.path());
        QVERIFY(repository.found());
        repository.diagnostics += Diagnostic::warning(QStringLiteral("something-new"), QStringLiteral("Without a file"));
        const QList<CiAnnotation> annotations = CheckFormats::annotations(repository, assessHealth(repository));
        const CiAnnotation *unknown = annotationOf(annotations, QStringLiteral("something-new"));
        QVERIFY(unknown);
        QCOMPARE(unknown->locations.size(), 1);
        QCOMPARE(unknown->locations.first().path, QStringLiteral("alembic.ini"));
        // A code outside the list still gets a rule, after every listed one.
        const QList<CiRule> rules = CheckFormats::rules(annotations);
        QCOMPARE(rules.size(), diagnosticCodes().size() + 1);
        QCOMPARE(rules.last().code, QStringLiteral("something-new"));
        QVERIFY(!rules.last().help.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCheckFormats)
#include "tst_checkformats.moc"
