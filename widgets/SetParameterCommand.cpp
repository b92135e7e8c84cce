#include "SetParameterCommand.h"

#include "DisconnectCommand.h"
#include "SpaceDocument.h"

namespace archscape {

SetParameterCommand::SetParameterCommand(SpaceDocument* document, std::string blockId,
                                         std::string name, std::optional<Parameter> value,
                                         QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), blockId_(std::move(blockId)),
      name_(std::move(name)), new_(std::move(value))
{
    const Block* block = document->blockAt(blockId_);
    if (block) {
        auto it = block->params.find(name_);
        if (it != block->params.end())
            old_ = it->second;
        if (block->info().variableInputs && name_ == "inputs") {
            Block changed = *block;
            if (new_)
                changed.params[name_] = *new_;
            else
                changed.params.erase(name_);
            const int ports = changed.inputCount();
            // Last edge first: each child keeps its place in the list right
            // when the children are undone in reverse.
            const auto& edges = document->space().edges();
            for (auto e = edges.rbegin(); e != edges.rend(); ++e)
                if (e->to == blockId_ && e->toPort >= ports)
                    new DisconnectCommand(document, *e, this); // owned by this command
        }
    }
    setText(tr("Set %1 of %2")
                .arg(QString::fromStdString(name_), QString::fromStdString(blockId_)));
}

void SetParameterCommand::redo()
{
    QUndoCommand::redo(); // the disconnections, before their ports go
    document_->setParameter(blockId_, name_, new_);
}

void SetParameterCommand::undo()
{
    document_->setParameter(blockId_, name_, old_);
    QUndoCommand::undo(); // the edges back, now that their ports exist
}

bool SetParameterCommand::mergeWith(const QUndoCommand* other)
{
    const auto* set = dynamic_cast<const SetParameterCommand*>(other);
    if (!set || set->document_ != document_ || set->blockId_ != blockId_ || set->name_ != name_
        || childCount() > 0 || set->childCount() > 0)
        return false;
    new_ = set->new_;
    return true;
}

} // namespace archscape
