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
    // A block by path: "id" at the top level, "id/inner" for a Choice's
    // alternative or a Repeat's body. nullptr when there is none.
    const Block* blockAt(const std::string& path) const;
    static std::string topLevelId(const std::string& path);
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

    // A block of the kind of that name (built-in or a plugin's, as in space
    // files: "conv", "resblock") with a fresh id and default parameters;
    // nullopt when no kind has that name.
    std::optional<Block> newBlock(const std::string& kindName, QPointF position) const;

    // --- Mutations, for undo commands only ---------------------------------
    // `index` is the place in the block (edge) list; -1 appends.
    void insertBlock(Block block, int index = -1);
    // Removes the block and every edge touching it (edgeRemoved comes first).
    void removeBlock(const std::string& id);
    void insertEdge(Edge edge, int index = -1);
    void removeEdge(const Edge& edge);
    void moveBlocks(const std::map<std::string, QPointF>& positions);
    // nullopt: the parameter takes the kind's default (it is not stored).
    // `blockPath` may name a nested block ("choice/alt").
    void setParameter(const std::string& blockPath, const std::string& name,
                      const std::optional<Parameter>& value);
    // Replaces a top-level block (same id) wholesale: its label, its
    // alternatives or body. Announced as blockChanged and innerChanged.
    void replaceBlock(const Block& block);
    // Renames a top-level block and the edges naming it.
    void renameBlock(const std::string& from, const std::string& to);
    void setSpaceInfo(const std::string& name, const std::string& description);
    // nullopt removes the shared choice.
    void setSharedChoice(const std::string& name, const std::optional<std::vector<Value>>& values);
    // Renames a shared choice and every parameter linked to it.
    void renameSharedChoice(const std::string& from, const std::string& to);
    // nullopt removes the cell definition.
    void setCell(const std::string& name, const std::optional<CellDefinition>& cell);
    // Renames a cell definition and every Cell block naming it.
    void renameCell(const std::string& from, const std::string& to);

Q_SIGNALS:
    void blockAdded(const QString& id);
    void blockRemoved(const QString& id);
    void edgeAdded(const QString& from, const QString& to, int port);
    void edgeRemoved(const QString& from, const QString& to, int port);
    void blockMoved(const QString& id);
    void blockChanged(const QString& id);
    // A Choice's alternatives or a Repeat's body changed (added, removed, renamed).
    void innerChanged(const QString& id);
    void blockRenamed(const QString& from, const QString& to);
    void sharedChoicesChanged();
    void cellsChanged();
    void spaceInfoChanged();
    void spaceReset();
    // After any change above, once per mutation.
    void contentsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void setFilePath(const QString& path);
    Block* mutableBlockAt(const std::string& path);
    // Every parameter in the space, nested ones included.
    template <typename F> void forEachBlock(F&& visit);
    void announceAllBlocksChanged();
    // SearchSpace only appends; undo puts blocks and edges back where they were.
    void rebuild(std::vector<Block> blocks, std::vector<Edge> edges);

    SearchSpace space_;
    QString filePath_;
    QUndoStack* undoStack_;
};

} // namespace archscape
