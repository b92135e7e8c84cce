#include "GraphvizLayout.h"

#include <graphviz/gvc.h>

#include <QCoreApplication>
#include <QLineF>

#include <mutex>
#include <stdexcept>
#include <string>

namespace archscape {

namespace {

std::mutex& graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

// Created once: loading Graphviz's plugins costs more than a small layout.
GVC_t* context()
{
    static GVC_t* gvc = gvContext();
    return gvc;
}

// cgraph takes char* for names it only reads.
char* text(const char* s)
{
    return const_cast<char*>(s);
}

void set(void* object, const char* name, const std::string& value)
{
    agsafeset(object, text(name), text(value.c_str()), text(""));
}

std::string inches(double points)
{
    return std::to_string(points / 72.0);
}

QPolygonF arrowhead(QPointF from, QPointF tip)
{
    QLineF line(tip, from);
    if (line.length() < 0.01)
        return {};
    line.setLength(9.0);
    QLineF left = line, right = line;
    left.setAngle(line.angle() + 22.0);
    right.setAngle(line.angle() - 22.0);
    return QPolygonF({tip, left.p2(), right.p2()});
}

} // namespace

GraphLayout GraphvizLayout::compute(const ArchitectureGraph& graph)
{
    std::lock_guard lock(graphvizMutex());
    GVC_t* gvc = context();
    Agraph_t* g = agopen(text("architecture"), Agdirected, nullptr);
    agattr(g, AGRAPH, text("rankdir"), text("TB"));
    agattr(g, AGRAPH, text("nodesep"), text("0.3"));
    agattr(g, AGRAPH, text("ranksep"), text("0.35"));
    agattr(g, AGNODE, text("shape"), text("box"));
    agattr(g, AGNODE, text("fixedsize"), text("true"));
    agattr(g, AGNODE, text("label"), text(""));
    agattr(g, AGEDGE, text("label"), text(""));
    agattr(g, AGEDGE, text("fontname"), text("Helvetica"));
    agattr(g, AGEDGE, text("fontsize"), text("10"));

    std::vector<Agnode_t*> nodes;
    for (size_t i = 0; i < graph.nodes.size(); ++i) {
        Agnode_t* n = agnode(g, text(("n" + std::to_string(i)).c_str()), 1);
        set(n, "width", inches(graph.nodes[i].size.width()));
        set(n, "height", inches(graph.nodes[i].size.height()));
        nodes.push_back(n);
    }
    std::vector<Agedge_t*> edges;
    for (size_t i = 0; i < graph.edges.size(); ++i) {
        const auto& e = graph.edges[i];
        Agedge_t* edge = agedge(g, nodes[size_t(e.from)], nodes[size_t(e.to)], text(("e" + std::to_string(i)).c_str()), 1);
        if (!e.label.isEmpty()) {
            // dot reserves room for the label from its own font metrics;
            // padding it keeps Qt's text inside that room.
            set(edge, "label", " " + e.label.toStdString() + " ");
        }
        edges.push_back(edge);
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        throw std::runtime_error(QCoreApplication::translate(
            "GraphvizLayout", "Graphviz could not lay out the architecture graph").toStdString());
    }

    GraphLayout layout;
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    auto qt = [top](pointf p) { return QPointF(p.x, top - p.y); };
    layout.bounds = QRectF(QPointF(bb.LL.x, 0), QPointF(bb.UR.x, top - bb.LL.y));
    for (Agnode_t* n : nodes)
        layout.nodeCenters.push_back(qt(ND_coord(n)));
    for (Agedge_t* e : edges) {
        QPainterPath path;
        QPolygonF head;
        const splines* spl = ED_spl(e);
        if (spl && spl->size > 0) {
            const bezier& bz = spl->list[0];
            if (bz.size > 0) {
                path.moveTo(qt(bz.list[0]));
                for (int k = 1; k + 2 < bz.size; k += 3)
                    path.cubicTo(qt(bz.list[k]), qt(bz.list[k + 1]), qt(bz.list[k + 2]));
                if (bz.eflag) {
                    path.lineTo(qt(bz.ep));
                    head = arrowhead(qt(bz.list[bz.size - 1]), qt(bz.ep));
                } else {
                    head = arrowhead(qt(bz.list[std::max(0, bz.size - 2)]), qt(bz.list[bz.size - 1]));
                }
            }
        }
        layout.edgePaths.push_back(path);
        layout.arrowheads.push_back(head);
        const textlabel_t* label = ED_label(e);
        layout.labelCenters.push_back(label ? qt(label->pos) : QPointF());
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    return layout;
}

} // namespace archscape
