#pragma once
// The search space being edited: it owns the engine's SearchSpace (the one
// source of truth the canvas and the editors only look at), the file it came
// from, the undo stack and the modified state. Its mutating functions are
// for the undo commands only; each one announces what changed by signal.

#include "space/SearchSpace.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <map>
#include <optional>
#include <string>

class QUndoStack;

namespace archscape {

// The answer to "may this edge be added?": a reason a user understands when not.
struct ConnectionCheck
{
    bool possible = false;
    QString reason;
};

class SpaceDocument : public QObject
{
    Q_OBJECT
public:
    explicit SpaceDocument(QObject* parent = nullptr);
    ~SpaceDocument() override;

    const SearchSpace& space() const { return space_; }
    QUndoStack* undoStack() const { return undoStack_; }
    QString filePath() const { return filePath_; }
    bool isModified() const;

    // Whole-document operations: they clear the undo history.
    void reset(SearchSpace space, const QString& filePath = {});
    void load(const QString& path);       // throws SpaceError
    void saveAs(const QString& path);     // throws SpaceError; marks the document clean

    // May an edge go from `from`'s output into input port `port` of `to`?
    ConnectionCheck connectionPossible(const std::string& from, const std::string& to,
                                       int port) const;

    // A block of kind `kind` with a fresh id and default parameters.
    Block newBlock(BlockKind kind, QPointF position) const;

    // --- Mutations, for undo commands only ---------------------------------
    // `index` is the place in the block (edge) list; -1 appends.
    void insertBlock(Block block, int index = -1);
    // Removes the block and every edge touching it (edgeRemoved comes first).
    void removeBlock(const std::string& id);
    void insertEdge(Edge edge, int index = -1);
    void removeEdge(const Edge& edge);
    void moveBlocks(const std::map<std::string, QPointF>& positions);
    // nullopt: the parameter takes the kind's default (it is not stored).
    void setParameter(const std::string& blockId, const std::string& name,
                      const std::optional<Parameter>& value);

Q_SIGNALS:
    void blockAdded(const QString& id);
    void blockRemoved(const QString& id);
    void edgeAdded(const QString& from, const QString& to, int port);
    void edgeRemoved(const QString& from, const QString& to, int port);
    void blockMoved(const QString& id);
    void blockChanged(const QString& id);
    void spaceReset();
    // After any change above, once per mutation.
    void contentsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void setFilePath(const QString& path);
    // SearchSpace only appends; undo puts blocks and edges back where they were.
    void rebuild(std::vector<Block> blocks, std::vector<Edge> edges);

    SearchSpace space_;
    QString filePath_;
    QUndoStack* undoStack_;
};

} // namespace archscape
