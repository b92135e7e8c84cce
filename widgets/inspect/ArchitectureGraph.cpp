#include "ArchitectureGraph.h"

#include "BlockStyle.h"
#include "space/DecisionSet.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <set>

namespace archscape {

namespace {

QString kernelText(int k)
{
    return QStringLiteral("%1×%1").arg(k);
}

QString strideText(int stride)
{
    return stride > 1 ? QStringLiteral(" /%1").arg(stride) : QString();
}

} // namespace

QString ArchitectureGraph::layerCaption(const Layer& layer)
{
    switch (layer.op) {
    case LayerOp::Input:
        return tr("input %1").arg(QString::fromStdString(layer.shape.toString()));
    case LayerOp::Conv:
        return tr("%1 %2%3, %4 ch", "operation, kernel, stride, output channels")
            .arg(layer.groups > 1 ? tr("dwconv") : tr("conv"), kernelText(layer.kernel), strideText(layer.stride))
            .arg(layer.outChannels);
    case LayerOp::BatchNorm:
        return tr("batch norm");
    case LayerOp::Activation:
        return QString::fromLatin1(activationName(layer.activation));
    case LayerOp::Pool:
        return QStringLiteral("%1 %2%3").arg(layer.maxPool ? tr("max pool") : tr("avg pool"),
                                             kernelText(layer.kernel), strideText(layer.stride));
    case LayerOp::GlobalPool:
        return layer.maxPool ? tr("global max pool") : tr("global avg pool");
    case LayerOp::Linear:
        return tr("linear, %1 out").arg(layer.outChannels);
    case LayerOp::Dropout:
        return tr("dropout %1").arg(layer.dropout);
    case LayerOp::Add:
        return tr("add");
    case LayerOp::Concat:
        return tr("concat");
    case LayerOp::Mul:
        return tr("multiply");
    case LayerOp::Identity:
        return tr("identity");
    case LayerOp::Zero:
        return tr("zero");
    case LayerOp::Output:
        return tr("output %1").arg(QString::fromStdString(layer.shape.toString()));
    }
    return QString::fromLatin1(layerOpName(layer.op));
}

QColor ArchitectureGraph::layerColor(LayerOp op)
{
    switch (op) {
    case LayerOp::Input:
    case LayerOp::Output: return BlockStyle::familyColor(BlockKind::Input);
    case LayerOp::Conv: return BlockStyle::familyColor(BlockKind::Conv);
    case LayerOp::BatchNorm: return QColor(0x5b, 0x73, 0x94);
    case LayerOp::Activation: return QColor(0x3f, 0x8a, 0x4a);
    case LayerOp::Pool:
    case LayerOp::GlobalPool: return BlockStyle::familyColor(BlockKind::Pool);
    case LayerOp::Linear:
    case LayerOp::Dropout: return BlockStyle::familyColor(BlockKind::Linear);
    case LayerOp::Add:
    case LayerOp::Concat:
    case LayerOp::Mul: return BlockStyle::familyColor(BlockKind::Add);
    case LayerOp::Identity:
    case LayerOp::Zero: return BlockStyle::familyColor(BlockKind::Identity);
    }
    return Qt::gray;
}

QColor ArchitectureGraph::cellOpColor(const std::string& op)
{
    switch (cellOpFromName(op).value_or(CellOp::None)) {
    case CellOp::Conv3x3: return BlockStyle::familyColor(BlockKind::Conv);
    case CellOp::Conv1x1: return QColor(0x5f, 0x9f, 0xd8);
    case CellOp::AvgPool3x3: return BlockStyle::familyColor(BlockKind::Pool);
    case CellOp::MaxPool3x3: return QColor(0x3f, 0x8a, 0x4a);
    case CellOp::Skip: return QColor(0x8a, 0x90, 0x96);
    case CellOp::None: break;
    }
    return QColor(0xb4, 0xbb, 0xc2);
}

ArchitectureGraph ArchitectureGraph::fromNetwork(const Network& network, const SearchSpace& space)
{
    ArchitectureGraph graph;
    graph.title = tr("Network");
    // A cell's layers become one box: its inner graph is drawn beside.
    std::map<std::string, int> cellNode;
    std::vector<int> nodeOfLayer(network.layers.size(), -1);
    for (size_t i = 0; i < network.layers.size(); ++i) {
        const Layer& layer = network.layers[i];
        const Block* block = layer.blockId.empty() ? nullptr : space.block(layer.blockId);
        if (block && block->kind == BlockKind::Cell) {
            auto [it, inserted] = cellNode.emplace(layer.blockId, int(graph.nodes.size()));
            if (inserted) {
                const std::string cellName = block->param("cell").value.toText();
                graph.nodes.push_back({QString::fromStdString(layer.blockId),
                                       tr("cell %1").arg(QString::fromStdString(cellName)),
                                       tr("cell %1, output %2")
                                           .arg(QString::fromStdString(cellName),
                                                QString::fromStdString(layer.shape.toString())),
                                       BlockStyle::familyColor(BlockKind::Cell), {}});
            }
            nodeOfLayer[i] = it->second;
            continue;
        }
        nodeOfLayer[i] = int(graph.nodes.size());
        const QString title = layer.label.empty() ? QString::fromLatin1(layerOpName(layer.op))
                                                  : QString::fromStdString(layer.label);
        graph.nodes.push_back({title, layerCaption(layer),
                               tr("%1\noutput %2").arg(layerCaption(layer), QString::fromStdString(layer.shape.toString())),
                               layerColor(layer.op), {}});
    }
    std::set<std::pair<int, int>> seen;
    for (size_t i = 0; i < network.layers.size(); ++i)
        for (int input : network.layers[i].inputs) {
            const int from = nodeOfLayer[size_t(input)], to = nodeOfLayer[i];
            if (from != to && seen.emplace(from, to).second)
                graph.edges.push_back({from, to, {}, QColor(0x55, 0x5d, 0x66), {}});
        }
    return graph;
}

ArchitectureGraph ArchitectureGraph::fromCell(const CellDefinition& cell, const ArchitectureCodec& codec,
                                              const Architecture& arch)
{
    ArchitectureGraph graph;
    graph.title = tr("Cell %1").arg(QString::fromStdString(cell.name));
    for (int i = 0; i < cell.nodes; ++i) {
        QString caption = i == 0 ? tr("cell input") : i == cell.nodes - 1 ? tr("cell output") : tr("sum");
        graph.nodes.push_back({tr("node %1").arg(i), caption, caption, BlockStyle::familyColor(BlockKind::Add), {}});
    }
    graph.nodes.front().color = graph.nodes.back().color = BlockStyle::familyColor(BlockKind::Input);
    for (auto [from, to] : cell.edges()) {
        std::string op;
        const int decision = codec.decisions().find(DecisionSet::cellEdgeKey(cell.name, from, to));
        if (decision < 0) {
            if (cell.ops.size() == 1)
                op = cell.ops.front();
        } else {
            const int option = size_t(decision) < arch.choices.size() ? arch.choices[size_t(decision)] : -1;
            if (option >= 0)
                op = codec.decisions()[decision].labels[size_t(option)];
        }
        // "none" edges, and edges the canonical form drops, carry nothing.
        if (op.empty() || op == "none")
            continue;
        graph.edges.push_back({from, to, QString::fromStdString(op), cellOpColor(op), {}});
    }
    // An inner node whose edges are all "none" or dropped does nothing.
    for (int i = 1; i + 1 < cell.nodes; ++i) {
        const bool used = std::any_of(graph.edges.begin(), graph.edges.end(),
                                      [i](const Edge& e) { return e.from == i || e.to == i; });
        if (!used) {
            graph.nodes[size_t(i)].caption = tr("unused");
            graph.nodes[size_t(i)].tooltip = tr("No operation reaches or leaves this node.");
            graph.nodes[size_t(i)].color = QColor(0xb4, 0xbb, 0xc2);
        }
    }
    return graph;
}

} // namespace archscape
