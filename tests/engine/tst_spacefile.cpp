// SpaceFile: loading the bundled spaces, save/load round trips, atomic
// saves, and a SpaceError naming file, block and problem for every kind of
// malformed or hostile input.

#include "EngineTestSupport.h"

#include "space/SpaceError.h"
#include "space/SpaceFile.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <set>

using namespace archscape;
using namespace enginetest;

namespace {

QByteArray readAll(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A well-formed space (in -> c -> out) whose conv block gets `params`.
QByteArray convSpace(const json& params)
{
    return QByteArray::fromStdString(
        spaceDoc(json::array({input(3, 8, 8), block("c", "conv", params), output()}),
                 chain({"in", "c", "out"}))
            .dump());
}

// A space whose blocks are `blocks` (ids must include in/out as needed).
QByteArray blocksSpace(json blocks, json edges = json::array(), json extra = json::object())
{
    return QByteArray::fromStdString(spaceDoc(std::move(blocks), std::move(edges), extra).dump());
}

// `levels` choice blocks nested in one another around a conv.
json nestedChoices(int levels)
{
    json inner = block("leaf", "conv");
    for (int i = 0; i < levels; ++i)
        inner = json{{"id", "ch" + std::to_string(i)},
                     {"kind", "choice"},
                     {"alternatives", json::array({inner, block("skip", "identity")})}};
    inner["id"] = "top";
    return inner;
}

} // namespace

class TestSpaceFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledSpacesLoad_data();
    void bundledSpacesLoad();
    void saveLoadRoundTrip_data();
    void saveLoadRoundTrip();
    void roundTripKeepsEveryParameterMode();
    void sameStructureSeesDifferences();
    void saveIntoMissingFolderThrowsAndLeavesNothing();
    void saveOverFolderThrowsAndLeavesNoTemporary();
    void saveReplacesExistingFile();
    void missingFileThrows();
    void malformed_data();
    void malformed();
    void outOfRangeQuotesTheValueAsWritten_data();
    void outOfRangeQuotesTheValueAsWritten();
    void oversizedFileThrows();
    void tooManyOptionsThrows();
    void deepJsonNestingThrowsWithoutCrashing_data();
    void deepJsonNestingThrowsWithoutCrashing();
    void blockNestingLimit();
};

void TestSpaceFile::bundledSpacesLoad_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& name : bundledSpaceNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestSpaceFile::bundledSpacesLoad()
{
    QFETCH(QString, file);
    const std::string path = bundledSpacePath(file);
    SearchSpace space = SpaceFile::load(path);

    // Compare with the file read by a plain JSON parser, not by SpaceFile.
    json doc = json::parse(readAll(path).toStdString());
    QCOMPARE(space.name, doc["name"].get<std::string>());
    QCOMPARE(space.blocks().size(), doc["blocks"].size());
    for (size_t i = 0; i < space.blocks().size(); ++i) {
        const Block& b = space.blocks()[i];
        QCOMPARE(b.id, doc["blocks"][i]["id"].get<std::string>());
        QCOMPARE(b.info().name, doc["blocks"][i]["kind"].get<std::string>());
        QCOMPARE(b.x, doc["blocks"][i]["pos"][0].get<double>());
        QCOMPARE(b.y, doc["blocks"][i]["pos"][1].get<double>());
    }
    QCOMPARE(space.edges().size(), doc["edges"].size());
    for (const auto& e : doc["edges"]) {
        const Edge* found = space.edgeInto(e["to"].get<std::string>(), e.value("port", 0));
        QVERIFY(found);
        QCOMPARE(found->from, e["from"].get<std::string>());
    }
    QCOMPARE(space.sharedChoices().size(), doc.value("choices", json::object()).size());
    QCOMPARE(space.cells().size(), doc.value("cells", json::object()).size());
}

void TestSpaceFile::saveLoadRoundTrip_data()
{
    bundledSpacesLoad_data();
}

void TestSpaceFile::saveLoadRoundTrip()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SearchSpace original = loadBundled(file);
    const std::string path = dir.filePath("copy.json").toStdString();
    SpaceFile::save(original, path);
    const SearchSpace copy = SpaceFile::load(path);

    QVERIFY(copy.sameStructure(original));
    QVERIFY(original.sameStructure(copy));
    QCOMPARE(SpaceFile::serialize(copy), SpaceFile::serialize(original));
    QCOMPARE(readAll(path).toStdString(), SpaceFile::serialize(original));
    QCOMPARE(copy.name, original.name);
    QCOMPARE(copy.description, original.description);
    for (const auto& b : original.blocks()) {
        QVERIFY(copy.block(b.id));
        QCOMPARE(copy.block(b.id)->x, b.x);
        QCOMPARE(copy.block(b.id)->y, b.y);
        QCOMPARE(copy.block(b.id)->name, b.name);
    }
    // Nothing but the saved file is left in the folder.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{"copy.json"});
}

void TestSpaceFile::roundTripKeepsEveryParameterMode()
{
    json cells{{"c4", {{"nodes", 4}, {"ops", {"none", "skip_connect", "max_pool_3x3"}}}}};
    json choices{{"w", {16, 32}}, {"act", {"relu", "swish"}}, {"ratio", {0.25, 0.5}}};
    json rep{
        {"id", "rep"},
        {"kind", "repeat"},
        {"params", {{"depth", choice({1, 2})}}},
        {"body",
         block("layer", "mbconv",
               {{"width", 16}, {"se", {{"shared", "ratio"}}}, {"expansion", choice({2, 4})}})}};
    json ch{
        {"id", "ch"},
        {"kind", "choice"},
        {"alternatives",
         json::array({block("a", "sepconv", {{"width", 16}, {"activation", {{"shared", "act"}}}}),
                      block("b", "zero")})}};
    json blocks = json::array(
        {input(3, 16, 16), block("stem", "stem", {{"width", 16}, {"bias", true}, {"bn", false}}),
         block("cell", "cell", {{"cell", "c4"}}), rep, ch, block("sum", "add", {{"inputs", 2}}),
         block("cat", "concat"),
         block("pool", "pool", {{"type", "avg"}, {"kernel", choice({2, 3})}}),
         block("head", "head", {{"classes", 7}, {"preact", true}, {"dropout", 0.125}}), output()});
    for (auto& b : blocks)
        b["pos"] = {12.5, -3.0};
    json edges = json::array({edge("in", "stem"), edge("stem", "cell"), edge("cell", "rep"),
                              edge("rep", "ch"), edge("rep", "sum"), edge("ch", "sum", 1),
                              edge("sum", "cat"), edge("rep", "cat", 1), edge("cat", "pool"),
                              edge("pool", "head"), edge("head", "out")});
    const SearchSpace original =
        parseDoc(spaceDoc(blocks, edges, {{"cells", cells}, {"choices", choices}}));

    QTemporaryDir dir;
    const std::string path = dir.filePath("all.json").toStdString();
    SpaceFile::save(original, path);
    const SearchSpace copy = SpaceFile::load(path);
    QVERIFY(copy.sameStructure(original));
    QCOMPARE(SpaceFile::serialize(copy), SpaceFile::serialize(original));

    // Spot checks that the modes survived as such, not as look-alike values.
    const Block* layer = &copy.block("rep")->body.front();
    QCOMPARE(layer->param("se").mode, Parameter::Mode::Shared);
    QCOMPARE(layer->param("se").sharedName, std::string("ratio"));
    QCOMPARE(layer->param("expansion").mode, Parameter::Mode::Choice);
    QCOMPARE(copy.block("head")->param("dropout").value, Value::real(0.125));
    QCOMPARE(copy.block("head")->param("preact").value, Value::flag(true));
    QCOMPARE(copy.block("pool")->param("type").value, Value::text("avg"));
    QCOMPARE(copy.sharedChoices().at("ratio").front().type(), Value::Type::Real);
    QCOMPARE(copy.cells().at("c4").ops.back(), std::string("max_pool_3x3"));
    QCOMPARE(copy.edgeInto("sum", 1)->from, std::string("ch"));
}

void TestSpaceFile::sameStructureSeesDifferences()
{
    const SearchSpace original = loadBundled("fashion_mnist.json");
    SearchSpace moved = original;
    moved.block("conv2")->x += 50;
    moved.block("conv2")->name = "renamed";
    QVERIFY(moved.sameStructure(original)); // layout and labels do not count

    SearchSpace changed = original;
    changed.block("conv2")->params["kernel"] = Parameter::fixed(Value::integer(5));
    QVERIFY(!changed.sameStructure(original));
    QVERIFY(SpaceFile::serialize(changed) != SpaceFile::serialize(original));

    SearchSpace rewired = original;
    rewired.removeEdge({"op2", "res", 1});
    QVERIFY(!rewired.sameStructure(original));

    SearchSpace otherChoice = original;
    otherChoice.setSharedChoice("w1", {Value::integer(16), Value::integer(48)});
    QVERIFY(!otherChoice.sameStructure(original));
}

void TestSpaceFile::saveIntoMissingFolderThrowsAndLeavesNothing()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath("no/such/folder");
    const std::string path = (missing + "/space.json").toStdString();
    try {
        SpaceFile::save(loadBundled("nb201.json"), path);
        QFAIL("saving into a missing folder did not throw");
    } catch (const SpaceError& e) {
        QCOMPARE(e.file(), path);
        QVERIFY(std::string(e.what()).find(path) == 0);
    }
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

void TestSpaceFile::saveOverFolderThrowsAndLeavesNoTemporary()
{
    // The temporary file can be written, but the rename over a folder fails:
    // the temporary must be removed again.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("target.json"));
    const std::string path = dir.filePath("target.json").toStdString();
    QVERIFY_THROWS_EXCEPTION(SpaceError, SpaceFile::save(loadBundled("mbconv.json"), path));
    QVERIFY(QFileInfo(QString::fromStdString(path)).isDir());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{"target.json"});
}

void TestSpaceFile::saveReplacesExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("space.json");
    QVERIFY(writeFile(path, QByteArray(100000, 'x'))); // longer than the new content
    const SearchSpace space = loadBundled("fashion_mnist.json");
    SpaceFile::save(space, path.toStdString());
    QCOMPARE(readAll(path.toStdString()).toStdString(), SpaceFile::serialize(space));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{"space.json"});
}

void TestSpaceFile::missingFileThrows()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("absent.json").toStdString();
    try {
        SpaceFile::load(path);
        QFAIL("loading a missing file did not throw");
    } catch (const SpaceError& e) {
        QCOMPARE(e.file(), path);
        QVERIFY(e.blockId().empty());
    }
}

void TestSpaceFile::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("blockId");  // "" when the problem is the file's
    QTest::addColumn<QString>("mentions"); // a word the problem must contain

    const QByteArray nb201 = readAll(bundledSpacePath("nb201.json"));
    QVERIFY(nb201.size() > 1000);

    QTest::newRow("not JSON") << QByteArray("this is not JSON") << ""
                              << "JSON";
    QTest::newRow("truncated nb201") << nb201.left(nb201.size() / 2) << ""
                                     << "JSON";
    QTest::newRow("empty (whitespace only)") << QByteArray(" \n\t\n") << ""
                                             << "JSON";
    QTest::newRow("0 bytes") << QByteArray() << ""
                             << "JSON";
    {
        QByteArray garbage(4096, '\0');
        QRandomGenerator rng(42);
        for (auto& c : garbage)
            c = static_cast<char>(rng.bounded(256));
        QTest::newRow("binary garbage") << garbage << ""
                                        << "JSON";
    }
    QTest::newRow("invalid UTF-8 in a string")
        << QByteArray(
               "{\"format\":\"archscape-space\",\"version\":1,\"blocks\":[{\"id\":\"\xff\xfe\","
               "\"kind\":\"conv\"}]}")
        << ""
        << "JSON";
    QTest::newRow("top level is a list") << QByteArray("[1, 2, 3]") << ""
                                         << "object";
    QTest::newRow("wrong format") << QByteArray(
                                         R"({"format":"onnx-graph","version":1,"blocks":[]})")
                                  << ""
                                  << "format";
    QTest::newRow("format missing") << QByteArray(R"({"version":1,"blocks":[]})") << ""
                                    << "format";
    QTest::newRow("format is a number")
        << QByteArray(R"({"format":1,"version":1,"blocks":[]})") << ""
        << "format";
    QTest::newRow("wrong version")
        << QByteArray(R"({"format":"archscape-space","version":2,"blocks":[]})") << ""
        << "version 2";
    QTest::newRow("version is text")
        << QByteArray(R"({"format":"archscape-space","version":"1","blocks":[]})") << ""
        << "version";
    QTest::newRow("blocks missing")
        << QByteArray(R"({"format":"archscape-space","version":1})") << ""
        << "blocks";
    QTest::newRow("name is a number")
        << QByteArray(R"({"format":"archscape-space","version":1,"name":7,"blocks":[]})") << ""
        << "name";

    QTest::newRow("width is text") << convSpace({{"width", "abc"}}) << "c"
                                   << "whole number";
    QTest::newRow("kernel 3.5") << convSpace({{"kernel", 3.5}}) << "c"
                                << "whole number";
    QTest::newRow("bn is a number") << convSpace({{"bn", 1}}) << "c"
                                    << "true or false";
    QTest::newRow("activation unknown") << convSpace({{"activation", "gelu"}}) << "c"
                                        << "gelu";
    QTest::newRow("unknown parameter") << convSpace({{"dilation", 2}}) << "c"
                                       << "dilation";
    QTest::newRow("params not an object") << convSpace(json::array({1})) << "c"
                                          << "params";
    QTest::newRow("width 1e12") << convSpace({{"width", 1000000000000LL}}) << "c"
                                << "outside";
    QTest::newRow("width 1e12 as real") << convSpace({{"width", 1e12}}) << "c"
                                        << "outside";
    QTest::newRow("kernel 0") << convSpace({{"kernel", 0}}) << "c"
                              << "outside";
    QTest::newRow("stride -1") << convSpace({{"stride", -1}}) << "c"
                               << "outside";
    QTest::newRow("choice value out of range") << convSpace({{"kernel", choice({3, 0})}}) << "c"
                                               << "outside";
    QTest::newRow("choice with empty list") << convSpace({{"kernel", choice(json::array())}}) << "c"
                                            << "non-empty";
    QTest::newRow("choice not a list") << convSpace({{"kernel", choice(3)}}) << "c"
                                       << "non-empty";
    QTest::newRow("choice with duplicate options")
        << convSpace({{"kernel", choice({3, 5, 3})}}) << "c"
        << "twice";
    QTest::newRow("choice with 3 and 3.0") << convSpace({{"width", choice({16, 16.0})}}) << "c"
                                           << "twice";
    QTest::newRow("choice object with extra key")
        << convSpace({{"kernel", {{"choice", {3, 5}}, {"default", 3}}}}) << "c"
        << "choice";
    QTest::newRow("shared choice undefined") << convSpace({{"width", {{"shared", "w9"}}}}) << "c"
                                             << "w9";

    // Huge numbers: beyond a double (the JSON parser cannot even hold them).
    QTest::newRow("width 1e400") << QByteArray(
                                        R"({"format":"archscape-space","version":1,"blocks":[)"
                                        R"({"id":"c","kind":"conv","params":{"width":1e400}}]})")
                                 << ""
                                 << "1e400";
    QTest::newRow("kernel choice -1e400")
        << QByteArray(R"({"format":"archscape-space","version":1,"blocks":[)"
                      R"({"id":"c","kind":"conv","params":{"kernel":{"choice":[3,-1e400]}}}]})")
        << ""
        << "1e400";
    QTest::newRow("width 20 digits")
        << QByteArray(R"({"format":"archscape-space","version":1,"blocks":[)"
                      R"({"id":"c","kind":"conv","params":{"width":123456789012345678901}}]})")
        << "c"
        << "width";

    QTest::newRow("unknown kind") << blocksSpace(json::array({block("x", "transformer")})) << "x"
                                  << "transformer";
    QTest::newRow("kind missing") << blocksSpace(json::array({json{{"id", "x"}}})) << "x"
                                  << "kind";
    QTest::newRow("id missing") << blocksSpace(json::array({json{{"kind", "conv"}}})) << ""
                                << "id";
    QTest::newRow("block not an object") << blocksSpace(json::array({42})) << ""
                                         << "object";
    QTest::newRow("duplicate ids")
        << blocksSpace(json::array({input(3, 8, 8), block("c", "conv"), block("c", "pool")})) << "c"
        << "another block";
    QTest::newRow("id with a space")
        << blocksSpace(json::array({block("conv 1", "conv")})) << "conv 1"
        << "letters";
    QTest::newRow("id with a slash") << blocksSpace(json::array({block("a/b", "conv")})) << "a/b"
                                     << "letters";
    QTest::newRow("id of 65 characters")
        << blocksSpace(json::array({block(std::string(65, 'a'), "conv")})) << QString(65, 'a')
        << "64";
    QTest::newRow("empty id") << blocksSpace(json::array({block("", "conv")})) << ""
                              << "letters";
    QTest::newRow("pos too far") << blocksSpace(json::array(
                                        {json{{"id", "c"}, {"kind", "conv"}, {"pos", {1e9, 0}}}}))
                                 << "c"
                                 << "pos";
    QTest::newRow("pos of three numbers")
        << blocksSpace(json::array({json{{"id", "c"}, {"kind", "conv"}, {"pos", {1, 2, 3}}}}))
        << "c"
        << "pos";

    QTest::newRow("cell undefined")
        << blocksSpace(json::array({block("c", "cell", {{"cell", "nope"}})})) << "c"
        << "nope";
    QTest::newRow("cell with unknown operation")
        << blocksSpace(json::array(), json::array(),
                       {{"cells", {{"k", {{"nodes", 4}, {"ops", {"none", "sep_conv_5x5"}}}}}}})
        << ""
        << "sep_conv_5x5";
    QTest::newRow("cell with 1 node")
        << blocksSpace(json::array(), json::array(),
                       {{"cells", {{"k", {{"nodes", 1}, {"ops", {"none"}}}}}}})
        << ""
        << "nodes";
    QTest::newRow("cell with no operations")
        << blocksSpace(json::array(), json::array(),
                       {{"cells", {{"k", {{"nodes", 3}, {"ops", json::array()}}}}}})
        << ""
        << "empty";
    QTest::newRow("cell operation listed twice")
        << blocksSpace(json::array(), json::array(),
                       {{"cells", {{"k", {{"nodes", 3}, {"ops", {"none", "none"}}}}}}})
        << ""
        << "twice";
    QTest::newRow("shared choice name invalid")
        << blocksSpace(json::array(), json::array(), {{"choices", {{"w 1", {1, 2}}}}}) << ""
        << "letters";
    QTest::newRow("shared choice empty")
        << blocksSpace(json::array(), json::array(), {{"choices", {{"w", json::array()}}}}) << ""
        << "non-empty";
    QTest::newRow("shared choice of mixed types")
        << blocksSpace(json::array(), json::array(), {{"choices", {{"w", {16, "wide"}}}}}) << ""
        << "whole number";
    QTest::newRow("shared choice of the wrong type")
        << blocksSpace(json::array({block("c", "conv", {{"width", {{"shared", "w"}}}})}),
                       json::array(), {{"choices", {{"w", {"narrow", "wide"}}}}})
        << "c"
        << "'w'";
    QTest::newRow("shared choice out of range for its user")
        << blocksSpace(json::array({block("c", "conv", {{"kernel", {{"shared", "k"}}}})}),
                       json::array(), {{"choices", {{"k", {3, 99}}}}})
        << "c"
        << "outside";
    QTest::newRow("inputs as a choice")
        << blocksSpace(json::array({block("a", "add", {{"inputs", choice({2, 3})}})})) << "a"
        << "cannot be a choice";

    QTest::newRow("edge to a missing block")
        << blocksSpace(json::array({input(3, 8, 8), output()}), json::array({edge("in", "ghost")}))
        << "ghost"
        << "does not exist";
    QTest::newRow("edge from a missing block")
        << blocksSpace(json::array({input(3, 8, 8), output()}), json::array({edge("ghost", "out")}))
        << "ghost"
        << "does not exist";
    QTest::newRow("edge without to")
        << blocksSpace(json::array({input(3, 8, 8)}), json::array({json{{"from", "in"}}})) << ""
        << "edge";
    QTest::newRow("edge port -1") << blocksSpace(json::array({input(3, 8, 8), output()}),
                                                 json::array({json{
                                                     {"from", "in"}, {"to", "out"}, {"port", -1}}}))
                                  << "out"
                                  << "port";
    QTest::newRow("edges not a list")
        << blocksSpace(json::array({input(3, 8, 8)}), json::object()) << ""
        << "edges";

    QTest::newRow("choice without alternatives")
        << blocksSpace(json::array(
               {json{{"id", "ch"}, {"kind", "choice"}, {"alternatives", json::array()}}}))
        << "ch"
        << "alternative";
    QTest::newRow("alternatives with the same id")
        << blocksSpace(
               json::array({json{{"id", "ch"},
                                 {"kind", "choice"},
                                 {"alternatives", {block("a", "conv"), block("a", "pool")}}}}))
        << "ch"
        << "'a'";
    QTest::newRow("input nested in a choice")
        << blocksSpace(
               json::array({json{{"id", "ch"},
                                 {"kind", "choice"},
                                 {"alternatives", {block("i", "input"), block("a", "conv")}}}}))
        << "ch/i"
        << "nested";
    QTest::newRow("repeat without a body")
        << blocksSpace(json::array({block("r", "repeat", {{"depth", 2}})})) << "r"
        << "body";
    QTest::newRow("alternatives on a conv")
        << blocksSpace(
               json::array({json{{"id", "c"}, {"kind", "conv"}, {"alternatives", json::array()}}}))
        << "c"
        << "alternatives";
    QTest::newRow("choices nested 12 deep") << blocksSpace(json::array({nestedChoices(12)})) << ""
                                            << "nested more than";
}

void TestSpaceFile::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, blockId);
    QFETCH(QString, mentions);

    QTemporaryDir dir;
    const QString path = dir.filePath("bad-space.json");
    QVERIFY(writeFile(path, content));
    try {
        SpaceFile::load(path.toStdString());
        QFAIL("the file loaded without an error");
    } catch (const SpaceError& e) {
        const QString what = QString::fromUtf8(e.what());
        QCOMPARE(QString::fromStdString(e.file()), path);
        QVERIFY2(what.startsWith(path + ": "), qPrintable(what));
        if (!blockId.isEmpty()) {
            // Nested blocks are named by their path from the top-level block.
            QCOMPARE(QString::fromStdString(e.blockId()), blockId);
            QVERIFY2(what.contains("block '" + blockId + "'"), qPrintable(what));
        }
        QVERIFY2(QString::fromStdString(e.problem()).contains(mentions, Qt::CaseInsensitive),
                 qPrintable(what));
    } catch (const std::exception& e) {
        QFAIL(qPrintable(QString("threw %1 instead of SpaceError: %2")
                             .arg(typeid(e).name(), QString::fromUtf8(e.what()))));
    }
}

void TestSpaceFile::outOfRangeQuotesTheValueAsWritten_data()
{
    // Integers past int64 must not be reported as some other (wrapped) value.
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("value");
    QTest::newRow("width 2^64-1") << convSpace({{"width", 18446744073709551615ULL}})
                                  << "18446744073709551615";
    QTest::newRow("cell nodes 2^64-1")
        << blocksSpace(
               json::array(), json::array(),
               {{"cells", {{"k", {{"nodes", 18446744073709551615ULL}, {"ops", {"none"}}}}}}})
        << "18446744073709551615";
}

void TestSpaceFile::outOfRangeQuotesTheValueAsWritten()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, value);
    try {
        SpaceFile::parse(content.toStdString(), "q.json");
        QFAIL("out-of-range value accepted");
    } catch (const SpaceError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(value), e.what());
    }
}

void TestSpaceFile::oversizedFileThrows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("big.json");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray spaces(1 << 20, ' ');
        for (size_t written = 0; written <= SpaceFile::kMaxFileBytes; written += spaces.size())
            QCOMPARE(f.write(spaces), spaces.size());
    }
    try {
        SpaceFile::load(path.toStdString());
        QFAIL("a file over the size limit loaded");
    } catch (const SpaceError& e) {
        QCOMPARE(QString::fromStdString(e.file()), path);
        QVERIFY2(QString::fromUtf8(e.what()).contains("64 MiB"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(SpaceError,
                             SpaceFile::parse(std::string(SpaceFile::kMaxFileBytes + 1, ' ')));
}

void TestSpaceFile::tooManyOptionsThrows()
{
    json options = json::array();
    for (size_t i = 1; i <= SpaceFile::kMaxOptions + 1; ++i)
        options.push_back(i);
    try {
        SpaceFile::parse(convSpace({{"width", choice(options)}}).toStdString(), "many.json");
        QFAIL("a choice with too many values loaded");
    } catch (const SpaceError& e) {
        QCOMPARE(e.blockId(), std::string("c"));
        QVERIFY2(QString::fromUtf8(e.what()).contains(QString::number(SpaceFile::kMaxOptions)),
                 e.what());
    }
    // Exactly the limit is fine.
    options.erase(options.end() - 1);
    const SearchSpace ok = SpaceFile::parse(convSpace({{"width", choice(options)}}).toStdString());
    QCOMPARE(ok.block("c")->param("width").options.size(), SpaceFile::kMaxOptions);
}

void TestSpaceFile::deepJsonNestingThrowsWithoutCrashing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("10000 nested lists") << QByteArray(10000, '[') + QByteArray(10000, ']');
    QByteArray objects;
    for (int i = 0; i < 10000; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(10000, '}');
    QTest::newRow("10000 nested objects") << objects;
    QTest::newRow("10000 nested lists, unterminated") << QByteArray(10000, '[');
    QByteArray inParams =
        R"({"format":"archscape-space","version":1,"blocks":[{"id":"c","kind":"conv","params":{"width":)";
    inParams += QByteArray(10000, '[') + QByteArray(10000, ']') + "}}]}";
    QTest::newRow("10000 nested lists in a parameter") << inParams;
}

void TestSpaceFile::deepJsonNestingThrowsWithoutCrashing()
{
    QFETCH(QByteArray, content);
    try {
        SpaceFile::parse(content.toStdString(), "deep.json");
        QFAIL("a deeply nested document loaded");
    } catch (const SpaceError& e) {
        QCOMPARE(e.file(), std::string("deep.json"));
        QVERIFY2(QString::fromUtf8(e.what()).contains("nested") ||
                     QString::fromUtf8(e.what()).contains("JSON"),
                 e.what());
    }
}

void TestSpaceFile::blockNestingLimit()
{
    // Choice blocks nest up to the loader's limit, not beyond; the error
    // names the path of the block that is too deep.
    int deepestAccepted = 0;
    for (int levels = 1; levels <= 14; ++levels) {
        const json doc = spaceDoc(json::array({input(3, 8, 8), nestedChoices(levels), output()}),
                                  chain({"in", "top", "out"}));
        try {
            SearchSpace s = parseDoc(doc);
            QCOMPARE(deepestAccepted, levels - 1); // no gaps
            deepestAccepted = levels;
            // The innermost conv really is `levels` alternatives down.
            const Block* b = s.block("top");
            for (int i = 1; i < levels; ++i)
                b = &b->alternatives.front();
            QCOMPARE(b->alternatives.front().id, std::string("leaf"));
        } catch (const SpaceError& e) {
            QVERIFY2(e.blockId().rfind("top/", 0) == 0, e.what());
            QVERIFY2(QString::fromUtf8(e.what()).contains("nested more than"), e.what());
        }
    }
    QVERIFY2(deepestAccepted >= 4 && deepestAccepted < 14,
             qPrintable(QString("deepest accepted nesting: %1").arg(deepestAccepted)));

    // Repeat bodies count too.
    json inner = block("leaf", "conv");
    for (int i = 0; i < 20; ++i)
        inner = json{{"id", "r" + std::to_string(i)}, {"kind", "repeat"}, {"body", inner}};
    QVERIFY_THROWS_EXCEPTION(SpaceError, parseDoc(spaceDoc(json::array({inner}), json::array())));
}

QTEST_GUILESS_MAIN(TestSpaceFile)
#include "tst_spacefile.moc"
