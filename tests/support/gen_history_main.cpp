// headway-gen-history: write a random Alembic history and print its root.

#include "HistoryGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <exception>
#include <iterator>

using headway::testsupport::HistorySpec;

namespace {

HistorySpec::Breakage parseBreakage(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("none"))
        return HistorySpec::Breakage::None;
    if (name == QLatin1String("missing-parent"))
        return HistorySpec::Breakage::MissingParent;
    if (name == QLatin1String("cycle"))
        return HistorySpec::Breakage::Cycle;
    if (name == QLatin1String("duplicate-id"))
        return HistorySpec::Breakage::DuplicateId;
    *ok = false;
    return HistorySpec::Breakage::None;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("headway-gen-history"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a reproducible random Alembic migration history."));
    parser.addHelpOption();
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("RNG seed."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption revisions(QStringLiteral("revisions"), QStringLiteral("Number of revisions."),
                                       QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Root directory to create."), QStringLiteral("DIR"));
    const QCommandLineOption flask(QStringLiteral("flask-bodies"), QStringLiteral("Flask-Migrate autogenerate bodies."));
    const QCommandLineOption singleHead(QStringLiteral("single-head"), QStringLiteral("Merge all heads at the end."));
    const QCommandLineOption labels(QStringLiteral("labels"), QStringLiteral("Probability of branch_labels."),
                                    QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption depends(QStringLiteral("depends"), QStringLiteral("Probability of depends_on."),
                                     QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption locations(QStringLiteral("locations"), QStringLiteral("Version directories (1..3)."),
                                       QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption bases(QStringLiteral("extra-bases"), QStringLiteral("Additional independent roots."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption breakage(QStringLiteral("breakage"),
                                      QStringLiteral("none, missing-parent, cycle or duplicate-id."),
                                      QStringLiteral("KIND"), QStringLiteral("none"));
    parser.addOptions({seed, revisions, out, flask, singleHead, labels, depends, locations, bases, breakage});
    parser.process(app);

    QTextStream err(stderr);
    HistorySpec spec;
    bool ok[7];
    spec.seed = parser.value(seed).toULongLong(&ok[0]);
    spec.revisionCount = parser.value(revisions).toInt(&ok[1]);
    spec.branchLabelProbability = parser.value(labels).toDouble(&ok[2]);
    spec.dependsOnProbability = parser.value(depends).toDouble(&ok[3]);
    spec.versionLocations = parser.value(locations).toInt(&ok[4]);
    spec.extraBases = parser.value(bases).toInt(&ok[5]);
    spec.breakage = parseBreakage(parser.value(breakage), &ok[6]);
    spec.flaskBodies = parser.isSet(flask);
    spec.leaveOpenHeads = !parser.isSet(singleHead);
    if (!parser.isSet(out) || std::find(std::begin(ok), std::end(ok), false) != std::end(ok)) {
        err << "invalid or missing arguments; see --help\n";
        return 2;
    }

    try {
        QTextStream(stdout) << headway::testsupport::writeHistory(parser.value(out), spec).root << '\n';
    } catch (const std::exception &e) {
        err << "headway-gen-history: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
