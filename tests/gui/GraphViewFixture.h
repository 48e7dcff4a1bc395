// What the graph view tests share: the bundled demo, read by the real loader, and
// layouts from LayoutService, as the application gets them, shown in a GraphView.
#pragma once

#include "GraphScene.h"
#include "GraphView.h"
#include "LayoutService.h"
#include "LoadedRepository.h"
#include "RevisionItem.h"
#include "repository/RepositoryLoader.h"

#include <QSignalSpy>
#include <QTest>

#include <clocale>
#include <memory>

namespace headway {

class GraphViewFixture
{
protected:
    void loadDemo()
    {
        std::setlocale(LC_NUMERIC, "C"); // as the application does: Graphviz reads numbers in C
        m_demo = RepositoryLoader::load(QStringLiteral(HEADWAY_SOURCE_DIR "/resources/demo"));
        QVERIFY2(m_demo.found(), "the bundled demo repository was not found");
        QCOMPARE(m_demo.graph.size(), 5);
    }

    GraphLayout layOut(const LayoutInput &input)
    {
        QSignalSpy finished(&m_layouts, &LayoutService::layoutFinished);
        m_layouts.requestLayout(input);
        if (!finished.wait(180000))
            qFatal("LayoutService delivered no layout within 180 s");
        return finished.first().at(1).value<GraphLayout>();
    }

    void show(GraphView &view, const Repository &repository, LayoutDirection direction = LayoutDirection::TopDown)
    {
        LayoutInput input = GraphView::layoutInputFor(repository);
        input.options.direction = direction;
        const GraphLayout layout = layOut(input);
        QVERIFY2(layout.succeeded, "the layout failed");
        view.showGraph(LoadedRepository::make(std::make_shared<const Repository>(repository), input, layout));
    }

    void showDemo(GraphView &view)
    {
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        show(view, m_demo);
    }

    int revision(const GraphView &view, const QString &id) const
    {
        return view.graphScene()->repository().graph.indexOf(id);
    }

    RevisionItem *item(const GraphView &view, const QString &id) const
    {
        return view.graphScene()->revisionItem(revision(view, id));
    }

    LayoutService m_layouts;
    Repository m_demo;
};

} // namespace headway
