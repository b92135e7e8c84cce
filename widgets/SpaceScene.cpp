#include "SpaceScene.h"

#include "AddBlockCommand.h"
#include "BlockClipboard.h"
#include "BlockStyle.h"
#include "CellGraphItem.h"
#include "ConnectCommand.h"
#include "ConnectionItem.h"
#include "EditBlockCommand.h"
#include "MoveBlocksCommand.h"
#include "PasteBlocksCommand.h"
#include "RemoveBlocksCommand.h"
#include "SetCellCommand.h"
#include "SetSharedChoiceCommand.h"
#include "SpaceDocument.h"
#include "space/BlockKindRegistry.h"
#include "space/SpaceError.h"

#include <QClipboard>
#include <QGraphicsPathItem>
#include <QGuiApplication>
#include <QSignalBlocker>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QUndoStack>

#include <cmath>
#include <utility>

namespace archscape {

namespace {

constexpr qreal kSceneExtent = 100000;
constexpr qreal kPasteStep = 2 * SpaceScene::kGrid;
constexpr qreal kInnerSpacing = 40; // between a Choice's alternatives on the canvas

bool hasInnerGraph(BlockKind kind)
{
    return kind == BlockKind::Choice || kind == BlockKind::Repeat || kind == BlockKind::Cell;
}

// An id for a new alternative, unique among its siblings: "conv", "conv2", ...
std::string freshInnerId(const std::vector<Block>& siblings, const std::string& stem)
{
    auto taken = [&](const std::string& id) {
        for (const Block& b : siblings)
            if (b.id == id)
                return true;
        return false;
    };
    if (!taken(stem))
        return stem;
    for (int n = 2;; ++n)
        if (!taken(stem + std::to_string(n)))
            return stem + std::to_string(n);
}

} // namespace

SpaceScene::SpaceScene(SpaceDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document)
{
    // A fixed, large rectangle: the view pans freely and never jumps when
    // blocks move past the edge of what was there.
    setSceneRect(-kSceneExtent, -kSceneExtent, 2 * kSceneExtent, 2 * kSceneExtent);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);

    connect(document_, &SpaceDocument::spaceReset, this, [this] {
        if (!scope_.isEmpty()) {
            scope_.clear();
            Q_EMIT scopeChanged(scope_);
        }
        rebuild();
    });
    // Inside a scope the top-level blocks are not shown: only the scope's
    // own block matters.
    connect(document_, &SpaceDocument::blockAdded, this, [this](const QString& id) {
        if (scope_.isEmpty())
            addBlockItem(id);
    });
    connect(document_, &SpaceDocument::blockRemoved, this, [this](const QString& id) {
        if (scope_.isEmpty())
            removeBlockItem(id);
        else if (id == scope_)
            leaveScope();
    });
    connect(document_, &SpaceDocument::edgeAdded, this,
            [this](const QString& from, const QString& to, int port) {
                if (scope_.isEmpty())
                    addConnectionItem(from, to, port);
            });
    connect(document_, &SpaceDocument::edgeRemoved, this,
            [this](const QString& from, const QString& to, int port) {
                if (scope_.isEmpty())
                    removeConnectionItem(from, to, port);
            });
    connect(document_, &SpaceDocument::innerChanged, this, [this](const QString& id) {
        if (id == scope_)
            rebuildKeepingSelection(selectedBlockIds());
    });
    connect(document_, &SpaceDocument::blockRenamed, this, [this](const QString& from, const QString& to) {
        // The items still carry the old id; the document has the new one.
        QStringList selected;
        for (auto it = blocks_.cbegin(); it != blocks_.cend(); ++it)
            if (it.value()->isSelected())
                selected << (it.key() == from ? to : it.key());
        if (scope_ == from) {
            scope_ = to;
            Q_EMIT scopeChanged(scope_);
        }
        rebuildKeepingSelection(selected);
    });
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
    // Out of the tables before deletion: deleting a selected item emits
    // selectionChanged, whose listeners ask for the selected ids.
    const QHash<QString, ConnectionItem*> connections = std::exchange(connections_, {});
    qDeleteAll(connections);
    const QHash<QString, BlockItem*> blocks = std::exchange(blocks_, {});
    qDeleteAll(blocks);
    delete std::exchange(cellGraph_, nullptr);
}

void SpaceScene::rebuild()
{
    clearItems();
    if (!scope_.isEmpty()) {
        rebuildScope();
        return;
    }
    for (const auto& b : document_->space().blocks())
        addBlockItem(QString::fromStdString(b.id));
    for (const auto& e : document_->space().edges())
        addConnectionItem(QString::fromStdString(e.from), QString::fromStdString(e.to), e.toPort);
}

void SpaceScene::rebuildKeepingSelection(const QStringList& selected)
{
    {
        // One selectionChanged at the end, not one per item torn down.
        const QSignalBlocker blocker(this);
        rebuild();
        for (const QString& id : selected)
            if (BlockItem* item = blocks_.value(id))
                item->setSelected(true);
    }
    Q_EMIT selectionChanged();
}

void SpaceScene::rebuildScope()
{
    const Block* owner = document_->space().block(scope_.toStdString());
    if (!owner)
        return;
    if (owner->kind == BlockKind::Cell) {
        const auto& cells = document_->space().cells();
        auto it = cells.find(owner->param("cell").value.toText());
        auto* graph = new CellGraphItem(it == cells.end() ? nullptr : &it->second,
                                        QString::fromStdString(owner->param("cell").value.toText()));
        addItem(graph);
        cellGraph_ = graph;
        return;
    }
    const std::vector<Block>& inner =
        owner->kind == BlockKind::Choice ? owner->alternatives : owner->body;
    const qreal step = BlockItem::kWidth + kInnerSpacing;
    const qreal left = -step * (static_cast<qreal>(inner.size()) - 1) / 2;
    for (size_t i = 0; i < inner.size(); ++i) {
        const QString path = scope_ + QLatin1Char('/') + QString::fromStdString(inner[i].id);
        auto* item = new BlockItem(document_, path);
        item->setPos(left + step * static_cast<qreal>(i), 0);
        addItem(item);
        blocks_.insert(path, item);
    }
}

bool SpaceScene::enterScope(const QString& blockId)
{
    const Block* b = document_->space().block(blockId.toStdString());
    if (!b || !hasInnerGraph(b->kind))
        return false;
    scope_ = blockId;
    rebuild();
    Q_EMIT scopeChanged(scope_);
    return true;
}

void SpaceScene::leaveScope()
{
    if (scope_.isEmpty())
        return;
    const QString was = scope_;
    scope_.clear();
    rebuild();
    Q_EMIT scopeChanged(scope_);
    selectBlock(was);
}

bool SpaceScene::refuseInsideScope(const QString& what)
{
    if (scope_.isEmpty())
        return false;
    Q_EMIT statusMessage(tr("%1 works on the top-level graph; go back to it first.").arg(what));
    return true;
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
    QRectF rect = cellGraph_ ? cellGraph_->sceneBoundingRect() : QRectF();
    for (const BlockItem* item : blocks_)
        rect = rect.united(item->sceneBoundingRect());
    return rect;
}

QStringList SpaceScene::selectedBlockIds() const
{
    QStringList ids;
    if (!scope_.isEmpty()) {
        for (const QString& path : blocks_.keys())
            if (blocks_.value(path)->isSelected())
                ids << path;
        std::sort(ids.begin(), ids.end(), [this](const QString& a, const QString& b) {
            return blocks_.value(a)->x() < blocks_.value(b)->x();
        });
        return ids;
    }
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

QString SpaceScene::addBlockAt(const std::string& kindName, QPointF scenePos)
{
    // Inside a scope the block is nested: it needs no top-level id or place.
    std::optional<Block> fresh = scope_.isEmpty()
                                     ? document_->newBlock(kindName, snapped(scenePos))
                                     : BlockKindRegistry::blockOfKind(kindName);
    if (!fresh) {
        Q_EMIT statusMessage(tr("There is no block kind '%1'; is the plugin that provides it loaded?")
                                 .arg(QString::fromStdString(kindName)));
        return {};
    }
    if (!scope_.isEmpty())
        return addInnerBlock(std::move(*fresh));
    Block& block = *fresh;
    const QString id = QString::fromStdString(block.id);
    if (block.kind == BlockKind::Cell && document_->space().cells().empty()) {
        // A Cell needs a definition to name: start with a NAS-Bench-201-sized one.
        CellDefinition cell;
        cell.name = "cell";
        cell.ops = allCellOpNames();
        block.params["cell"] = Parameter::fixed(Value::text(cell.name));
        auto* both = new QUndoCommand(tr("Add %1").arg(id));
        new SetCellCommand(document_, cell.name, cell, both);
        new AddBlockCommand(document_, std::move(block), both);
        document_->undoStack()->push(both);
    } else {
        document_->undoStack()->push(new AddBlockCommand(document_, std::move(block)));
    }
    selectBlock(id);
    return id;
}

QString SpaceScene::addInnerBlock(Block inner)
{
    const Block* owner = document_->space().block(scope_.toStdString());
    if (!owner || owner->kind == BlockKind::Cell) {
        Q_EMIT statusMessage(tr("A cell's inner graph is edited in the property editor: its "
                                "nodes and the operations each edge chooses from."));
        return {};
    }
    const BlockKind kind = inner.kind;
    if (kind == BlockKind::Choice || kind == BlockKind::Repeat || kind == BlockKind::Cell
        || kind == BlockKind::Input || kind == BlockKind::Output) {
        Q_EMIT statusMessage(tr("A %1 block cannot go inside a %2 block.")
                                 .arg(QString::fromStdString(inner.info().displayName),
                                      QString::fromStdString(owner->info().displayName)));
        return {};
    }
    Block edited = *owner;
    QString text;
    if (owner->kind == BlockKind::Choice) {
        inner.id = freshInnerId(edited.alternatives, inner.info().name);
        edited.alternatives.push_back(inner);
        text = tr("Add alternative %1 to %2");
    } else {
        inner.id = edited.body.empty() ? std::string("layer") : edited.body.front().id;
        edited.body = {inner}; // a Repeat repeats exactly one block
        text = tr("Set the body %1 of %2");
    }
    const QString path = scope_ + QLatin1Char('/') + QString::fromStdString(inner.id);
    document_->undoStack()->push(new EditBlockCommand(
        document_, std::move(edited), text.arg(QString::fromStdString(inner.id), scope_)));
    selectBlock(path);
    return path;
}

void SpaceScene::deleteInnerSelection()
{
    const Block* owner = document_->space().block(scope_.toStdString());
    const QStringList paths = selectedBlockIds();
    if (!owner || paths.isEmpty())
        return;
    if (owner->kind != BlockKind::Choice) {
        Q_EMIT statusMessage(tr("A Repeat block needs its body; drop another kind here to replace it."));
        return;
    }
    Block edited = *owner;
    auto& alts = edited.alternatives;
    alts.erase(std::remove_if(alts.begin(), alts.end(),
                              [&](const Block& b) {
                                  return paths.contains(scope_ + QLatin1Char('/')
                                                        + QString::fromStdString(b.id));
                              }),
               alts.end());
    document_->undoStack()->push(new EditBlockCommand(
        document_, std::move(edited),
        tr("Delete %n alternative(s) of %1", nullptr, static_cast<int>(paths.size())).arg(scope_)));
}

void SpaceScene::copySelection()
{
    if (refuseInsideScope(tr("Copy")))
        return;
    const QStringList ids = selectedBlockIds();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setMimeData(
        BlockClipboard::mimeFor(BlockClipboard::fragment(document_->space(), ids)));
    Q_EMIT statusMessage(tr("Copied %n block(s).", nullptr, static_cast<int>(ids.size())));
}

void SpaceScene::cutSelection()
{
    if (refuseInsideScope(tr("Cut")))
        return;
    const QStringList ids = selectedBlockIds();
    if (ids.isEmpty())
        return;
    copySelection();
    std::vector<std::string> blockIds;
    for (const QString& id : ids)
        blockIds.push_back(id.toStdString());
    auto* cut = new RemoveBlocksCommand(document_, blockIds);
    cut->setText(tr("Cut %n block(s)", nullptr, static_cast<int>(ids.size())));
    document_->undoStack()->push(cut);
}

void SpaceScene::paste()
{
    if (refuseInsideScope(tr("Paste")))
        return;
    const std::string fragment =
        BlockClipboard::fragmentFrom(QGuiApplication::clipboard()->mimeData());
    if (fragment.empty()) {
        Q_EMIT statusMessage(tr("The clipboard holds no blocks."));
        return;
    }
    pasteCount_ = fragment == lastPasted_ ? pasteCount_ + 1 : 1;
    lastPasted_ = fragment;
    pasteFragment(fragment, QPointF(kPasteStep, kPasteStep) * pasteCount_, tr("Paste"));
}

void SpaceScene::duplicateSelection()
{
    if (refuseInsideScope(tr("Duplicate")))
        return;
    const QStringList ids = selectedBlockIds();
    if (ids.isEmpty())
        return;
    pasteFragment(BlockClipboard::fragment(document_->space(), ids),
                  QPointF(kPasteStep, kPasteStep), tr("Duplicate"));
}

QStringList SpaceScene::pasteFragment(const std::string& fragment, QPointF offset,
                                      const QString& what)
{
    PastedBlocks pasted;
    try {
        pasted = BlockClipboard::paste(document_->space(), fragment, offset);
    } catch (const SpaceError& e) {
        Q_EMIT statusMessage(tr("Cannot paste: %1").arg(QString::fromUtf8(e.what())));
        return {};
    }
    QStringList ids;
    for (const Block& b : pasted.blocks)
        ids << QString::fromStdString(b.id);
    auto* command = new QUndoCommand(
        tr("%1 %n block(s)", nullptr, static_cast<int>(ids.size())).arg(what));
    for (const auto& [name, values] : pasted.sharedChoices)
        new SetSharedChoiceCommand(document_, name, values, command);
    for (const CellDefinition& cell : pasted.cells)
        new SetCellCommand(document_, cell.name, cell, command);
    new PasteBlocksCommand(document_, std::move(pasted.blocks), std::move(pasted.edges),
                           command->text(), command);
    document_->undoStack()->push(command);
    clearSelection();
    for (const QString& id : ids)
        if (BlockItem* item = blocks_.value(id))
            item->setSelected(true);
    return ids;
}

void SpaceScene::deleteSelection()
{
    if (!scope_.isEmpty()) {
        deleteInnerSelection();
        return;
    }
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
    if (refuseInsideScope(tr("Connecting")))
        return false;
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

void SpaceScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && scope_.isEmpty()) {
        for (QGraphicsItem* item : items(event->scenePos())) {
            if (item->type() != BlockItem::Type)
                continue;
            if (enterScope(static_cast<BlockItem*>(item)->blockId())) {
                event->accept();
                return;
            }
            break;
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
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
