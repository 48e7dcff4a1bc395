// The details panel's text for a revision says where values the migration does
// not write literally came from: a "Read from module" row naming each
// `variable = reference` and the module file it was read from.
#include "ModuleFixtures.h"
#include "details/DetailsText.h"
#include "repository/RepositoryLoader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace headway;

class TestDetailsText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesTheModuleEachValueWasReadFrom()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Repository repository = RepositoryLoader::load(test::writeNeutronCheckout(dir.filePath("neutron")));
        const int contract = repository.graph.indexOf(QStringLiteral("2b0000000001"));
        QVERIFY(contract >= 0);
        const QString html = revisionDetailsHtml(repository, contract);
        QVERIFY2(html.contains(QStringLiteral("Read from module")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<code>branch_labels = migration.CONTRACT_BRANCH</code> &rarr; "
                                              "neutron/db/migration/cli.py")),
                 qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("Resolved through Python")));
    }

    void literalValuesGetNoRow()
    {
        const Repository demo = RepositoryLoader::load(QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo"));
        QVERIFY(demo.graph.size() > 0);
        QVERIFY(!revisionDetailsHtml(demo, 0).contains(QStringLiteral("Read from module")));
    }
};

QTEST_GUILESS_MAIN(TestDetailsText)
#include "tst_detailstext.moc"
