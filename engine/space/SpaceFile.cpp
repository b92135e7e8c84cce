#include "SpaceFile.h"

#include "BlockKindRegistry.h"
#include "SpaceError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <unistd.h>

namespace archscape {

using json = nlohmann::json;

namespace {

constexpr int kMaxBlockNesting = 8; // Choice/Repeat inside Choice/Repeat

class Reader
{
public:
    explicit Reader(std::string origin) : origin_(std::move(origin)) {}

    SearchSpace read(const json& doc) const
    {
        if (!doc.is_object())
            fail("", "the file is not a JSON object");
        if (!doc.contains("format") || !doc["format"].is_string()
            || doc["format"].get<std::string>() != "archscape-space")
            fail("", "not an Archscape search space (\"format\" must be \"archscape-space\")");
        if (!doc.contains("version") || !doc["version"].is_number_integer())
            fail("", "\"version\" is missing or not an integer");
        auto version = doc["version"].get<int64_t>();
        if (version != SpaceFile::kFormatVersion)
            fail("", "space format version " + std::to_string(version)
                         + " is not supported (this Archscape reads version "
                         + std::to_string(SpaceFile::kFormatVersion) + ")");

        SearchSpace space;
        space.name = optionalText(doc, "name", "");
        space.description = optionalText(doc, "description", "");
        readSharedChoices(doc, space);
        readCells(doc, space);
        readBlocks(doc, space);
        readEdges(doc, space);
        return space;
    }

private:
    [[noreturn]] void fail(const std::string& blockId, const std::string& problem) const
    {
        throw SpaceError(origin_, blockId, problem);
    }

    std::string optionalText(const json& obj, const char* key, const std::string& blockId) const
    {
        if (!obj.contains(key))
            return {};
        if (!obj[key].is_string())
            fail(blockId, std::string("\"") + key + "\" must be text");
        return obj[key].get<std::string>();
    }

    const json& requireArray(const json& obj, const char* key, const std::string& blockId) const
    {
        if (!obj.contains(key) || !obj[key].is_array())
            fail(blockId, std::string("\"") + key + "\" must be a list");
        return obj[key];
    }

    Value readValue(const json& v, Value::Type type, const std::string& what,
                    const std::string& blockId) const
    {
        switch (type) {
        case Value::Type::Int: {
            if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX))
                fail(blockId, what + " is " + v.dump() + ", far too large");
            if (v.is_number_integer())
                return Value::integer(v.get<int64_t>());
            if (v.is_number_float()) {
                double d = v.get<double>();
                if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e15)
                    return Value::integer(static_cast<int64_t>(d));
            }
            fail(blockId, what + " must be a whole number");
        }
        case Value::Type::Real:
            if (v.is_number() && std::isfinite(v.get<double>()))
                return Value::real(v.get<double>());
            fail(blockId, what + " must be a number");
        case Value::Type::Bool:
            if (v.is_boolean())
                return Value::flag(v.get<bool>());
            fail(blockId, what + " must be true or false");
        case Value::Type::Text:
            if (v.is_string())
                return Value::text(v.get<std::string>());
            fail(blockId, what + " must be text");
        }
        fail(blockId, what + " has an unknown type");
    }

    void checkRange(const Value& value, const ParamSpec& spec, const std::string& blockId) const
    {
        if (value.isNumber() && spec.maximum > spec.minimum
            && (value.toReal() < spec.minimum || value.toReal() > spec.maximum)) {
            std::ostringstream msg;
            msg << "parameter '" << spec.name << "' is " << value.toString() << ", outside "
                << spec.minimum << ".." << spec.maximum;
            fail(blockId, msg.str());
        }
        if (value.type() == Value::Type::Text && !spec.words.empty()) {
            bool known = false;
            for (const auto& w : spec.words)
                known = known || w == value.toText();
            if (!known) {
                std::string list;
                for (const auto& w : spec.words)
                    list += (list.empty() ? "" : ", ") + w;
                fail(blockId, "parameter '" + spec.name + "' is '" + value.toText()
                                  + "'; expected one of " + list);
            }
        }
    }

    std::vector<Value> readOptions(const json& list, Value::Type type, const std::string& what,
                                   const std::string& blockId, const ParamSpec* spec) const
    {
        if (!list.is_array() || list.empty())
            fail(blockId, what + ": a choice needs a non-empty list of values");
        if (list.size() > SpaceFile::kMaxOptions)
            fail(blockId, what + ": a choice has more than "
                              + std::to_string(SpaceFile::kMaxOptions) + " values");
        std::vector<Value> options;
        for (const auto& item : list) {
            Value v = readValue(item, type, what, blockId);
            if (spec)
                checkRange(v, *spec, blockId);
            for (const auto& seen : options)
                if (seen == v)
                    fail(blockId, what + ": the value " + v.toString() + " is listed twice");
            options.push_back(std::move(v));
        }
        return options;
    }

    void readSharedChoices(const json& doc, SearchSpace& space) const
    {
        if (!doc.contains("choices"))
            return;
        const json& choices = doc["choices"];
        if (!choices.is_object())
            fail("", "\"choices\" must be an object of named value lists");
        for (const auto& [choiceName, list] : choices.items()) {
            if (!SearchSpace::isValidId(choiceName))
                fail("", "shared choice name '" + choiceName
                             + "' may use only letters, digits, '_' and '-'");
            Value::Type type = Value::Type::Int;
            if (list.is_array() && !list.empty()) {
                const json& first = list.front();
                type = first.is_string()            ? Value::Type::Text
                       : first.is_boolean()         ? Value::Type::Bool
                       : first.is_number_integer()  ? Value::Type::Int
                                                    : Value::Type::Real;
            }
            space.setSharedChoice(
                choiceName, readOptions(list, type, "shared choice '" + choiceName + "'", "", nullptr));
        }
    }

    void readCells(const json& doc, SearchSpace& space) const
    {
        if (!doc.contains("cells"))
            return;
        const json& cells = doc["cells"];
        if (!cells.is_object())
            fail("", "\"cells\" must be an object of cell definitions");
        for (const auto& [cellName, def] : cells.items()) {
            std::string where = "cell '" + cellName + "'";
            if (!SearchSpace::isValidId(cellName))
                fail("", where + ": the name may use only letters, digits, '_' and '-'");
            if (!def.is_object())
                fail("", where + " must be an object");
            CellDefinition cell;
            cell.name = cellName;
            if (!def.contains("nodes") || !def["nodes"].is_number_integer())
                fail("", where + ": \"nodes\" must be a whole number");
            if (def["nodes"].is_number_unsigned() && def["nodes"].get<uint64_t>() > 12)
                fail("", where + ": \"nodes\" is " + def["nodes"].dump() + ", outside 2..12");
            auto nodes = def["nodes"].get<int64_t>();
            if (nodes < 2 || nodes > 12)
                fail("", where + ": \"nodes\" is " + std::to_string(nodes) + ", outside 2..12");
            cell.nodes = static_cast<int>(nodes);
            for (const auto& op : requireArray(def, "ops", "")) {
                if (!op.is_string() || !cellOpFromName(op.get<std::string>())) {
                    std::string known;
                    for (const auto& n : allCellOpNames())
                        known += (known.empty() ? "" : ", ") + n;
                    fail("", where + ": unknown operation " + op.dump() + "; known: " + known);
                }
                for (const auto& seen : cell.ops)
                    if (seen == op.get<std::string>())
                        fail("", where + ": operation '" + seen + "' is listed twice");
                cell.ops.push_back(op.get<std::string>());
            }
            if (cell.ops.empty())
                fail("", where + ": \"ops\" is empty");
            space.setCell(std::move(cell));
        }
    }

    void readBlocks(const json& doc, SearchSpace& space) const
    {
        const json& blocks = requireArray(doc, "blocks", "");
        if (blocks.size() > SpaceFile::kMaxBlocks)
            fail("", "more than " + std::to_string(SpaceFile::kMaxBlocks) + " blocks");
        size_t unrolled = 0;
        for (const auto& b : blocks) {
            Block block = readBlock(b, space, 0, "");
            if (space.block(block.id))
                fail(block.id, "the id is used by another block");
            // Nested Repeat blocks multiply: without this, a few hundred bytes
            // unroll to millions of blocks and resolving never ends.
            unrolled += unrolledCount(block, space);
            if (unrolled > SpaceFile::kMaxBlocks)
                fail(block.id, "with every Repeat body unrolled to its largest depth, the space "
                               "has more than " + std::to_string(SpaceFile::kMaxBlocks)
                                   + " blocks");
            space.addBlock(std::move(block));
        }
    }

    // The block with its Choice alternatives and its Repeat body (at the
    // largest depth) counted in, up to kMaxBlocks + 1.
    static size_t unrolledCount(const Block& block, const SearchSpace& space)
    {
        const size_t cap = SpaceFile::kMaxBlocks + 1;
        size_t n = 1;
        for (const auto& alt : block.alternatives)
            n = std::min(cap, n + unrolledCount(alt, space));
        if (block.kind == BlockKind::Repeat && !block.body.empty()) {
            const Parameter& depth = block.param("depth");
            std::vector<Value> depths{depth.value};
            if (depth.mode == Parameter::Mode::Choice)
                depths = depth.options;
            auto shared = space.sharedChoices().find(depth.sharedName);
            if (depth.mode == Parameter::Mode::Shared && shared != space.sharedChoices().end())
                depths = shared->second;
            size_t most = 1;
            for (const auto& d : depths)
                most = std::max<size_t>(most, static_cast<size_t>(std::max<int64_t>(1, d.toInt())));
            size_t body = unrolledCount(block.body.front(), space);
            n = std::min(cap, n + (body > cap / most ? cap : body * most));
        }
        return n;
    }

    Block readBlock(const json& b, const SearchSpace& space, int nesting,
                    const std::string& parentId) const
    {
        std::string where = parentId.empty() ? std::string() : parentId;
        if (!b.is_object())
            fail(where, "a block must be an object");
        if (!b.contains("id") || !b["id"].is_string())
            fail(where, "a block has no \"id\"");
        Block block;
        block.id = b["id"].get<std::string>();
        std::string blockPath = parentId.empty() ? block.id : parentId + "/" + block.id;
        if (!SearchSpace::isValidId(block.id))
            fail(blockPath, "the id may use only letters, digits, '_' and '-' (at most 64)");
        if (!b.contains("kind") || !b["kind"].is_string())
            fail(blockPath, "\"kind\" is missing");
        const std::string kindName = b["kind"].get<std::string>();
        std::optional<Block> ofKind = BlockKindRegistry::blockOfKind(kindName);
        if (!ofKind)
            fail(blockPath, "unknown block kind '" + kindName + "'; known kinds: "
                                + BlockKindRegistry::knownNames()
                                + ". A kind from a plugin needs that plugin loaded "
                                  "(see archscape-cli plugins, --plugin-dir)");
        block.kind = ofKind->kind;
        block.extension = std::move(ofKind->extension);
        block.name = optionalText(b, "name", blockPath);
        readPosition(b, block, blockPath);
        readParams(b, block, space, blockPath);

        if (nesting > kMaxBlockNesting)
            fail(blockPath, "blocks are nested more than " + std::to_string(kMaxBlockNesting)
                                + " deep");
        bool nestedOnly = nesting > 0;
        if (nestedOnly && (block.kind == BlockKind::Input || block.kind == BlockKind::Output
                           || block.info().fixedInputs != 1 || block.info().variableInputs))
            fail(blockPath, "a " + block.info().name
                                + " block cannot be nested inside a choice or repeat");
        if (block.kind == BlockKind::Choice) {
            std::set<std::string> ids;
            for (const auto& alt : requireArray(b, "alternatives", blockPath)) {
                Block a = readBlock(alt, space, nesting + 1, blockPath);
                if (!ids.insert(a.id).second)
                    fail(blockPath, "two alternatives have the id '" + a.id + "'");
                block.alternatives.push_back(std::move(a));
            }
            if (block.alternatives.empty())
                fail(blockPath, "a choice block needs at least one alternative");
        } else if (b.contains("alternatives")) {
            fail(blockPath, "only choice blocks have \"alternatives\"");
        }
        if (block.kind == BlockKind::Repeat) {
            if (!b.contains("body"))
                fail(blockPath, "a repeat block needs a \"body\" block");
            block.body.push_back(readBlock(b["body"], space, nesting + 1, blockPath));
        } else if (b.contains("body")) {
            fail(blockPath, "only repeat blocks have a \"body\"");
        }
        return block;
    }

    void readPosition(const json& b, Block& block, const std::string& blockPath) const
    {
        if (!b.contains("pos"))
            return;
        const json& pos = b["pos"];
        if (!pos.is_array() || pos.size() != 2 || !pos[0].is_number() || !pos[1].is_number()
            || !std::isfinite(pos[0].get<double>()) || !std::isfinite(pos[1].get<double>())
            || std::fabs(pos[0].get<double>()) > 1e7 || std::fabs(pos[1].get<double>()) > 1e7)
            fail(blockPath, "\"pos\" must be [x, y] with finite numbers");
        block.x = pos[0].get<double>();
        block.y = pos[1].get<double>();
    }

    void readParams(const json& b, Block& block, const SearchSpace& space,
                    const std::string& blockPath) const
    {
        if (!b.contains("params"))
            return;
        const json& params = b["params"];
        if (!params.is_object())
            fail(blockPath, "\"params\" must be an object");
        for (const auto& [key, v] : params.items()) {
            const ParamSpec* spec = block.info().param(key);
            if (!spec)
                fail(blockPath, "a " + block.info().name + " block has no parameter '" + key + "'");
            std::string what = "parameter '" + key + "'";
            if (v.is_object()) {
                if (v.contains("choice") && v.size() == 1) {
                    if (key == "inputs" || key == "cell" || block.kind == BlockKind::Input)
                        fail(blockPath, what + " cannot be a choice");
                    block.params[key] =
                        Parameter::choice(readOptions(v["choice"], spec->type, what, blockPath, spec));
                } else if (v.contains("shared") && v.size() == 1 && v["shared"].is_string()) {
                    std::string sharedName = v["shared"].get<std::string>();
                    auto it = space.sharedChoices().find(sharedName);
                    if (it == space.sharedChoices().end())
                        fail(blockPath, what + " refers to the shared choice '" + sharedName
                                            + "', which \"choices\" does not define");
                    if (key == "inputs" || key == "cell" || block.kind == BlockKind::Input)
                        fail(blockPath, what + " cannot be a choice");
                    for (const auto& option : it->second) {
                        if (option.type() != spec->type
                            && !(option.isNumber() && spec->type == Value::Type::Real))
                            fail(blockPath, what + " needs " + Value::typeName(spec->type)
                                                + " values, but shared choice '" + sharedName
                                                + "' holds " + Value::typeName(option.type()));
                        checkRange(option, *spec, blockPath);
                    }
                    block.params[key] = Parameter::shared(sharedName);
                } else {
                    fail(blockPath, what
                                        + " must be a value, {\"choice\": [values]} or "
                                          "{\"shared\": \"name\"}");
                }
            } else {
                Value value = readValue(v, spec->type, what, blockPath);
                checkRange(value, *spec, blockPath);
                block.params[key] = Parameter::fixed(std::move(value));
            }
        }
        if (block.kind == BlockKind::Cell) {
            Parameter cell = block.param("cell");
            if (space.cells().find(cell.value.toText()) == space.cells().end())
                fail(blockPath, "cell definition '" + cell.value.toText()
                                    + "' is not in \"cells\"");
        }
    }

    void readEdges(const json& doc, SearchSpace& space) const
    {
        if (!doc.contains("edges"))
            return;
        for (const auto& e : requireArray(doc, "edges", "")) {
            if (!e.is_object() || !e.contains("from") || !e.contains("to")
                || !e["from"].is_string() || !e["to"].is_string())
                fail("", "an edge must be {\"from\": id, \"to\": id[, \"port\": n]}");
            Edge edge;
            edge.from = e["from"].get<std::string>();
            edge.to = e["to"].get<std::string>();
            if (e.contains("port")) {
                if (!e["port"].is_number_integer() || e["port"].get<int64_t>() < 0
                    || e["port"].get<int64_t>() > 64)
                    fail(edge.to, "an edge's \"port\" must be a whole number 0..64");
                edge.toPort = static_cast<int>(e["port"].get<int64_t>());
            }
            if (!space.block(edge.from))
                fail(edge.from, "an edge starts at this block, which does not exist");
            if (!space.block(edge.to))
                fail(edge.to, "an edge ends at this block, which does not exist");
            space.addEdge(std::move(edge));
        }
    }

    std::string origin_;
};

json writeValue(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Int:
        return v.toInt();
    case Value::Type::Real:
        return v.toReal();
    case Value::Type::Bool:
        return v.toBool();
    case Value::Type::Text:
        return v.toText();
    }
    return nullptr;
}

json writeBlock(const Block& block, bool withPosition)
{
    json b;
    b["id"] = block.id;
    b["kind"] = block.info().name;
    if (!block.name.empty())
        b["name"] = block.name;
    json params = json::object();
    for (const auto& [key, p] : block.params) {
        switch (p.mode) {
        case Parameter::Mode::Fixed:
            params[key] = writeValue(p.value);
            break;
        case Parameter::Mode::Choice: {
            json list = json::array();
            for (const auto& o : p.options)
                list.push_back(writeValue(o));
            params[key] = json{{"choice", list}};
            break;
        }
        case Parameter::Mode::Shared:
            params[key] = json{{"shared", p.sharedName}};
            break;
        }
    }
    if (!params.empty())
        b["params"] = params;
    if (block.kind == BlockKind::Choice) {
        b["alternatives"] = json::array();
        for (const auto& alt : block.alternatives)
            b["alternatives"].push_back(writeBlock(alt, false));
    }
    if (block.kind == BlockKind::Repeat && !block.body.empty())
        b["body"] = writeBlock(block.body.front(), false);
    if (withPosition)
        b["pos"] = {block.x, block.y};
    return b;
}

} // namespace

SearchSpace SpaceFile::parse(const std::string& text, const std::string& origin)
{
    if (text.size() > kMaxFileBytes)
        throw SpaceError(origin, "", "the file is larger than 64 MiB");
    json doc;
    try {
        // The depth check runs before a deep document is built at all.
        json::parser_callback_t limitDepth = [&origin](int depth, json::parse_event_t, json&) {
            if (depth > kMaxNesting)
                throw SpaceError(origin, "", "the JSON is nested more than "
                                                 + std::to_string(kMaxNesting) + " levels deep");
            return true;
        };
        doc = json::parse(text, limitDepth);
    } catch (const json::exception& e) {
        // parse_error, and out_of_range for a number too large ("1e999").
        std::string what = e.what();
        auto pos = what.find("parse error");
        if (pos == std::string::npos)
            pos = what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2;
        throw SpaceError(origin, "", "not valid JSON (" + what.substr(pos) + ")");
    }
    return Reader(origin).read(doc);
}

SearchSpace SpaceFile::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw SpaceError(path, "", std::string("cannot open the file: ") + std::strerror(errno));
    std::ostringstream buffer;
    char chunk[65536];
    size_t total = 0;
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        total += static_cast<size_t>(in.gcount());
        if (total > kMaxFileBytes)
            throw SpaceError(path, "", "the file is larger than 64 MiB");
        buffer.write(chunk, in.gcount());
    }
    if (in.bad())
        throw SpaceError(path, "", "reading the file failed");
    return parse(buffer.str(), path);
}

std::string SpaceFile::serialize(const SearchSpace& space)
{
    json doc;
    doc["format"] = "archscape-space";
    doc["version"] = kFormatVersion;
    doc["name"] = space.name;
    if (!space.description.empty())
        doc["description"] = space.description;
    if (!space.sharedChoices().empty()) {
        json choices = json::object();
        for (const auto& [choiceName, values] : space.sharedChoices()) {
            json list = json::array();
            for (const auto& v : values)
                list.push_back(writeValue(v));
            choices[choiceName] = list;
        }
        doc["choices"] = choices;
    }
    if (!space.cells().empty()) {
        json cells = json::object();
        for (const auto& [cellName, cell] : space.cells())
            cells[cellName] = json{{"nodes", cell.nodes}, {"ops", cell.ops}};
        doc["cells"] = cells;
    }
    doc["blocks"] = json::array();
    for (const auto& block : space.blocks())
        doc["blocks"].push_back(writeBlock(block, true));
    doc["edges"] = json::array();
    for (const auto& e : space.edges()) {
        json edge{{"from", e.from}, {"to", e.to}};
        if (e.toPort != 0)
            edge["port"] = e.toPort;
        doc["edges"].push_back(edge);
    }
    return doc.dump(2) + "\n";
}

void SpaceFile::save(const SearchSpace& space, const std::string& path)
{
    const std::string text = serialize(space);
    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f)
        throw SpaceError(path, "", std::string("cannot write the file: ") + std::strerror(errno));
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fflush(f) == 0) && ok;
    ok = (::fsync(::fileno(f)) == 0) && ok;
    int saved = errno;
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
        std::remove(temp.c_str());
        throw SpaceError(path, "", std::string("writing the file failed: ") + std::strerror(saved));
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        saved = errno;
        std::remove(temp.c_str());
        throw SpaceError(path, "", std::string("cannot replace the file: ") + std::strerror(saved));
    }
}

} // namespace archscape
