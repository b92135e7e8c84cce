#pragma once
// One block on the canvas: a rounded node showing the block's kind, id,
// label and open choices, with its input ports along the top and its output
// port at the bottom. It draws what the document holds; while being dragged
// its place runs ahead of the document's until the move is committed.

#include "space/Block.h"

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace archscape {

class ConnectionItem;
class SpaceDocument;

// A port of a block: an input (with its index) or the output.
struct PortRef
{
    enum class Side { Input, Output };
    QString blockId;
    Side side = Side::Input;
    int index = 0;
};

class BlockItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal kWidth = 210;
    static constexpr qreal kPortRadius = 5;

    BlockItem(const SpaceDocument* document, const QString& blockId);

    int type() const override { return Type; }
    QString blockId() const { return blockId_; } // a path for a nested block: "choice/alt"
    bool isNested() const { return nested_; }

    // Re-reads the block from the document (after blockChanged or blockMoved).
    void refresh();
    void syncPosition();

    QPointF inputPortScenePos(int port) const;
    QPointF outputPortScenePos() const;
    // The port under `scenePos`, if any (with a forgiving radius).
    std::optional<PortRef> portAt(const QPointF& scenePos) const;
    // Hovered while a connection is being dragged: the port is drawn larger.
    void setHighlightedPort(std::optional<PortRef> port);

    void setProblems(const QStringList& messages);
    bool hasProblem() const { return !problems_.isEmpty(); }

    void attach(ConnectionItem* connection);
    void detach(ConnectionItem* connection);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QRectF nodeRect() const;
    QPointF inputPortPos(int port) const;
    QPointF outputPortPos() const;
    void updateToolTip();

    const SpaceDocument* document_;
    QString blockId_;
    bool nested_;
    const Block* block() const; // nullptr once the document dropped it
    QString title_;
    QStringList lines_; // label and brief, worked out by refresh()
    qreal height_ = 60;
    QStringList problems_;
    std::optional<PortRef> highlighted_;
    std::vector<ConnectionItem*> connections_;
};

} // namespace archscape
