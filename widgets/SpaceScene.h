#pragma once
// The canvas contents: one BlockItem per block and one ConnectionItem per
// edge of the document's space, kept in step with the document's signals.
// What the user does here (drop, wire, drag, delete) becomes undo commands on
// the document; the scene never changes the space itself.

#include "BlockItem.h"
#include "space/BlockKind.h"
#include "space/Edge.h"
#include "space/SpaceValidator.h"

#include <QGraphicsScene>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QGraphicsPathItem;

namespace archscape {

class ConnectionItem;
class SpaceDocument;

class SpaceScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr qreal kGrid = 20;

    explicit SpaceScene(SpaceDocument* document, QObject* parent = nullptr);
    ~SpaceScene() override;

    SpaceDocument* document() const { return document_; }
    BlockItem* blockItem(const QString& id) const { return blocks_.value(id); }
    ConnectionItem* connectionItem(const Edge& edge) const;
    QList<BlockItem*> blockItems() const { return blocks_.values(); }
    // The bounding box of the blocks, or of a cell's graph (not of the whole scene rectangle).
    QRectF blocksRect() const;

    // "" at the top level; else the id of the Choice, Repeat or Cell block
    // whose inner graph is shown.
    QString scope() const { return scope_; }

    QStringList selectedBlockIds() const; // in the space's block order (paths inside a scope)
    std::vector<Edge> selectedEdges() const;
    void selectBlock(const QString& id);   // it alone
    void selectEverything();

    bool snapToGrid() const { return snapToGrid_; }
    void setSnapToGrid(bool on) { snapToGrid_ = on; }
    QPointF snapped(QPointF pos) const;
    bool isDraggingBlocks() const { return draggingBlocks_; }

    // --- User actions, each an undo command (or a refusal by statusMessage)
    // A block of the kind of that name ("conv", a plugin's "resblock");
    // the new id, or empty (with a status message) when it cannot be added.
    QString addBlockAt(const std::string& kindName, QPointF scenePos);
    void deleteSelection();
    bool connectPorts(const PortRef& a, const PortRef& b);

    // Clipboard: a fragment in the space file format (BlockClipboard).
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    // Pastes a fragment with fresh ids, `offset` from where it was copied;
    // the pasted ids, selected.
    QStringList pasteFragment(const std::string& fragment, QPointF offset, const QString& what);

    // Shows the inner graph of a Choice, Repeat or Cell block; leaveScope
    // goes back to the top level.
    bool enterScope(const QString& blockId);
    void leaveScope();

    // Marks the blocks the validator complains about.
    void setProblems(const std::vector<Problem>& problems);

    // The port under `scenePos` on any block.
    std::optional<PortRef> portAt(const QPointF& scenePos) const;

Q_SIGNALS:
    void statusMessage(const QString& message);
    void scopeChanged(const QString& scope);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuild();
    void rebuildScope();
    void rebuildKeepingSelection(const QStringList& selected);
    QString addInnerBlock(Block inner);
    void deleteInnerSelection();
    bool refuseInsideScope(const QString& what);
    void clearItems();
    void addBlockItem(const QString& id);
    void removeBlockItem(const QString& id);
    void addConnectionItem(const QString& from, const QString& to, int port);
    void removeConnectionItem(const QString& from, const QString& to, int port);
    void refreshPorts(const QString& from, const QString& to);
    void commitMoves();
    void finishDraft(const QPointF& scenePos);
    void setHoveredPort(std::optional<PortRef> port);
    static QString edgeKey(const QString& from, const QString& to, int port);

    SpaceDocument* document_;
    QHash<QString, BlockItem*> blocks_;
    QHash<QString, ConnectionItem*> connections_;
    bool snapToGrid_ = true;
    bool draggingBlocks_ = false;
    // The connection being dragged out of a port.
    std::optional<PortRef> draftFrom_;
    std::optional<PortRef> hoveredPort_;
    QGraphicsPathItem* draft_ = nullptr;
    QHash<QString, QStringList> problems_;
    QString scope_;
    QGraphicsItem* cellGraph_ = nullptr;
    std::string lastPasted_; // a fragment pasted again lands further along
    int pasteCount_ = 0;
};

} // namespace archscape
