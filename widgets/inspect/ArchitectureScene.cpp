#include "ArchitectureScene.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include <algorithm>

namespace archscape {

namespace {

QFont titleFont()
{
    QFont f;
    f.setPointSizeF(9.0);
    f.setBold(true);
    return f;
}

QFont captionFont()
{
    QFont f;
    f.setPointSizeF(8.0);
    return f;
}

QFont headingFont()
{
    QFont f;
    f.setPointSizeF(12.0);
    f.setBold(true);
    return f;
}

constexpr double kPadding = 8.0;
constexpr double kGap = 70.0;

// Black or white, whichever reads better on the fill.
QColor textOn(const QColor& fill)
{
    return fill.lightnessF() > 0.62 ? QColor(0x1e, 0x1e, 0x1e) : Qt::white;
}

QGraphicsSimpleTextItem* centredText(const QString& text, const QFont& font, const QColor& color,
                                     QPointF center, QGraphicsItem* parent)
{
    auto* item = new QGraphicsSimpleTextItem(text, parent);
    item->setFont(font);
    item->setBrush(color);
    const QRectF r = item->boundingRect();
    item->setPos(center - QPointF(r.width() / 2, r.height() / 2));
    return item;
}

} // namespace

ArchitectureScene::ArchitectureScene(QObject* parent) : QGraphicsScene(parent)
{
    setBackgroundBrush(Qt::white);
}

void ArchitectureScene::measure(ArchitectureGraph& graph)
{
    const QFontMetricsF title(titleFont()), caption(captionFont());
    for (auto& node : graph.nodes) {
        const double width = std::max(title.horizontalAdvance(node.title), caption.horizontalAdvance(node.caption));
        node.size = QSizeF(std::max(70.0, width + 2 * kPadding), title.height() + caption.height() + kPadding + 2);
    }
    for (auto& edge : graph.edges)
        if (!edge.label.isEmpty())
            edge.labelSize = QSizeF(caption.horizontalAdvance(edge.label) + 6, caption.height() + 2);
}

void ArchitectureScene::showMessage(const QString& message)
{
    clear();
    auto* text = addSimpleText(message, headingFont());
    text->setBrush(QColor(0x55, 0x5d, 0x66));
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

void ArchitectureScene::showGraphs(const QString& heading, const std::vector<ArchitectureGraph>& graphs,
                                   const std::vector<GraphLayout>& layouts)
{
    clear();
    auto* headingItem = addSimpleText(heading, headingFont());
    headingItem->setBrush(QColor(0x1e, 0x1e, 0x1e));
    double x = 0.0;
    const double top = headingItem->boundingRect().height() + 16.0;
    for (size_t i = 0; i < graphs.size() && i < layouts.size(); ++i) {
        const QRectF used = addGraph(graphs[i], layouts[i], QPointF(x, top), int(i));
        x = used.right() + kGap;
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

QRectF ArchitectureScene::addGraph(const ArchitectureGraph& graph, const GraphLayout& layout, QPointF origin,
                                   int index)
{
    auto* title = addSimpleText(graph.title, titleFont());
    title->setBrush(QColor(0x30, 0x36, 0x3c));
    title->setPos(origin);
    const QPointF offset = origin + QPointF(-layout.bounds.left(), title->boundingRect().height() + 8.0);

    for (size_t i = 0; i < graph.edges.size() && i < layout.edgePaths.size(); ++i) {
        const auto& edge = graph.edges[i];
        const QColor color = edge.color.isValid() ? edge.color : QColor(0x55, 0x5d, 0x66);
        auto* path = addPath(layout.edgePaths[i].translated(offset), QPen(color, edge.label.isEmpty() ? 1.3 : 2.0));
        path->setData(KindKey, QStringLiteral("edge"));
        path->setData(TitleKey, edge.label);
        path->setData(GraphKey, index);
        path->setToolTip(edge.label);
        auto* head = new QGraphicsPolygonItem(layout.arrowheads[i].translated(offset), path);
        head->setPen(Qt::NoPen);
        head->setBrush(color);
        if (!edge.label.isEmpty()) {
            const QPointF center = layout.labelCenters[i] + offset;
            auto* back = new QGraphicsRectItem(QRectF(center - QPointF(edge.labelSize.width() / 2, edge.labelSize.height() / 2),
                                                      edge.labelSize),
                                               path);
            back->setPen(QPen(color, 1.0));
            back->setBrush(QColor(255, 255, 255, 235));
            centredText(edge.label, captionFont(), color.darker(130), center, path);
        }
        path->setZValue(0);
    }

    for (size_t i = 0; i < graph.nodes.size() && i < layout.nodeCenters.size(); ++i) {
        const auto& node = graph.nodes[i];
        const QPointF center = layout.nodeCenters[i] + offset;
        QPainterPath shape;
        shape.addRoundedRect(QRectF(center - QPointF(node.size.width() / 2, node.size.height() / 2), node.size), 5, 5);
        auto* box = addPath(shape, QPen(node.color.darker(140), 1.0), node.color);
        box->setZValue(1);
        box->setData(KindKey, QStringLiteral("node"));
        box->setData(TitleKey, node.title);
        box->setData(CaptionKey, node.caption);
        box->setData(GraphKey, index);
        box->setToolTip(node.tooltip);
        const QFontMetricsF titleMetrics(titleFont()), captionMetrics(captionFont());
        const double lines = titleMetrics.height() + captionMetrics.height();
        const double titleY = center.y() - lines / 2 + titleMetrics.height() / 2;
        centredText(node.title, titleFont(), textOn(node.color), QPointF(center.x(), titleY), box);
        centredText(node.caption, captionFont(), textOn(node.color),
                    QPointF(center.x(), titleY + titleMetrics.height() / 2 + captionMetrics.height() / 2), box);
    }
    return QRectF(origin, QSizeF(std::max(layout.bounds.width(), title->boundingRect().width()),
                                 layout.bounds.height() + title->boundingRect().height() + 8.0));
}

} // namespace archscape
