#pragma once
// Shared by the engine tests: where the bundled spaces and the real
// NAS-Bench-201 table are, and a terse way to write small spaces as JSON.

#include "space/ArchitectureCodec.h"
#include "space/Network.h"
#include "space/SearchSpace.h"
#include "space/SpaceFile.h"

#include <QFile>
#include <QString>
#include <QTextStream>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace enginetest {

using json = nlohmann::json;

inline std::string sourcePath(const QString& relative)
{
    return (qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/" + relative).toStdString();
}

inline std::string bundledSpacePath(const QString& fileName)
{
    return sourcePath("resources/spaces/" + fileName);
}

inline archscape::SearchSpace loadBundled(const QString& fileName)
{
    return archscape::SpaceFile::load(bundledSpacePath(fileName));
}

inline QStringList bundledSpaceNames()
{
    return {"nb201.json", "mbconv.json", "fashion_mnist.json", "resnet_fashion.json"};
}

// The "arch" column of the real NAS-Bench-201 table, in index order.
inline std::vector<std::string> readNb201Archs()
{
    const QString path = qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv";
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw std::runtime_error("cannot open " + path.toStdString());
    QTextStream in(&file);
    const QStringList header = in.readLine().split(',');
    const qsizetype archColumn = header.indexOf("arch");
    if (archColumn < 0)
        throw std::runtime_error("no arch column in " + path.toStdString());
    std::vector<std::string> archs;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.isEmpty())
            continue;
        archs.push_back(line.split(',').value(archColumn).toStdString());
    }
    return archs;
}

// ---- small spaces ----

inline json spaceDoc(json blocks, json edges, json extra = json::object())
{
    json doc{{"format", "archscape-space"},
             {"version", 1},
             {"name", "test"},
             {"blocks", std::move(blocks)},
             {"edges", std::move(edges)}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        doc[it.key()] = it.value();
    return doc;
}

inline archscape::SearchSpace parseDoc(const json& doc)
{
    return archscape::SpaceFile::parse(doc.dump(), "<test>");
}

inline json block(const std::string& id, const std::string& kind, json params = json::object())
{
    json b{{"id", id}, {"kind", kind}};
    if (!params.empty())
        b["params"] = std::move(params);
    return b;
}

inline json input(int channels, int height, int width)
{
    return block("in", "input", {{"channels", channels}, {"height", height}, {"width", width}});
}

inline json output()
{
    return block("out", "output");
}

inline json choice(const json& values)
{
    return json{{"choice", values}};
}

inline json edge(const std::string& from, const std::string& to, int port = 0)
{
    json e{{"from", from}, {"to", to}};
    if (port != 0)
        e["port"] = port;
    return e;
}

// Edges joining `ids` one after another.
inline json chain(const std::vector<std::string>& ids)
{
    json edges = json::array();
    for (size_t i = 1; i < ids.size(); ++i)
        edges.push_back(edge(ids[i - 1], ids[i]));
    return edges;
}

// in -> the given blocks in order -> out.
inline archscape::SearchSpace chainSpace(const json& inputBlock, const std::vector<json>& body,
                                         json extra = json::object())
{
    json blocks = json::array({inputBlock});
    std::vector<std::string> ids{"in"};
    for (const auto& b : body) {
        blocks.push_back(b);
        ids.push_back(b["id"].get<std::string>());
    }
    blocks.push_back(output());
    ids.push_back("out");
    return parseDoc(spaceDoc(blocks, chain(ids), std::move(extra)));
}

// The network of a space's default architecture (a space without choices
// has only that one).
inline archscape::Network fixedNetwork(const archscape::SearchSpace& space)
{
    archscape::ArchitectureCodec codec(space);
    return codec.network(codec.defaultArchitecture());
}

inline int countOps(const archscape::Network& net, archscape::LayerOp op)
{
    int n = 0;
    for (const auto& l : net.layers)
        n += l.op == op;
    return n;
}

} // namespace enginetest
