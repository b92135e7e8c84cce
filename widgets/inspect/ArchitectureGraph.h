#pragma once
// What the architecture view draws, before layout: boxes with a title and
// an operation caption, coloured by operation type, and arrows, optionally
// labelled. Built from a trial's network (one box per layer, a cell's
// layers folded into one box) or from a cell definition (one box per cell
// node, one arrow per edge that is not "none", labelled with its operation).

#include "space/Architecture.h"
#include "space/ArchitectureCodec.h"
#include "space/CellDefinition.h"
#include "space/Network.h"
#include "space/SearchSpace.h"

#include <QColor>
#include <QCoreApplication>
#include <QSizeF>
#include <QString>

#include <vector>

namespace archscape {

struct ArchitectureGraph
{
    Q_DECLARE_TR_FUNCTIONS(ArchitectureGraph)

public:
    struct Node
    {
        QString title;
        QString caption; // the operation, e.g. "conv 3×3 /2, 32 ch"
        QString tooltip;
        QColor color;
        QSizeF size; // in points, set by the scene before layout
    };
    struct Edge
    {
        int from = 0;
        int to = 0;
        QString label; // empty: none
        QColor color;
        QSizeF labelSize; // in points
    };

    QString title;
    std::vector<Node> nodes;
    std::vector<Edge> edges;

    static ArchitectureGraph fromNetwork(const Network& network, const SearchSpace& space);
    // The cell with the operation `arch` chooses on each of its edges.
    static ArchitectureGraph fromCell(const CellDefinition& cell, const ArchitectureCodec& codec,
                                      const Architecture& arch);

    static QString layerCaption(const Layer& layer);
    static QColor layerColor(LayerOp op);
    static QColor cellOpColor(const std::string& op);
};

} // namespace archscape
