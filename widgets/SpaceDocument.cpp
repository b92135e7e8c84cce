#include "SpaceDocument.h"

#include "space/BlockKindRegistry.h"
#include "space/SpaceFile.h"

#include <QUndoStack>

#include <algorithm>
#include <set>
#include <vector>

namespace archscape {

namespace {

// What flows out of a block: a pass-through block (Any) carries what flows in.
PortType effectiveOutput(const SearchSpace& space, const std::string& id)
{
    std::string current = id;
    for (size_t steps = 0; steps <= space.blocks().size(); ++steps) {
        const Block* b = space.block(current);
        if (!b)
            return PortType::Any;
        if (b->info().output != PortType::Any)
            return b->info().output;
        const Edge* in = space.edgeInto(current, 0);
        if (!in)
            return PortType::Any;
        current = in->from;
    }
    return PortType::Any; // a cycle: the validator reports it
}

bool reaches(const SearchSpace& space, const std::string& start, const std::string& target)
{
    std::set<std::string> seen;
    std::vector<std::string> todo{start};
    while (!todo.empty()) {
        std::string id = todo.back();
        todo.pop_back();
        if (id == target)
            return true;
        if (!seen.insert(id).second)
            continue;
        for (const auto& e : space.edges())
            if (e.from == id)
                todo.push_back(e.to);
    }
    return false;
}

QString portTypeName(PortType type)
{
    return type == PortType::Vector ? SpaceDocument::tr("a vector") : SpaceDocument::tr("a feature map");
}

Block nestedBlock(BlockKind kind, const std::string& id)
{
    Block b;
    b.kind = kind;
    b.id = id;
    return b;
}

} // namespace

SpaceDocument::SpaceDocument(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this))
{
    connect(undoStack_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

SpaceDocument::~SpaceDocument() = default;

bool SpaceDocument::isModified() const
{
    return !undoStack_->isClean();
}

void SpaceDocument::reset(SearchSpace space, const QString& filePath)
{
    const bool wasModified = isModified();
    undoStack_->clear();
    space_ = std::move(space);
    setFilePath(filePath);
    Q_EMIT spaceReset();
    Q_EMIT contentsChanged();
    if (wasModified)
        Q_EMIT modifiedChanged(false);
}

void SpaceDocument::load(const QString& path)
{
    reset(SpaceFile::load(path.toStdString()), path);
}

void SpaceDocument::saveAs(const QString& path)
{
    SpaceFile::save(space_, path.toStdString());
    setFilePath(path);
    undoStack_->setClean();
}

void SpaceDocument::setFilePath(const QString& path)
{
    if (path == filePath_)
        return;
    filePath_ = path;
    Q_EMIT filePathChanged(path);
}

ConnectionCheck SpaceDocument::connectionPossible(const std::string& from, const std::string& to,
                                                  int port) const
{
    const Block* source = space_.block(from);
    const Block* target = space_.block(to);
    if (!source || !target)
        return {false, tr("That block does not exist.")};
    if (from == to)
        return {false, tr("A block cannot feed itself.")};
    if (source->info().output == PortType::None)
        return {false, tr("The %1 block has no output.").arg(QString::fromStdString(from))};
    if (target->inputCount() == 0)
        return {false, tr("The %1 block has no input.").arg(QString::fromStdString(to))};
    if (port < 0 || port >= target->inputCount())
        return {false, tr("The %1 block has no input port %2.")
                           .arg(QString::fromStdString(to))
                           .arg(port + 1)};
    if (const Edge* e = space_.edgeInto(to, port))
        return {false, tr("Input %1 of %2 is already fed by %3; remove that connection first.")
                           .arg(port + 1)
                           .arg(QString::fromStdString(to), QString::fromStdString(e->from))};
    if (reaches(space_, to, from))
        return {false, tr("Connecting %1 to %2 would make a cycle.")
                           .arg(QString::fromStdString(from), QString::fromStdString(to))};
    const PortType out = effectiveOutput(space_, from);
    const PortType in = target->info().input;
    if (out != PortType::Any && in != PortType::Any && out != in)
        return {false, tr("%1 gives %2, but %3 takes %4.")
                           .arg(QString::fromStdString(from), portTypeName(out),
                                QString::fromStdString(to), portTypeName(in))};
    return {true, {}};
}

std::optional<Block> SpaceDocument::newBlock(const std::string& kindName, QPointF position) const
{
    std::optional<Block> fresh = BlockKindRegistry::blockOfKind(kindName);
    if (!fresh)
        return std::nullopt;
    Block& b = *fresh;
    b.id = space_.uniqueId(b.info().name);
    b.x = position.x();
    b.y = position.y();
    switch (b.kind) {
    case BlockKind::Cell:
        if (!space_.cells().empty())
            b.params["cell"] = Parameter::fixed(Value::text(space_.cells().begin()->first));
        break;
    case BlockKind::Choice:
        // A choice needs alternatives to be valid: start from a common trio.
        b.alternatives = {nestedBlock(BlockKind::Conv, "conv"),
                          nestedBlock(BlockKind::SepConv, "sep"),
                          nestedBlock(BlockKind::Identity, "skip")};
        break;
    case BlockKind::Repeat:
        b.body = {nestedBlock(BlockKind::Conv, "layer")};
        break;
    default:
        break;
    }
    return fresh;
}

void SpaceDocument::rebuild(std::vector<Block> blocks, std::vector<Edge> edges)
{
    SearchSpace next;
    next.name = space_.name;
    next.description = space_.description;
    for (const auto& [name, values] : space_.sharedChoices())
        next.setSharedChoice(name, values);
    for (const auto& [name, cell] : space_.cells())
        next.setCell(cell);
    for (auto& b : blocks)
        next.addBlock(std::move(b));
    for (auto& e : edges)
        next.addEdge(std::move(e));
    space_ = std::move(next);
}

void SpaceDocument::insertBlock(Block block, int index)
{
    const QString id = QString::fromStdString(block.id);
    if (index < 0 || index >= static_cast<int>(space_.blocks().size())) {
        space_.addBlock(std::move(block));
    } else {
        std::vector<Block> blocks = space_.blocks();
        blocks.insert(blocks.begin() + index, std::move(block));
        rebuild(std::move(blocks), space_.edges());
    }
    Q_EMIT blockAdded(id);
    Q_EMIT contentsChanged();
}

void SpaceDocument::removeBlock(const std::string& id)
{
    if (!space_.block(id))
        return;
    std::vector<Edge> touching;
    for (const auto& e : space_.edges())
        if (e.from == id || e.to == id)
            touching.push_back(e);
    space_.removeBlock(id);
    for (const auto& e : touching)
        Q_EMIT edgeRemoved(QString::fromStdString(e.from), QString::fromStdString(e.to),
                           e.toPort);
    Q_EMIT blockRemoved(QString::fromStdString(id));
    Q_EMIT contentsChanged();
}

void SpaceDocument::insertEdge(Edge edge, int index)
{
    const Edge copy = edge;
    if (index < 0 || index >= static_cast<int>(space_.edges().size())) {
        space_.addEdge(std::move(edge));
    } else {
        std::vector<Edge> edges = space_.edges();
        edges.insert(edges.begin() + index, std::move(edge));
        rebuild(space_.blocks(), std::move(edges));
    }
    Q_EMIT edgeAdded(QString::fromStdString(copy.from), QString::fromStdString(copy.to),
                     copy.toPort);
    Q_EMIT contentsChanged();
}

void SpaceDocument::removeEdge(const Edge& edge)
{
    const auto& edges = space_.edges();
    if (std::find(edges.begin(), edges.end(), edge) == edges.end())
        return;
    space_.removeEdge(edge);
    Q_EMIT edgeRemoved(QString::fromStdString(edge.from), QString::fromStdString(edge.to),
                       edge.toPort);
    Q_EMIT contentsChanged();
}

void SpaceDocument::moveBlocks(const std::map<std::string, QPointF>& positions)
{
    for (const auto& [id, pos] : positions) {
        Block* b = space_.block(id);
        if (!b)
            continue;
        b->x = pos.x();
        b->y = pos.y();
        Q_EMIT blockMoved(QString::fromStdString(id));
    }
    Q_EMIT contentsChanged();
}

void SpaceDocument::setParameter(const std::string& blockPath, const std::string& name,
                                 const std::optional<Parameter>& value)
{
    Block* b = mutableBlockAt(blockPath);
    if (!b)
        return;
    if (value)
        b->params[name] = *value;
    else
        b->params.erase(name);
    Q_EMIT blockChanged(QString::fromStdString(blockPath));
    if (topLevelId(blockPath) != blockPath)
        Q_EMIT blockChanged(QString::fromStdString(topLevelId(blockPath)));
    Q_EMIT contentsChanged();
}

std::string SpaceDocument::topLevelId(const std::string& path)
{
    return path.substr(0, path.find('/'));
}

const Block* SpaceDocument::blockAt(const std::string& path) const
{
    const size_t slash = path.find('/');
    const Block* top = space_.block(path.substr(0, slash));
    if (!top || slash == std::string::npos)
        return top;
    const std::string inner = path.substr(slash + 1);
    for (const auto* list : {&top->alternatives, &top->body})
        for (const Block& b : *list)
            if (b.id == inner)
                return &b;
    return nullptr;
}

Block* SpaceDocument::mutableBlockAt(const std::string& path)
{
    return const_cast<Block*>(blockAt(path));
}

template <typename F> void SpaceDocument::forEachBlock(F&& visit)
{
    for (const auto& top : space_.blocks()) {
        Block* b = space_.block(top.id);
        visit(*b);
        for (auto& alt : b->alternatives)
            visit(alt);
        for (auto& inner : b->body)
            visit(inner);
    }
}

void SpaceDocument::announceAllBlocksChanged()
{
    for (const auto& b : space_.blocks()) {
        Q_EMIT blockChanged(QString::fromStdString(b.id));
        Q_EMIT innerChanged(QString::fromStdString(b.id));
    }
}

void SpaceDocument::replaceBlock(const Block& block)
{
    Block* b = space_.block(block.id);
    if (!b)
        return;
    *b = block;
    const QString id = QString::fromStdString(block.id);
    Q_EMIT innerChanged(id);
    Q_EMIT blockChanged(id);
    Q_EMIT contentsChanged();
}

void SpaceDocument::renameBlock(const std::string& from, const std::string& to)
{
    if (!space_.renameBlock(from, to))
        return;
    Q_EMIT blockRenamed(QString::fromStdString(from), QString::fromStdString(to));
    Q_EMIT contentsChanged();
}

void SpaceDocument::setSpaceInfo(const std::string& name, const std::string& description)
{
    space_.name = name;
    space_.description = description;
    Q_EMIT spaceInfoChanged();
    Q_EMIT contentsChanged();
}

void SpaceDocument::setSharedChoice(const std::string& name,
                                    const std::optional<std::vector<Value>>& values)
{
    if (values)
        space_.setSharedChoice(name, *values);
    else
        space_.removeSharedChoice(name);
    Q_EMIT sharedChoicesChanged();
    announceAllBlocksChanged();
    Q_EMIT contentsChanged();
}

void SpaceDocument::renameSharedChoice(const std::string& from, const std::string& to)
{
    auto it = space_.sharedChoices().find(from);
    if (it == space_.sharedChoices().end() || space_.sharedChoices().count(to))
        return;
    const std::vector<Value> values = it->second;
    space_.removeSharedChoice(from);
    space_.setSharedChoice(to, values);
    forEachBlock([&](Block& b) {
        for (auto& [param, p] : b.params)
            if (p.mode == Parameter::Mode::Shared && p.sharedName == from)
                p.sharedName = to;
    });
    Q_EMIT sharedChoicesChanged();
    announceAllBlocksChanged();
    Q_EMIT contentsChanged();
}

void SpaceDocument::setCell(const std::string& name, const std::optional<CellDefinition>& cell)
{
    if (cell)
        space_.setCell(*cell);
    else
        space_.removeCell(name);
    Q_EMIT cellsChanged();
    announceAllBlocksChanged();
    Q_EMIT contentsChanged();
}

void SpaceDocument::renameCell(const std::string& from, const std::string& to)
{
    auto it = space_.cells().find(from);
    if (it == space_.cells().end() || space_.cells().count(to))
        return;
    CellDefinition cell = it->second;
    cell.name = to;
    space_.removeCell(from);
    space_.setCell(cell);
    forEachBlock([&](Block& b) {
        if (b.kind != BlockKind::Cell)
            return;
        auto p = b.params.find("cell");
        if (p != b.params.end() && p->second.mode == Parameter::Mode::Fixed
            && p->second.value.toText() == from)
            p->second = Parameter::fixed(Value::text(to));
    });
    Q_EMIT cellsChanged();
    announceAllBlocksChanged();
    Q_EMIT contentsChanged();
}

} // namespace archscape
