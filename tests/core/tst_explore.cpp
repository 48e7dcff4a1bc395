// Exploring a revision graph without widgets: Find (id prefix or message,
// history order, a cursor that wraps), keyboard navigation (first parent,
// first child, siblings of the first parent), lineage, the path between two
// revisions, and the roles the graph view styles.
#include "GraphNavigation.h"
#include "RevisionRoles.h"
#include "RevisionSearch.h"
#include "parser/MigrationParser.h"
#include "repository/Repository.h"

#include <QTest>

using namespace headway;

namespace {

// "a b:a c:b d:b e:c+d f:gone g~a h@label": `:` parents ('+' between several),
// `~` a depends_on, `@` a branch label; an id listed twice is declared twice.
// Messages default to "change <id>".
Repository repositoryOf(const QString &sketch, const QHash<QString, QString> &messages = {})
{
    Repository repository;
    int number = 0;
    for (QString token : sketch.split(u' ', Qt::SkipEmptyParts)) {
        QString extra;
        if (const qsizetype at = token.indexOf(u'@'); at >= 0) {
            extra += QStringLiteral("branch_labels = ('%1',)\n").arg(token.mid(at + 1));
            token.truncate(at);
        }
        if (const qsizetype tilde = token.indexOf(u'~'); tilde >= 0) {
            extra += QStringLiteral("depends_on = '%1'\n").arg(token.mid(tilde + 1));
            token.truncate(tilde);
        }
        const QString id = token.section(u':', 0, 0);
        const QStringList parents = token.section(u':', 1).split(u'+', Qt::SkipEmptyParts);
        QStringList quoted;
        for (const QString &parent : parents)
            quoted << QStringLiteral("'%1'").arg(parent);
        const QString down = parents.isEmpty() ? QStringLiteral("None")
            : parents.size() == 1              ? quoted.first()
                                               : QStringLiteral("(%1)").arg(quoted.join(QStringLiteral(", ")));
        const QString message = messages.value(id, QStringLiteral("change ") + id);
        const QString source = QStringLiteral("\"\"\"%1\n\nRevision ID: %2\n\"\"\"\n"
                                              "revision = '%2'\ndown_revision = %3\n%4\n")
                                   .arg(message, id, down, extra);
        const QString path = QStringLiteral("/sketch/versions/%1_%2.py").arg(++number, 4, 10, QLatin1Char('0')).arg(id);
        repository.files.append(MigrationParser::parse(path, source.toUtf8()));
    }
    repository.graph = RevisionGraph(repository.files);
    return repository;
}

int indexOf(const Repository &repository, const QString &id)
{
    const int index = repository.graph.indexOf(id);
    if (index < 0 && !id.isEmpty())
        qFatal("sketch has no revision %s", qPrintable(id));
    return id.isEmpty() ? -1 : index;
}

QString idsOf(const Repository &repository, const QList<int> &revisions)
{
    QStringList ids;
    for (int revision : revisions)
        ids << (revision < 0 ? QStringLiteral("-") : repository.graph.node(revision).id);
    return ids.join(u' ');
}

// The demo's shape: a shared trunk, then two heads on one branch point.
const QString kForkSketch = QStringLiteral("1a2b3c 4d5e6f:1a2b3c 7a8b9c:4d5e6f abc123:7a8b9c abd456:7a8b9c");
const QHash<QString, QString> kForkMessages{
    {"1a2b3c", "create users"},
    {"4d5e6f", "create Post model"},
    {"7a8b9c", "add created_at to post"},
    {"abc123", "add user preferences"},
    {"abd456", "add POST slug\n\nLonger text that mentions zebra."},
};

} // namespace

class TestExplore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forkHistoryOrderIsAsAlembicPrintsIt();
    void searchMatchesIdPrefixOrMessage_data();
    void searchMatchesIdPrefixOrMessage();
    void searchCursorWrapsBothWays();
    void searchCursorContinuesFromAMatch();
    void searchWithoutMatchesHasNoCursor();
    void navigationFollowsDeterministicRules_data();
    void navigationFollowsDeterministicRules();
    void lineageExcludesTheRevisionAndFollowsDependsOn_data();
    void lineageExcludesTheRevisionAndFollowsDependsOn();
    void pathIsShortestAlongDownRevisionInEitherDirection_data();
    void pathIsShortestAlongDownRevisionInEitherDirection();
    void navigationSurvivesCycles();
    void rolesAreWhatTheViewStyles_data();
    void rolesAreWhatTheViewStyles();
};

void TestExplore::forkHistoryOrderIsAsAlembicPrintsIt()
{
    const Repository repository = repositoryOf(kForkSketch, kForkMessages);
    QCOMPARE(idsOf(repository, repository.graph.historyOrder()), "abc123 abd456 7a8b9c 4d5e6f 1a2b3c");
}

void TestExplore::searchMatchesIdPrefixOrMessage_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("message word, any case, history order") << "post" << "abd456 7a8b9c 4d5e6f";
    QTest::newRow("upper-case query") << "POST" << "abd456 7a8b9c 4d5e6f";
    QTest::newRow("id prefix") << "ab" << "abc123 abd456";
    QTest::newRow("unique id prefix") << "abd" << "abd456";
    QTest::newRow("upper-case id prefix") << "ABC1" << "abc123";
    QTest::newRow("id infix is not a match") << "c12" << "";
    QTest::newRow("query is trimmed") << "  user " << "abc123 1a2b3c";
    QTest::newRow("message phrase") << "created_at to" << "7a8b9c";
    QTest::newRow("only the first paragraph is the message") << "zebra" << "";
    QTest::newRow("empty query matches nothing") << "" << "";
    QTest::newRow("blank query matches nothing") << "   " << "";
    QTest::newRow("no match") << "index" << "";
}

void TestExplore::searchMatchesIdPrefixOrMessage()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Repository repository = repositoryOf(kForkSketch, kForkMessages);
    RevisionSearch search(repository);
    QCOMPARE(idsOf(repository, search.matchesOf(text)), expected);
    QCOMPARE(search.find(text), expected.isEmpty() ? 0 : int(expected.split(u' ').size()));
    QCOMPARE(idsOf(repository, search.matches()), expected);
}

void TestExplore::searchCursorWrapsBothWays()
{
    const Repository repository = repositoryOf(kForkSketch, kForkMessages);
    RevisionSearch search(repository);
    QCOMPARE(search.find("post"), 3);
    QCOMPARE(search.currentPosition(), 0);
    QStringList forward{repository.graph.node(search.current()).id};
    for (int step = 0; step < 3; ++step)
        forward << repository.graph.node(search.next()).id;
    QCOMPARE(forward.join(u' '), "abd456 7a8b9c 4d5e6f abd456");
    QCOMPARE(repository.graph.node(search.previous()).id, "4d5e6f");
    QCOMPARE(search.currentPosition(), 2);
    QCOMPARE(repository.graph.node(search.previous()).id, "7a8b9c");
}

void TestExplore::searchCursorContinuesFromAMatch()
{
    const Repository repository = repositoryOf(kForkSketch, kForkMessages);
    RevisionSearch search(repository);
    search.find("post");
    QVERIFY(search.moveTo(indexOf(repository, "7a8b9c")));
    QCOMPARE(repository.graph.node(search.next()).id, "4d5e6f");
    QVERIFY2(!search.moveTo(indexOf(repository, "abc123")), "a revision that does not match cannot be the cursor");
    QCOMPARE(search.currentPosition(), 2);
}

void TestExplore::searchWithoutMatchesHasNoCursor()
{
    const Repository repository = repositoryOf(kForkSketch, kForkMessages);
    RevisionSearch search(repository);
    QCOMPARE(search.find("nothing like this"), 0);
    QCOMPARE(search.current(), -1);
    QCOMPARE(search.next(), -1);
    QCOMPARE(search.previous(), -1);
    QCOMPARE(RevisionSearch().find("post"), 0);
}

void TestExplore::navigationFollowsDeterministicRules_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("move");
    QTest::addColumn<QString>("preferred");
    QTest::addColumn<QString>("expected"); // "" for none

    const QString fork = kForkSketch;
    QTest::newRow("parent of a head") << fork << "abd456" << "parent" << "" << "7a8b9c";
    QTest::newRow("parent of a base is none") << fork << "1a2b3c" << "parent" << "" << "";
    QTest::newRow("child of a branch point: first in history order") << fork << "7a8b9c" << "child" << "" << "abc123";
    QTest::newRow("child prefers where the user came from") << fork << "7a8b9c" << "child" << "abd456" << "abd456";
    QTest::newRow("preferred child must be a child") << fork << "7a8b9c" << "child" << "1a2b3c" << "abc123";
    QTest::newRow("child of a head is none") << fork << "abc123" << "child" << "" << "";
    QTest::newRow("next sibling") << fork << "abc123" << "next" << "" << "abd456";
    QTest::newRow("next sibling wraps") << fork << "abd456" << "next" << "" << "abc123";
    QTest::newRow("previous sibling wraps") << fork << "abc123" << "previous" << "" << "abd456";
    QTest::newRow("only child has no sibling") << fork << "4d5e6f" << "next" << "" << "";

    const QString merge = QStringLiteral("a b:a c:a m:b+c");
    QTest::newRow("merge: first parent in down_revision order") << merge << "m" << "parent" << "" << "b";
    QTest::newRow("merge: second parent when preferred") << merge << "m" << "parent" << "c" << "c";
    QTest::newRow("merge parent's child is the merge") << merge << "c" << "child" << "" << "m";

    const QString roots = QStringLiteral("a b:a x y:x z:gone");
    QTest::newRow("bases are siblings") << roots << "a" << "next" << "" << "x";
    QTest::newRow("a revision with a missing parent is a root") << roots << "x" << "next" << "" << "z";
    QTest::newRow("missing parent is not a parent") << roots << "z" << "parent" << "" << "";
}

void TestExplore::navigationFollowsDeterministicRules()
{
    QFETCH(QString, sketch);
    QFETCH(QString, start);
    QFETCH(QString, move);
    QFETCH(QString, preferred);
    QFETCH(QString, expected);
    const Repository repository = repositoryOf(sketch);
    const GraphNavigation navigation(repository.graph);
    const int from = indexOf(repository, start);
    const int hint = indexOf(repository, preferred);
    const int result = move == "parent" ? navigation.parent(from, hint)
        : move == "child"               ? navigation.child(from, hint)
        : move == "next"                ? navigation.nextSibling(from)
                                        : navigation.previousSibling(from);
    QCOMPARE(result < 0 ? QString() : repository.graph.node(result).id, expected);
}

void TestExplore::lineageExcludesTheRevisionAndFollowsDependsOn_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("ancestors");
    QTest::addColumn<QString>("descendants");
    QTest::newRow("branch point") << kForkSketch << "7a8b9c" << "4d5e6f 1a2b3c" << "abc123 abd456";
    QTest::newRow("head") << kForkSketch << "abd456" << "7a8b9c 4d5e6f 1a2b3c" << "";
    QTest::newRow("depends_on counts") << "a b:a x y:x~b" << "y" << "x b a" << "";
    QTest::newRow("dependency's dependents") << "a b:a x y:x~b" << "b" << "a" << "y";
}

void TestExplore::lineageExcludesTheRevisionAndFollowsDependsOn()
{
    QFETCH(QString, sketch);
    QFETCH(QString, revision);
    QFETCH(QString, ancestors);
    QFETCH(QString, descendants);
    const Repository repository = repositoryOf(sketch);
    const GraphNavigation navigation(repository.graph);
    const int index = indexOf(repository, revision);
    QCOMPARE(idsOf(repository, navigation.ancestors(index)), ancestors);
    QCOMPARE(idsOf(repository, navigation.descendants(index)), descendants);
}

void TestExplore::pathIsShortestAlongDownRevisionInEitherDirection_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    const QString diamond = QStringLiteral("a b:a c:b d:a e:c+d f:e");
    QTest::newRow("towards the base") << diamond << "f" << "a" << "f e d a";
    QTest::newRow("towards the head") << diamond << "a" << "f" << "a d e f";
    QTest::newRow("along a trunk") << diamond << "c" << "a" << "c b a";
    QTest::newRow("same revision") << diamond << "c" << "c" << "c";
    QTest::newRow("siblings are unrelated") << kForkSketch << "abc123" << "abd456" << "";
    QTest::newRow("branches are unrelated") << diamond << "b" << "d" << "";
    QTest::newRow("depends_on is not a path") << "a b:a x y:x~b" << "y" << "b" << "";
}

void TestExplore::pathIsShortestAlongDownRevisionInEitherDirection()
{
    QFETCH(QString, sketch);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    const Repository repository = repositoryOf(sketch);
    const GraphNavigation navigation(repository.graph);
    QCOMPARE(idsOf(repository, navigation.path(indexOf(repository, from), indexOf(repository, to))), expected);
}

void TestExplore::navigationSurvivesCycles()
{
    const Repository repository = repositoryOf("a b:a+d c:b d:c");
    const GraphNavigation navigation(repository.graph);
    const int b = indexOf(repository, "b");
    const int d = indexOf(repository, "d");
    QCOMPARE(idsOf(repository, navigation.path(b, d)), "b d");
    QVERIFY2(!navigation.ancestors(b).contains(b), "a revision is never its own ancestor in the highlight");
    QCOMPARE(navigation.parent(b), indexOf(repository, "a"));
}

void TestExplore::rolesAreWhatTheViewStyles_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("roles");
    const QString graph = QStringLiteral("a b:a c:a m:b+c@release z:gone");
    QTest::newRow("base and branch point") << graph << "a" << "base, branch point";
    QTest::newRow("head, merge point, branch label") << graph << "m" << "head, merge point, branch label";
    QTest::newRow("plain revision") << graph << "b" << "";
    QTest::newRow("missing parent") << graph << "z" << "head, missing parent";
    QTest::newRow("declared twice") << "a b:a b:a" << "b" << "head, duplicate id";
    QTest::newRow("cycle") << "a b:a+c c:b" << "c" << "in a cycle";
}

void TestExplore::rolesAreWhatTheViewStyles()
{
    QFETCH(QString, sketch);
    QFETCH(QString, revision);
    QFETCH(QString, roles);
    const Repository repository = repositoryOf(sketch);
    const QList<RevisionRoles> all = revisionRoles(repository.graph);
    QCOMPARE(all.size(), repository.graph.size());
    QCOMPARE(roleNames(all.at(indexOf(repository, revision))).join(", "), roles);
}

QTEST_GUILESS_MAIN(TestExplore)
#include "tst_explore.moc"
