#pragma once
// Lays an ArchitectureGraph out with Graphviz's dot (through the gvc C
// library, in process) and hands back Qt geometry: node centres, edge
// curves with their arrowheads, edge label centres, in points with y down.
// Safe to call from any thread: Graphviz keeps global state, so calls are
// serialised.

#include "ArchitectureGraph.h"

#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace archscape {

struct GraphLayout
{
    std::vector<QPointF> nodeCenters;
    std::vector<QPainterPath> edgePaths;
    std::vector<QPolygonF> arrowheads;
    std::vector<QPointF> labelCenters; // per edge; unused when it has no label
    QRectF bounds;
};

class GraphvizLayout
{
public:
    // Throws std::runtime_error when Graphviz cannot lay the graph out.
    static GraphLayout compute(const ArchitectureGraph& graph);
};

} // namespace archscape
