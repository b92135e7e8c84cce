#include "SpaceScene.h"

#include "AddBlockCommand.h"
#include "BlockStyle.h"
#include "ConnectCommand.h"
#include "ConnectionItem.h"
#include "MoveBlocksCommand.h"
#include "RemoveBlocksCommand.h"
#include "SpaceDocument.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QUndoStack>

#include <cmath>

namespace archscape {

namespace {

constexpr qreal kSceneExtent = 100000;

} // namespace

SpaceScene::SpaceScene(SpaceDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document)
{
    // A fixed, large rectangle: the view pans freely and never jumps when
    // blocks move past the edge of what was there.
    setSceneRect(-kSceneExtent, -kSceneExtent, 2 * kSceneExtent, 2 * kSceneExtent);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);

    connect(document_, &SpaceDocument::spaceReset, this, &SpaceScene::rebuild);
    connect(document_, &SpaceDocument::blockAdded, this, &SpaceScene::addBlockItem);
    connect(document_, &SpaceDocument::blockRemoved, this, &SpaceScene::removeBlockItem);
    connect(document_, &SpaceDocument::edgeAdded, this, &SpaceScene::addConnectionItem);
    connect(document_, &SpaceDocument::edgeRemoved, this, &SpaceScene::removeConnectionItem);
    connect(document_, &SpaceDocument::blockMoved, this, [this](const QString& id) {
        if (BlockItem* item = blocks_.value(id))
            item->syncPosition();
    });
    connect(document_, &SpaceDocument::blockChanged, this, [this](const QString& id) {
        if (BlockItem* item = blocks_.value(id))
            item->refresh();
    });
    rebuild();
}

SpaceScene::~SpaceScene()
{
    blockSignals(true); // no selectionChanged to listeners half torn down
    clearItems(); // connections before the blocks they are attached to
}

QString SpaceScene::edgeKey(const QString& from, const QString& to, int port)
{
    return from + QLatin1Char('\n') + to + QLatin1Char('\n') + QString::number(port);
}

ConnectionItem* SpaceScene::connectionItem(const Edge& edge) const
{
    return connections_.value(edgeKey(QString::fromStdString(edge.from),
                                      QString::fromStdString(edge.to), edge.toPort));
}

void SpaceScene::clearItems()
{
    delete draft_;
    draft_ = nullptr;
    draftFrom_.reset();
    hoveredPort_.reset();
    qDeleteAll(connections_);
    connections_.clear();
    qDeleteAll(blocks_);
    blocks_.clear();
}

void SpaceScene::rebuild()
{
    clearItems();
    problems_.clear();
    for (const auto& b : document_->space().blocks())
        addBlockItem(QString::fromStdString(b.id));
    for (const auto& e : document_->space().edges())
        addConnectionItem(QString::fromStdString(e.from), QString::fromStdString(e.to), e.toPort);
}

void SpaceScene::addBlockItem(const QString& id)
{
    if (blocks_.contains(id))
        return;
    auto* item = new BlockItem(document_, id);
    item->setProblems(problems_.value(id));
    addItem(item);
    blocks_.insert(id, item);
}

void SpaceScene::removeBlockItem(const QString& id)
{
    BlockItem* item = blocks_.take(id);
    if (!item)
        return;
    for (auto it = connections_.begin(); it != connections_.end();) {
        if ((*it)->source() == item || (*it)->target() == item) {
            delete *it;
            it = connections_.erase(it);
        } else {
            ++it;
        }
    }
    delete item;
}

void SpaceScene::addConnectionItem(const QString& from, const QString& to, int port)
{
    BlockItem* source = blocks_.value(from);
    BlockItem* target = blocks_.value(to);
    const QString key = edgeKey(from, to, port);
    if (!source || !target || connections_.contains(key))
        return; // an edge naming a missing block: the validation panel says so
    auto* item = new ConnectionItem(Edge{from.toStdString(), to.toStdString(), port}, source, target);
    addItem(item);
    connections_.insert(key, item);
    refreshPorts(from, to);
}

void SpaceScene::removeConnectionItem(const QString& from, const QString& to, int port)
{
    delete connections_.take(edgeKey(from, to, port));
    refreshPorts(from, to);
}

void SpaceScene::refreshPorts(const QString& from, const QString& to)
{
    for (const QString& id : {from, to})
        if (BlockItem* item = blocks_.value(id))
            item->update();
}

QRectF SpaceScene::blocksRect() const
{
    QRectF rect;
    for (const BlockItem* item : blocks_)
        rect = rect.united(item->sceneBoundingRect());
    return rect;
}

QStringList SpaceScene::selectedBlockIds() const
{
    QStringList ids;
    for (const auto& b : document_->space().blocks()) {
        const QString id = QString::fromStdString(b.id);
        if (BlockItem* item = blocks_.value(id); item && item->isSelected())
            ids << id;
    }
    return ids;
}

std::vector<Edge> SpaceScene::selectedEdges() const
{
    std::vector<Edge> edges;
    for (const auto& e : document_->space().edges())
        if (ConnectionItem* item = connectionItem(e); item && item->isSelected())
            edges.push_back(e);
    return edges;
}

void SpaceScene::selectBlock(const QString& id)
{
    clearSelection();
    if (BlockItem* item = blocks_.value(id))
        item->setSelected(true);
}

void SpaceScene::selectEverything()
{
    for (BlockItem* item : blocks_)
        item->setSelected(true);
    for (ConnectionItem* item : connections_)
        item->setSelected(true);
}

QPointF SpaceScene::snapped(QPointF pos) const
{
    if (!snapToGrid_)
        return pos;
    return QPointF(std::round(pos.x() / kGrid) * kGrid, std::round(pos.y() / kGrid) * kGrid);
}

QString SpaceScene::addBlockAt(BlockKind kind, QPointF scenePos)
{
    Block block = document_->newBlock(kind, snapped(scenePos));
    const QString id = QString::fromStdString(block.id);
    document_->undoStack()->push(new AddBlockCommand(document_, std::move(block)));
    selectBlock(id);
    return id;
}

void SpaceScene::deleteSelection()
{
    const QStringList ids = selectedBlockIds();
    const std::vector<Edge> edges = selectedEdges();
    if (ids.isEmpty() && edges.empty())
        return;
    std::vector<std::string> blockIds;
    for (const QString& id : ids)
        blockIds.push_back(id.toStdString());
    document_->undoStack()->push(new RemoveBlocksCommand(document_, blockIds, edges));
}

bool SpaceScene::connectPorts(const PortRef& a, const PortRef& b)
{
    if (a.side == b.side) {
        Q_EMIT statusMessage(a.side == PortRef::Side::Output
                                 ? tr("Connect an output to an input, not to another output.")
                                 : tr("Connect an input to an output, not to another input."));
        return false;
    }
    const PortRef& out = a.side == PortRef::Side::Output ? a : b;
    const PortRef& in = a.side == PortRef::Side::Output ? b : a;
    const Edge edge{out.blockId.toStdString(), in.blockId.toStdString(), in.index};
    const ConnectionCheck check = document_->connectionPossible(edge.from, edge.to, edge.toPort);
    if (!check.possible) {
        Q_EMIT statusMessage(tr("Cannot connect: %1").arg(check.reason));
        return false;
    }
    document_->undoStack()->push(new ConnectCommand(document_, edge));
    Q_EMIT statusMessage(tr("Connected %1 to %2.").arg(out.blockId, in.blockId));
    return true;
}

void SpaceScene::setProblems(const std::vector<Problem>& problems)
{
    problems_.clear();
    for (const auto& p : problems)
        if (!p.blockId.empty())
            problems_[QString::fromStdString(p.blockId)] << QString::fromStdString(p.message);
    for (auto it = blocks_.begin(); it != blocks_.end(); ++it)
        it.value()->setProblems(problems_.value(it.key()));
}

std::optional<PortRef> SpaceScene::portAt(const QPointF& scenePos) const
{
    const qreal r = 12;
    for (QGraphicsItem* item : items(QRectF(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r)))) {
        if (item->type() != BlockItem::Type)
            continue;
        if (auto port = static_cast<BlockItem*>(item)->portAt(scenePos))
            return port;
    }
    return std::nullopt;
}

void SpaceScene::setHoveredPort(std::optional<PortRef> port)
{
    if (hoveredPort_)
        if (BlockItem* item = blocks_.value(hoveredPort_->blockId))
            item->setHighlightedPort(std::nullopt);
    hoveredPort_ = std::move(port);
    if (hoveredPort_)
        if (BlockItem* item = blocks_.value(hoveredPort_->blockId))
            item->setHighlightedPort(hoveredPort_);
}

void SpaceScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        if (auto port = portAt(event->scenePos())) {
            draftFrom_ = port;
            draft_ = new QGraphicsPathItem;
            draft_->setPen(QPen(BlockStyle::selection(), 2, Qt::DashLine, Qt::RoundCap));
            draft_->setZValue(3);
            addItem(draft_);
            setHoveredPort(port);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() == Qt::LeftButton) {
        QGraphicsItem* item = mouseGrabberItem();
        draggingBlocks_ = item && item->type() == BlockItem::Type;
    }
}

void SpaceScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    if (draftFrom_ && draft_) {
        const BlockItem* from = blocks_.value(draftFrom_->blockId);
        if (!from)
            return;
        const bool fromOutput = draftFrom_->side == PortRef::Side::Output;
        const QPointF anchor = fromOutput ? from->outputPortScenePos()
                                          : from->inputPortScenePos(draftFrom_->index);
        std::optional<PortRef> target = portAt(event->scenePos());
        if (target && (target->side == draftFrom_->side || target->blockId == draftFrom_->blockId))
            target.reset();
        QPointF end = event->scenePos();
        if (target) {
            const BlockItem* to = blocks_.value(target->blockId);
            end = target->side == PortRef::Side::Output ? to->outputPortScenePos()
                                                         : to->inputPortScenePos(target->index);
        }
        draft_->setPath(fromOutput ? ConnectionItem::curve(anchor, end)
                                   : ConnectionItem::curve(end, anchor));
        // Keep the source port lit while hovering a candidate.
        setHoveredPort(target ? target : draftFrom_);
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void SpaceScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    if (draftFrom_ && event->button() == Qt::LeftButton) {
        finishDraft(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && draggingBlocks_) {
        draggingBlocks_ = false;
        commitMoves();
    }
}

void SpaceScene::finishDraft(const QPointF& scenePos)
{
    const PortRef from = *draftFrom_;
    delete draft_;
    draft_ = nullptr;
    draftFrom_.reset();
    setHoveredPort(std::nullopt);
    if (auto to = portAt(scenePos); to && !(to->blockId == from.blockId && to->side == from.side
                                              && to->index == from.index))
        connectPorts(from, *to);
}

void SpaceScene::commitMoves()
{
    std::map<std::string, QPointF> from, to;
    for (BlockItem* item : blocks_) {
        const Block* b = document_->space().block(item->blockId().toStdString());
        if (!b)
            continue;
        const QPointF old(b->x, b->y);
        if (item->pos() != old) {
            from[b->id] = old;
            to[b->id] = item->pos();
        }
    }
    if (!to.empty())
        document_->undoStack()->push(new MoveBlocksCommand(document_, from, to));
}

void SpaceScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, BlockStyle::canvasBackground());
    const qreal scale = painter->worldTransform().m11();
    auto drawGrid = [&](qreal step, const QColor& color) {
        if (step * scale < 6)
            return; // too dense to be useful
        painter->setPen(QPen(color, 0)); // cosmetic: one pixel at any zoom
        const qreal left = std::floor(rect.left() / step) * step;
        const qreal top = std::floor(rect.top() / step) * step;
        QVector<QLineF> lines;
        for (qreal x = left; x <= rect.right(); x += step)
            lines.append(QLineF(x, rect.top(), x, rect.bottom()));
        for (qreal y = top; y <= rect.bottom(); y += step)
            lines.append(QLineF(rect.left(), y, rect.right(), y));
        painter->drawLines(lines);
    };
    drawGrid(kGrid, BlockStyle::gridMinor());
    drawGrid(kGrid * 5, BlockStyle::gridMajor());
}

} // namespace archscape
