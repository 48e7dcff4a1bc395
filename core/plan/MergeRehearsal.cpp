#include "MergeRehearsal.h"

#include "conflicts/BranchSpans.h"
#include "database/DatabaseLocation.h"
#include "report/RevisionName.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace headway {

namespace {

// All orders of up to three heads; beyond that each head first once (n orders, not n!).
QList<QList<int>> orders(const QList<int> &heads)
{
    QList<QList<int>> all;
    if (heads.size() <= 3) {
        QList<int> order = heads;
        std::sort(order.begin(), order.end());
        do {
            all += order;
        } while (std::next_permutation(order.begin(), order.end()));
        return all;
    }
    for (qsizetype first = 0; first < heads.size(); ++first)
        all += heads.mid(first) + heads.mid(0, first);
    return all;
}

QString ids(const Repository &repository, const QList<int> &nodes, const QString &separator)
{
    QStringList names;
    for (int node : nodes)
        names += revisionName(repository, node);
    return names.join(separator);
}

QJsonObject action(const char *kind, int path, const QString &target = {})
{
    QJsonObject object{{QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("path"), path}};
    if (!target.isEmpty())
        object.insert(QStringLiteral("target"), target);
    return object;
}

} // namespace

int MergeRehearsal::mergeOf(const Repository &repository, const QList<int> &heads)
{
    const QSet<int> wanted(heads.cbegin(), heads.cend());
    for (int node = 0; node < repository.graph.size(); ++node) {
        const RevisionNode &revision = repository.graph.node(node);
        if (!revision.shadowed && revision.parents.size() == wanted.size()
            && QSet<int>(revision.parents.cbegin(), revision.parents.cend()) == wanted)
            return node;
    }
    return -1;
}

QList<RehearsalPath> MergeRehearsal::paths(const Repository &repository, const QList<int> &heads)
{
    const RevisionGraph &graph = repository.graph;
    const int merge = mergeOf(repository, heads);
    QStringList finalTargets;
    QString finalWords;
    const QList<int> &current = graph.heads();
    if (merge >= 0) {
        finalTargets = {graph.node(merge).id};
        finalWords = QStringLiteral("the merge ") + revisionName(repository, merge);
    } else if (QSet<int>(heads.cbegin(), heads.cend()) == QSet<int>(current.cbegin(), current.cend())) {
        finalTargets = {QStringLiteral("heads")};
        finalWords = QStringLiteral("every head");
    } else {
        for (int head : heads)
            finalTargets += graph.node(head).id;
        finalWords = QStringLiteral("each head");
    }

    QList<RehearsalPath> paths;
    paths += RehearsalPath{RehearsalPath::Kind::AlembicOrder, QStringLiteral("From base, in Alembic's order, to ") + finalWords,
                           QStringLiteral("base"), finalTargets, 0};
    for (const QList<int> &order : orders(heads)) {
        RehearsalPath path{RehearsalPath::Kind::BranchOrder, QStringLiteral("From base: ") + ids(repository, order, QStringLiteral(", then ")),
                           QStringLiteral("base"), {}, 0};
        for (int head : order)
            path.targets += graph.node(head).id;
        if (merge >= 0) {
            path.targets += graph.node(merge).id;
            path.title += QStringLiteral(", then the merge");
        }
        paths += path;
    }
    for (int head : heads)
        paths += RehearsalPath{RehearsalPath::Kind::Deployed,
                               QStringLiteral("Deployed at %1, then upgraded to %2").arg(revisionName(repository, head), finalWords),
                               graph.node(head).id, QStringList{graph.node(head).id} + finalTargets, 1};
    const QList<int> ancestors = BranchSpans(graph, heads).commonAncestors();
    if (!ancestors.isEmpty()) {
        RehearsalPath path{RehearsalPath::Kind::FromAncestor,
                           QStringLiteral("From the common ancestor %1 to %2").arg(ids(repository, ancestors, QStringLiteral(" and ")), finalWords),
                           graph.node(ancestors.first()).id, {}, int(ancestors.size())};
        for (int ancestor : ancestors)
            path.targets += graph.node(ancestor).id;
        path.targets += finalTargets;
        paths += path;
    }
    // The same upgrades twice prove nothing more.
    QList<RehearsalPath> distinct;
    for (const RehearsalPath &path : paths)
        if (std::none_of(distinct.cbegin(), distinct.cend(), [&](const RehearsalPath &p) { return p.targets == path.targets; }))
            distinct += path;
    return distinct;
}

QList<DrivenStep> MergeRehearsal::drivenSteps(const MigrationTool &scratchTool,
                                              const ScratchDatabase &scratch, const QList<RehearsalPath> &paths,
                                              const QString &adminUrl, const QString &databaseName, QList<int> &pathOfStep)
{
    QList<DrivenStep> steps;
    pathOfStep.clear();
    if (scratchTool.backend().kind == MigrationBackend::Kind::FlaskMigrate) {
        QJsonObject verify{{QStringLiteral("kind"), QStringLiteral("verify")},
                           {QStringLiteral("url"), scratch.url},
                           {QStringLiteral("variable"), scratchTool.settings().databaseUrlVariable}};
        steps += DrivenStep{{QStringLiteral("Check that the app uses the scratch database"),
                             DatabaseLocator::verifyCommand(scratchTool, scratch.file.isEmpty() ? scratch.shownUrl : scratch.file)},
                            verify};
        pathOfStep += -1;
    }
    const CommandLine inspect = scratchTool.pythonCommand(
        {QStringLiteral("-c"), QStringLiteral("import sqlalchemy, sys; i = sqlalchemy.inspect(sqlalchemy.create_engine(sys.argv[1])); "
                                              "print({t: [c['name'] for c in i.get_columns(t)] for t in i.get_table_names()})"),
         scratch.url});
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const RehearsalPath &path = paths.at(i);
        const QString prefix = QStringLiteral("Path %1: ").arg(i + 1);
        // On a server the driver drops and creates the scratch database; a SQLite file is removed.
        CommandLine fresh;
        if (databaseName.isEmpty()) {
            fresh.program = QStringLiteral("rm");
            fresh.arguments = {QStringLiteral("-f"), scratch.file};
        } else {
            fresh = TestUpgrade::createDatabaseCommand(adminUrl, databaseName);
        }
        steps += DrivenStep{{prefix + QStringLiteral("a fresh scratch database"), fresh}, action("reset", int(i))};
        pathOfStep += int(i);
        for (qsizetype t = 0; t < path.targets.size(); ++t) {
            const QString &target = path.targets.at(t);
            const QString what = t < path.setupSteps ? QStringLiteral("set up the state: upgrade to ") : QStringLiteral("upgrade to ");
            steps += DrivenStep{{prefix + what + target, scratchTool.upgrade(target)}, action("upgrade", int(i), target)};
            pathOfStep += int(i);
        }
        steps += DrivenStep{{prefix + QStringLiteral("read the schema"), inspect}, action("schema", int(i))};
        pathOfStep += int(i);
    }
    return steps;
}

RehearsalReport MergeRehearsal::report(const Repository &repository, const QList<int> &heads, const QList<RehearsalPath> &paths,
                                       const QList<int> &pathOfStep, const QList<StepResult> &results)
{
    RehearsalReport report;
    for (int head : heads)
        report.heads += repository.graph.node(head).id;
    if (const int merge = mergeOf(repository, heads); merge >= 0)
        report.merge = repository.graph.node(merge).id;
    for (const RehearsalPath &path : paths) {
        RehearsalPathResult result;
        result.path = path;
        report.paths += result;
    }
    // Each path ends with its schema step: the path passed when that step did.
    QList<qsizetype> schemaStep(paths.size(), -1);
    for (qsizetype i = 0; i < pathOfStep.size(); ++i)
        if (pathOfStep.at(i) >= 0 && pathOfStep.at(i) < paths.size())
            schemaStep[pathOfStep.at(i)] = i;
    for (qsizetype i = 0; i < results.size() && i < pathOfStep.size(); ++i) {
        if (pathOfStep.at(i) < 0 || pathOfStep.at(i) >= paths.size())
            continue;
        RehearsalPathResult &path = report.paths[pathOfStep.at(i)];
        const StepResult &step = results.at(i);
        path.elapsedMs += step.result.elapsedMs;
        if (step.skipped)
            continue;
        if (!step.result.succeeded() && path.outcome != RehearsalPathResult::Outcome::Failed) {
            path.outcome = RehearsalPathResult::Outcome::Failed;
            path.failingStep = step.step.title;
            path.error = step.error;
            path.errorFrames = step.errorFrames;
            path.output = step.result.output;
        } else if (step.result.succeeded() && i == schemaStep.at(pathOfStep.at(i)) && path.outcome == RehearsalPathResult::Outcome::NotRun) {
            path.outcome = RehearsalPathResult::Outcome::Passed;
            path.schema = step.data;
        }
    }
    for (qsizetype i = 0; i < report.paths.size(); ++i)
        if (report.paths.at(i).outcome == RehearsalPathResult::Outcome::Passed) {
            report.referencePath = int(i);
            break;
        }
    if (report.referencePath < 0)
        return report;
    const QStringList &reference = report.paths.at(report.referencePath).schema;
    const QSet<QString> referenceLines(reference.cbegin(), reference.cend());
    for (RehearsalPathResult &path : report.paths) {
        if (path.outcome != RehearsalPathResult::Outcome::Passed)
            continue;
        const QSet<QString> lines(path.schema.cbegin(), path.schema.cend());
        for (const QString &line : path.schema)
            if (!referenceLines.contains(line))
                path.onlyHere += line;
        for (const QString &line : reference)
            if (!lines.contains(line))
                path.missingHere += line;
    }
    return report;
}

bool RehearsalReport::passed() const
{
    return !paths.isEmpty() && failedPaths() == 0 && differingPaths() == 0
           && std::all_of(paths.cbegin(), paths.cend(), [](const RehearsalPathResult &p) { return p.outcome == RehearsalPathResult::Outcome::Passed; });
}

int RehearsalReport::failedPaths() const
{
    return int(std::count_if(paths.cbegin(), paths.cend(), [](const RehearsalPathResult &p) { return p.outcome == RehearsalPathResult::Outcome::Failed; }));
}

int RehearsalReport::differingPaths() const
{
    return int(std::count_if(paths.cbegin(), paths.cend(), [](const RehearsalPathResult &p) { return p.schemaDiffers(); }));
}

} // namespace headway
