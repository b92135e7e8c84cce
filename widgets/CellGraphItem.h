#pragma once
// A cell's inner graph on the canvas (shown when a Cell block is opened):
// nodes 0..N-1 left to right, node 0 the cell's input and N-1 its output,
// and every edge j→i as an arc labelled with the operations it chooses from.
// Read-only: the definition is edited in the property editor.

#include "space/CellDefinition.h"

#include <QGraphicsItem>
#include <QString>

#include <optional>

namespace archscape {

class CellGraphItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };
    static constexpr qreal kNodeStep = 220;
    static constexpr qreal kNodeRadius = 22;

    // `cell` is nullptr when the Cell block names no existing definition.
    CellGraphItem(const CellDefinition* cell, const QString& cellName);

    int type() const override { return Type; }
    int nodeCount() const { return cell_ ? cell_->nodes : 0; }
    QPointF nodePos(int node) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath arc(int from, int to) const;

    std::optional<CellDefinition> cell_;
    QString name_;
};

} // namespace archscape
