#pragma once
// Undoable: blocks dragged to new places. Consecutive drags of the same
// selection merge into one step, as in any drawing program.

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

#include <map>
#include <string>

namespace archscape {

class SpaceDocument;

class MoveBlocksCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveBlocksCommand)
public:
    // `from` and `to` hold the same block ids.
    MoveBlocksCommand(SpaceDocument* document, std::map<std::string, QPointF> from,
                      std::map<std::string, QPointF> to, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kId = 0x4d4f5645; // "MOVE"

    SpaceDocument* document_;
    std::map<std::string, QPointF> from_;
    std::map<std::string, QPointF> to_;
};

} // namespace archscape
