#pragma once
// Undoable: one parameter of a block set to a fixed value, a choice list or
// a shared choice (or back to the kind's default). Fewer inputs on an Add or
// Concat also disconnects the edges into the ports that go away.

#include "space/Parameter.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>
#include <string>

namespace archscape {

class SpaceDocument;

class SetParameterCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetParameterCommand)
public:
    // nullopt: back to the kind's default.
    SetParameterCommand(SpaceDocument* document, std::string blockId, std::string name,
                        std::optional<Parameter> value, QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    // Repeated edits of one parameter (spin box steps) are one undo step.
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kId = 0x50415241; // "PARA"

    SpaceDocument* document_;
    std::string blockId_;
    std::string name_;
    std::optional<Parameter> old_;
    std::optional<Parameter> new_;
};

} // namespace archscape
