#pragma once
// Draws laid-out architecture graphs side by side: rounded boxes coloured by
// operation with a title and caption, curved arrows, edge labels. Every box
// and arrow carries its text as item data, so tests and tools can read what
// is drawn.

#include "ArchitectureGraph.h"
#include "GraphvizLayout.h"

#include <QGraphicsScene>

#include <vector>

namespace archscape {

class ArchitectureScene : public QGraphicsScene
{
    Q_OBJECT

public:
    // Item data keys: what an item is ("node", "edge"), its title (a node's
    // first line, an edge's operation) and caption, and its graph's index.
    enum DataKey { KindKey = 0, TitleKey = 1, CaptionKey = 2, GraphKey = 3 };

    explicit ArchitectureScene(QObject* parent = nullptr);

    // Sets each node's and edge label's size from the fonts the scene draws with.
    static void measure(ArchitectureGraph& graph);

    void showGraphs(const QString& heading, const std::vector<ArchitectureGraph>& graphs,
                    const std::vector<GraphLayout>& layouts);
    void showMessage(const QString& message);

private:
    QRectF addGraph(const ArchitectureGraph& graph, const GraphLayout& layout, QPointF origin, int index);
};

} // namespace archscape
