#include "MoveBlocksCommand.h"

#include "SpaceDocument.h"

namespace archscape {

MoveBlocksCommand::MoveBlocksCommand(SpaceDocument* document, std::map<std::string, QPointF> from,
                                     std::map<std::string, QPointF> to, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), from_(std::move(from)), to_(std::move(to))
{
    if (to_.size() == 1)
        setText(tr("Move %1").arg(QString::fromStdString(to_.begin()->first)));
    else
        setText(tr("Move %n block(s)", nullptr, static_cast<int>(to_.size())));
}

void MoveBlocksCommand::redo()
{
    document_->moveBlocks(to_);
}

void MoveBlocksCommand::undo()
{
    document_->moveBlocks(from_);
}

bool MoveBlocksCommand::mergeWith(const QUndoCommand* other)
{
    const auto* move = dynamic_cast<const MoveBlocksCommand*>(other);
    if (!move || move->document_ != document_ || move->to_.size() != to_.size())
        return false;
    for (auto a = to_.cbegin(), b = move->to_.cbegin(); a != to_.cend(); ++a, ++b)
        if (a->first != b->first)
            return false;
    to_ = move->to_;
    return true;
}

} // namespace archscape
