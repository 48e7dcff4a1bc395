// headway-gen-history: write a random Alembic history and print its root.

#include "HistoryGenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <exception>
#include <iterator>
#include <utility>

using headway::testsupport::HistorySpec;

namespace {

// Without a valueName the option is a flag.
QCommandLineOption option(const char *name, const char *help, const char *valueName = "",
                          const char *fallback = "")
{
    return QCommandLineOption(QLatin1String(name), QLatin1String(help), QLatin1String(valueName),
                              QLatin1String(fallback));
}

bool parseBreakage(const QString &name, HistorySpec::Breakage *breakage)
{
    using Breakage = HistorySpec::Breakage;
    const std::pair<const char *, Breakage> kinds[] = {{"none", Breakage::None},
                                                       {"missing-parent", Breakage::MissingParent},
                                                       {"cycle", Breakage::Cycle},
                                                       {"duplicate-id", Breakage::DuplicateId}};
    for (const auto &[kindName, kind] : kinds) {
        if (name == QLatin1String(kindName)) {
            *breakage = kind;
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("headway-gen-history"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a reproducible random Alembic history."));
    parser.addHelpOption();
    const QCommandLineOption seed = option("seed", "RNG seed.", "N", "1");
    const QCommandLineOption revisions = option("revisions", "Number of revisions.", "N", "50");
    const QCommandLineOption out = option("out", "Root directory to write.", "DIR");
    const QCommandLineOption flask = option("flask-bodies", "Flask-Migrate autogenerate bodies.");
    const QCommandLineOption singleHead = option("single-head", "Merge all heads at the end.");
    const QCommandLineOption labels = option("labels", "Probability of branch_labels.", "P", "0");
    const QCommandLineOption depends = option("depends", "Probability of depends_on.", "P", "0");
    const QCommandLineOption locations = option("locations", "Version directories, 1..3.", "N", "1");
    const QCommandLineOption bases = option("extra-bases", "Additional independent roots.", "N", "0");
    const QCommandLineOption branches = option("branch-chance", "Probability a revision starts a branch.", "P", "0.15");
    const QCommandLineOption merges = option("merge-chance", "Probability of a merge of open heads.", "P", "0.15");
    const QCommandLineOption breakage =
        option("breakage", "none, missing-parent, cycle or duplicate-id.", "KIND", "none");
    parser.addOptions({seed, revisions, out, flask, singleHead, labels, depends, locations, bases, branches, merges, breakage});
    parser.process(app);

    HistorySpec spec;
    bool ok[8];
    spec.seed = parser.value(seed).toULongLong(&ok[0]);
    spec.revisionCount = parser.value(revisions).toInt(&ok[1]);
    spec.branchLabelProbability = parser.value(labels).toDouble(&ok[2]);
    spec.dependsOnProbability = parser.value(depends).toDouble(&ok[3]);
    spec.versionLocations = parser.value(locations).toInt(&ok[4]);
    spec.extraBases = parser.value(bases).toInt(&ok[5]);
    spec.branchProbability = parser.value(branches).toDouble(&ok[6]);
    spec.mergeProbability = parser.value(merges).toDouble(&ok[7]);
    spec.flaskBodies = parser.isSet(flask);
    spec.leaveOpenHeads = !parser.isSet(singleHead);
    const bool valid = std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; })
        && parseBreakage(parser.value(breakage), &spec.breakage) && parser.isSet(out);

    QTextStream err(stderr);
    if (!valid) {
        err << "headway-gen-history: invalid or missing arguments; see --help\n";
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
