#include "BlockClipboard.h"

#include "space/SpaceFile.h"

#include <QMimeData>

#include <set>

namespace archscape {

const char* const BlockClipboard::kMimeType = "application/x-archscape-space";

namespace {

// "conv12" -> "conv": a pasted copy is numbered afresh from its stem.
std::string stemOf(const std::string& id)
{
    size_t end = id.size();
    while (end > 0 && id[end - 1] >= '0' && id[end - 1] <= '9')
        --end;
    return end == 0 ? std::string("block") : id.substr(0, end);
}

void collectReferences(const Block& b, std::set<std::string>& shared, std::set<std::string>& cells)
{
    for (const auto& [name, p] : b.params)
        if (p.mode == Parameter::Mode::Shared)
            shared.insert(p.sharedName);
    if (b.kind == BlockKind::Cell)
        cells.insert(b.param("cell").value.toText());
    for (const auto* list : {&b.alternatives, &b.body})
        for (const Block& inner : *list)
            collectReferences(inner, shared, cells);
}

} // namespace

std::string BlockClipboard::fragment(const SearchSpace& space, const QStringList& ids)
{
    SearchSpace part;
    part.name = "fragment";
    std::set<std::string> chosen, shared, cells;
    for (const auto& b : space.blocks())
        if (ids.contains(QString::fromStdString(b.id))) {
            part.addBlock(b);
            chosen.insert(b.id);
            collectReferences(b, shared, cells);
        }
    for (const auto& e : space.edges())
        if (chosen.count(e.from) && chosen.count(e.to))
            part.addEdge(e);
    for (const auto& name : shared)
        if (auto it = space.sharedChoices().find(name); it != space.sharedChoices().end())
            part.setSharedChoice(name, it->second);
    for (const auto& name : cells)
        if (auto it = space.cells().find(name); it != space.cells().end())
            part.setCell(it->second);
    return SpaceFile::serialize(part);
}

PastedBlocks BlockClipboard::paste(const SearchSpace& target, const std::string& json,
                                   QPointF offset)
{
    const SearchSpace part = SpaceFile::parse(json, "the clipboard");
    PastedBlocks pasted;
    std::map<std::string, std::string> newIds;
    std::set<std::string> taken;
    for (const Block& b : part.blocks()) {
        const std::string stem = stemOf(b.id);
        std::string id;
        for (int n = 1;; ++n) {
            id = stem + std::to_string(n);
            if (!target.block(id) && !taken.count(id))
                break;
        }
        taken.insert(id);
        newIds[b.id] = id;
        Block copy = b;
        copy.id = id;
        copy.x += offset.x();
        copy.y += offset.y();
        pasted.blocks.push_back(std::move(copy));
    }
    for (Edge e : part.edges()) {
        e.from = newIds[e.from];
        e.to = newIds[e.to];
        pasted.edges.push_back(std::move(e));
    }
    for (const auto& [name, values] : part.sharedChoices())
        if (!target.sharedChoices().count(name))
            pasted.sharedChoices[name] = values;
    for (const auto& [name, cell] : part.cells())
        if (!target.cells().count(name))
            pasted.cells.push_back(cell);
    return pasted;
}

QMimeData* BlockClipboard::mimeFor(const std::string& fragment)
{
    auto* mime = new QMimeData;
    const QByteArray bytes = QByteArray::fromStdString(fragment);
    mime->setData(QLatin1String(kMimeType), bytes);
    mime->setText(QString::fromStdString(fragment));
    return mime;
}

std::string BlockClipboard::fragmentFrom(const QMimeData* mime)
{
    if (!mime || !mime->hasFormat(QLatin1String(kMimeType)))
        return {};
    return mime->data(QLatin1String(kMimeType)).toStdString();
}

} // namespace archscape
