// SpaceValidator: each kind of problem, triggered alone by a small space,
// reported with the block it concerns; the bundled spaces are clean.

#include "EngineTestSupport.h"

#include "space/NetworkResolver.h"
#include "space/SpaceError.h"
#include "space/SpaceValidator.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <set>

#ifdef Q_OS_UNIX
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace archscape;
using namespace enginetest;

Q_DECLARE_METATYPE(archscape::SearchSpace)

namespace {

Block apiBlock(const std::string& id, BlockKind kind, std::map<std::string, Parameter> params = {})
{
    Block b;
    b.id = id;
    b.kind = kind;
    b.params = std::move(params);
    return b;
}

Block apiInput(int channels = 3, int size = 8)
{
    return apiBlock("in", BlockKind::Input,
                    {{"channels", Parameter::fixed(Value::integer(channels))},
                     {"height", Parameter::fixed(Value::integer(size))},
                     {"width", Parameter::fixed(Value::integer(size))}});
}

// in -> middle -> out, built through the SearchSpace API (no loader checks).
SearchSpace apiChain(const Block& middle)
{
    SearchSpace s;
    s.addBlock(apiInput());
    s.addBlock(middle);
    s.addBlock(apiBlock("out", BlockKind::Output));
    s.addEdge({"in", middle.id, 0});
    s.addEdge({middle.id, "out", 0});
    return s;
}

Parameter fixedInt(int64_t v)
{
    return Parameter::fixed(Value::integer(v));
}

Parameter intChoice(std::initializer_list<int64_t> values)
{
    std::vector<Value> v;
    for (auto x : values)
        v.push_back(Value::integer(x));
    return Parameter::choice(v);
}

// in -> a, in -> b, (a, b) -> join -> out
SearchSpace twoBranches(const json& a, const json& b, const std::string& joinKind,
                        json extra = json::object())
{
    json blocks = json::array({input(3, 8, 8), a, b, block("join", joinKind), output()});
    json edges = json::array({edge("in", a["id"]), edge("in", b["id"]), edge(a["id"], "join"),
                              edge(b["id"], "join", 1), edge("join", "out")});
    return parseDoc(spaceDoc(blocks, edges, std::move(extra)));
}

QString describe(const std::vector<Problem>& problems)
{
    QStringList lines;
    for (const auto& p : problems)
        lines << QString("%1 [%2] %3")
                     .arg(Problem::kindName(p.kind), QString::fromStdString(p.blockId),
                          QString::fromStdString(p.message));
    return lines.join("; ");
}

using Kinds = QList<int>;

} // namespace

class TestSpaceValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problemKinds_data();
    void problemKinds();
    void everyKindIsCovered();
    void shapeMismatchNamesTheChoice();
    void bundledSpacesAreClean_data();
    void bundledSpacesAreClean();
    void bundledSpaceDefectsAreFound();
    void poolTooLargeForItsInputIsAMismatch_data();
    void poolTooLargeForItsInputIsAMismatch();
    void topologicalOrderNamesABlockOnTheCycle();
    void longChainValidatesWithoutCrashing();

private:
    std::set<int> covered_;
};

void TestSpaceValidator::problemKinds_data()
{
    QTest::addColumn<SearchSpace>("space");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("blockIds"); // the problem names one of these
    QTest::addColumn<Kinds>("alsoAllowed");    // problems that necessarily come along
    using K = Problem::Kind;

    {
        // Without an input, something must lack its input: the output here.
        SearchSpace s;
        s.addBlock(apiBlock("out", BlockKind::Output));
        QTest::newRow("MissingInput")
            << s << int(K::MissingInput) << QStringList{""} << Kinds{int(K::DanglingInput)};
    }
    {
        SearchSpace s = parseDoc(spaceDoc(
            json::array({input(3, 8, 8), block("in2", "input"), block("sum", "add"), output()}),
            json::array({edge("in", "sum"), edge("in2", "sum", 1), edge("sum", "out")})));
        QTest::newRow("MultipleInputs")
            << s << int(K::MultipleInputs) << QStringList{"in2"} << Kinds{};
    }
    {
        // Without an output, the last block's output goes nowhere.
        SearchSpace s = parseDoc(
            spaceDoc(json::array({input(3, 8, 8), block("c", "conv")}), chain({"in", "c"})));
        QTest::newRow("MissingOutput")
            << s << int(K::MissingOutput) << QStringList{""} << Kinds{int(K::DanglingOutput)};
    }
    {
        SearchSpace s = parseDoc(spaceDoc(
            json::array({input(3, 8, 8), block("c", "conv"), output(), block("out2", "output")}),
            json::array({edge("in", "c"), edge("c", "out"), edge("c", "out2")})));
        QTest::newRow("MultipleOutputs")
            << s << int(K::MultipleOutputs) << QStringList{"out2"} << Kinds{};
    }
    QTest::newRow("BadId") << apiChain(apiBlock("bad id", BlockKind::Conv)) << int(K::BadId)
                           << QStringList{"bad id"} << Kinds{};
    QTest::newRow("BadId too long") << apiChain(apiBlock(std::string(65, 'c'), BlockKind::Conv))
                                    << int(K::BadId) << QStringList{QString(65, 'c')} << Kinds{};
    {
        SearchSpace s = apiChain(apiBlock("c", BlockKind::Conv));
        s.addBlock(apiBlock("c", BlockKind::Identity));
        QTest::newRow("DuplicateId") << s << int(K::DuplicateId) << QStringList{"c"} << Kinds{};
    }
    {
        SearchSpace s = apiChain(apiBlock("c", BlockKind::Conv));
        s.addEdge({"ghost", "out", 0});
        QTest::newRow("UnknownBlock (from)")
            << s << int(K::UnknownBlock) << QStringList{"ghost"} << Kinds{};
        SearchSpace t = apiChain(apiBlock("c", BlockKind::Conv));
        t.addEdge({"c", "phantom", 0});
        QTest::newRow("UnknownBlock (to)")
            << t << int(K::UnknownBlock) << QStringList{"phantom"} << Kinds{};
    }
    {
        SearchSpace s = apiChain(apiBlock("c", BlockKind::Conv));
        s.addEdge({"in", "c", 1}); // a conv has one input port
        QTest::newRow("BadPort") << s << int(K::BadPort) << QStringList{"c"} << Kinds{};
        SearchSpace t = apiChain(apiBlock("c", BlockKind::Conv));
        t.addEdge({"in", "c", -1});
        QTest::newRow("BadPort negative") << t << int(K::BadPort) << QStringList{"c"} << Kinds{};
    }
    {
        SearchSpace s = parseDoc(spaceDoc(
            json::array({input(3, 8, 8), block("d", "identity"), block("c", "conv"), output()}),
            json::array({edge("in", "d"), edge("in", "c"), edge("d", "c"), edge("c", "out")})));
        QTest::newRow("PortTaken") << s << int(K::PortTaken) << QStringList{"c"} << Kinds{};
    }
    {
        SearchSpace s =
            parseDoc(spaceDoc(json::array({input(3, 8, 8), block("sum", "add"), output()}),
                              chain({"in", "sum", "out"})));
        QTest::newRow("DanglingInput")
            << s << int(K::DanglingInput) << QStringList{"sum"} << Kinds{};
        SearchSpace t = parseDoc(spaceDoc(
            json::array({input(3, 8, 8), block("cat", "concat", {{"inputs", 3}}), output()}),
            json::array({edge("in", "cat"), edge("in", "cat", 1), edge("cat", "out")})));
        QTest::newRow("DanglingInput port 2")
            << t << int(K::DanglingInput) << QStringList{"cat"} << Kinds{};
    }
    {
        SearchSpace s = parseDoc(spaceDoc(
            json::array({input(3, 8, 8), block("c", "conv"), block("d", "identity"), output()}),
            json::array({edge("in", "c"), edge("c", "out"), edge("in", "d")})));
        QTest::newRow("DanglingOutput")
            << s << int(K::DanglingOutput) << QStringList{"d"} << Kinds{};
    }
    {
        // x = in + y, y = id(x): every port is fed once, yet x -> y -> x.
        SearchSpace s = parseDoc(spaceDoc(
            json::array({input(3, 8, 8), block("x", "add"), block("y", "identity"), output()}),
            json::array({edge("in", "x"), edge("y", "x", 1), edge("x", "y"), edge("y", "out")})));
        QTest::newRow("Cycle") << s << int(K::Cycle) << QStringList{"x", "y"} << Kinds{};
        // A longer cycle listed out of order.
        SearchSpace t = parseDoc(
            spaceDoc(json::array({output(), block("c3", "conv"), block("sum", "add"),
                                  input(3, 8, 8), block("c1", "conv"), block("c2", "conv")}),
                     json::array({edge("in", "sum"), edge("c3", "sum", 1), edge("sum", "c1"),
                                  edge("c1", "c2"), edge("c2", "c3"), edge("c2", "out")})));
        QTest::newRow("Cycle of four")
            << t << int(K::Cycle) << QStringList{"sum", "c1", "c2", "c3"} << Kinds{};
    }
    {
        // Every port fed, no cycle, one input and one output: only a block
        // without input ports (an add whose "inputs" is not fixed) can be
        // out of the input's reach.
        SearchSpace s;
        s.addBlock(apiInput());
        s.addBlock(apiBlock("sum", BlockKind::Add));
        s.addBlock(apiBlock("z", BlockKind::Add, {{"inputs", intChoice({2})}}));
        s.addBlock(apiBlock("out", BlockKind::Output));
        s.addEdge({"in", "sum", 0});
        s.addEdge({"z", "sum", 1});
        s.addEdge({"sum", "out", 0});
        QTest::newRow("NoPath") << s << int(K::NoPath) << QStringList{"z"} << Kinds{};
    }
    {
        Block ch = apiBlock("ch", BlockKind::Choice);
        QTest::newRow("BadNesting: empty choice")
            << apiChain(ch) << int(K::BadNesting) << QStringList{"ch"} << Kinds{};
        Block withAdd = apiBlock("ch", BlockKind::Choice);
        withAdd.alternatives = {apiBlock("a", BlockKind::Conv), apiBlock("sum", BlockKind::Add)};
        QTest::newRow("BadNesting: add in a choice")
            << apiChain(withAdd) << int(K::BadNesting) << QStringList{"ch"} << Kinds{};
        Block rep = apiBlock("r", BlockKind::Repeat, {{"depth", fixedInt(2)}});
        QTest::newRow("BadNesting: repeat without body")
            << apiChain(rep) << int(K::BadNesting) << QStringList{"r"} << Kinds{};
        Block rep2 = apiBlock("r", BlockKind::Repeat);
        rep2.body = {apiBlock("a", BlockKind::Conv), apiBlock("b", BlockKind::Conv)};
        QTest::newRow("BadNesting: repeat with two bodies")
            << apiChain(rep2) << int(K::BadNesting) << QStringList{"r"} << Kinds{};
        Block deep = apiBlock("r", BlockKind::Repeat);
        Block inner = apiBlock("ch", BlockKind::Choice);
        inner.alternatives = {apiBlock("o", BlockKind::Output)};
        deep.body = {inner};
        QTest::newRow("BadNesting: output two levels down")
            << apiChain(deep) << int(K::BadNesting) << QStringList{"r"} << Kinds{};
    }
    {
        Block cell =
            apiBlock("c", BlockKind::Cell, {{"cell", Parameter::fixed(Value::text("nope"))}});
        QTest::newRow("UnknownCell")
            << apiChain(cell) << int(K::UnknownCell) << QStringList{"c"} << Kinds{};
        QTest::newRow("UnknownCell: no cell named")
            << apiChain(apiBlock("c", BlockKind::Cell)) << int(K::UnknownCell) << QStringList{"c"}
            << Kinds{};
    }
    {
        Block conv = apiBlock("c", BlockKind::Conv, {{"width", Parameter::shared("nope")}});
        QTest::newRow("UnknownChoice")
            << apiChain(conv) << int(K::UnknownChoice) << QStringList{"c"} << Kinds{};
        Block rep = apiBlock("r", BlockKind::Repeat, {{"depth", Parameter::shared("d")}});
        rep.body = {apiBlock("layer", BlockKind::Conv)};
        QTest::newRow("UnknownChoice: repeat depth")
            << apiChain(rep) << int(K::UnknownChoice) << QStringList{"r"} << Kinds{};
    }
    {
        QTest::newRow("BadParameter: kernel 0")
            << apiChain(apiBlock("c", BlockKind::Conv, {{"kernel", fixedInt(0)}}))
            << int(K::BadParameter) << QStringList{"c"} << Kinds{};
        QTest::newRow("BadParameter: width as text")
            << apiChain(apiBlock("c", BlockKind::Conv,
                                 {{"width", Parameter::fixed(Value::text("wide"))}}))
            << int(K::BadParameter) << QStringList{"c"} << Kinds{};
        QTest::newRow("BadParameter: unknown activation")
            << apiChain(apiBlock("c", BlockKind::Conv,
                                 {{"activation", Parameter::fixed(Value::text("gelu"))}}))
            << int(K::BadParameter) << QStringList{"c"} << Kinds{};
        QTest::newRow("BadParameter: choice without values")
            << apiChain(apiBlock("c", BlockKind::Conv, {{"kernel", Parameter::choice({})}}))
            << int(K::BadParameter) << QStringList{"c"} << Kinds{};
        QTest::newRow("BadParameter: one bad option")
            << apiChain(apiBlock("c", BlockKind::Conv, {{"kernel", intChoice({3, 5, 99})}}))
            << int(K::BadParameter) << QStringList{"c"} << Kinds{};
        SearchSpace shared =
            apiChain(apiBlock("c", BlockKind::Conv, {{"kernel", Parameter::shared("k")}}));
        shared.setSharedChoice("k", {Value::integer(3), Value::integer(-3)});
        QTest::newRow("BadParameter: through a shared choice")
            << shared << int(K::BadParameter) << QStringList{"c"} << Kinds{};
        Block ch = apiBlock("ch", BlockKind::Choice);
        ch.alternatives = {apiBlock("a", BlockKind::Conv),
                           apiBlock("b", BlockKind::Pool, {{"stride", fixedInt(0)}})};
        QTest::newRow("BadParameter: inside an alternative")
            << apiChain(ch) << int(K::BadParameter) << QStringList{"ch"} << Kinds{};
    }
    {
        // Add of conv(width 16|32) and conv(width 16): fine at 16, not at 32.
        QTest::newRow("ShapeMismatch: add, width choice")
            << twoBranches(block("a", "conv", {{"width", choice({16, 32})}}),
                           block("b", "conv", {{"width", 16}}), "add")
            << int(K::ShapeMismatch) << QStringList{"join"} << Kinds{};
        // Only the last of three options breaks it: an even kernel is
        // padded by (k-1)/2 and so shrinks the map (8x8 -> 7x7).
        QTest::newRow("ShapeMismatch: add, last option")
            << twoBranches(block("a", "pool", {{"kernel", choice({1, 3, 2})}, {"stride", 1}}),
                           block("b", "identity"), "add")
            << int(K::ShapeMismatch) << QStringList{"join"} << Kinds{};
        QTest::newRow("ShapeMismatch: concat, stride choice")
            << twoBranches(block("a", "conv", {{"stride", choice({1, 2})}}),
                           block("b", "pool", {{"stride", 1}}), "concat")
            << int(K::ShapeMismatch) << QStringList{"join"} << Kinds{};
        json ch{
            {"id", "a"},
            {"kind", "choice"},
            {"alternatives",
             {block("narrow", "conv", {{"width", 16}}), block("wide", "conv", {{"width", 24}})}}};
        QTest::newRow("ShapeMismatch: choice alternatives")
            << twoBranches(ch, block("b", "conv", {{"width", 16}}), "add") << int(K::ShapeMismatch)
            << QStringList{"join"} << Kinds{};
        QTest::newRow("ShapeMismatch: shared choice against fixed")
            << twoBranches(block("a", "conv", {{"width", {{"shared", "w"}}}}),
                           block("b", "sepconv", {{"width", 32}}), "add",
                           {{"choices", {{"w", {32, 64}}}}})
            << int(K::ShapeMismatch) << QStringList{"join"} << Kinds{};
        // Each repetition of a 2x2 pool shrinks the map by one: 7x7 at
        // depth 1 matches the other branch, 6x6 at depth 2 does not.
        json rep{{"id", "a"},
                 {"kind", "repeat"},
                 {"params", {{"depth", choice({1, 2})}}},
                 {"body", block("layer", "pool", {{"kernel", 2}, {"stride", 1}})}};
        QTest::newRow("ShapeMismatch: repeat depth")
            << twoBranches(rep, block("b", "pool", {{"kernel", 2}, {"stride", 1}}), "add")
            << int(K::ShapeMismatch) << QStringList{"join"} << Kinds{};
        QTest::newRow("ShapeMismatch: linear on a feature map")
            << chainSpace(input(3, 8, 8), {block("c", "conv"), block("fc", "linear")})
            << int(K::ShapeMismatch) << QStringList{"fc"} << Kinds{};
        QTest::newRow("ShapeMismatch: conv after the head")
            << chainSpace(input(3, 8, 8), {block("h", "head"), block("c", "conv")})
            << int(K::ShapeMismatch) << QStringList{"c"} << Kinds{};
        QTest::newRow("ShapeMismatch: kernel 2 on a 1x1 map")
            << chainSpace(input(3, 1, 1), {block("c", "conv", {{"kernel", choice({1, 2})}})})
            << int(K::ShapeMismatch) << QStringList{"c"} << Kinds{};
    }
}

void TestSpaceValidator::problemKinds()
{
    QFETCH(SearchSpace, space);
    QFETCH(int, kind);
    QFETCH(QStringList, blockIds);
    QFETCH(Kinds, alsoAllowed);
    covered_.insert(kind);

    const std::vector<Problem> problems = SpaceValidator::validate(space);
    const QString all = describe(problems);
    int matching = 0;
    for (const auto& p : problems) {
        QVERIFY2(!p.message.empty(), qPrintable(all));
        if (int(p.kind) == kind) {
            ++matching;
            QVERIFY2(blockIds.contains(QString::fromStdString(p.blockId)), qPrintable(all));
        } else {
            QVERIFY2(alsoAllowed.contains(int(p.kind)), qPrintable("unexpected problem: " + all));
        }
    }
    QVERIFY2(matching >= 1, qPrintable("expected problem missing; got: " + all));
    if (alsoAllowed.isEmpty())
        QVERIFY2(problems.size() == 1 || kind == int(Problem::Kind::ShapeMismatch),
                 qPrintable(all)); // a mismatch may be reported once per bad combination
}

void TestSpaceValidator::everyKindIsCovered()
{
    for (int k = 0; k <= int(Problem::Kind::ShapeMismatch); ++k)
        QVERIFY2(covered_.count(k), Problem::kindName(Problem::Kind(k)));
}

void TestSpaceValidator::shapeMismatchNamesTheChoice()
{
    // The message says under which choice the shapes disagree.
    const SearchSpace s = twoBranches(block("a", "conv", {{"width", choice({16, 32})}}),
                                      block("b", "conv", {{"width", 16}}), "add");
    const std::vector<Problem> problems = SpaceValidator::validate(s);
    QCOMPARE(problems.size(), size_t(1));
    const QString message = QString::fromStdString(problems.front().message);
    QVERIFY2(message.contains("a.width=32"), qPrintable(message));
    QVERIFY2(!message.contains("a.width=16"), qPrintable(message));
    QVERIFY2(message.contains("32") && message.contains("16"), qPrintable(message));

    // The same space with matching widths is clean.
    const SearchSpace ok = twoBranches(block("a", "conv", {{"width", choice({16})}}),
                                       block("b", "conv", {{"width", 16}}), "add");
    QVERIFY2(SpaceValidator::validate(ok).empty(),
             qPrintable(describe(SpaceValidator::validate(ok))));
}

void TestSpaceValidator::bundledSpacesAreClean_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& name : bundledSpaceNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestSpaceValidator::bundledSpacesAreClean()
{
    QFETCH(QString, file);
    const std::vector<Problem> problems = SpaceValidator::validate(loadBundled(file));
    QVERIFY2(problems.empty(), qPrintable(describe(problems)));
}

void TestSpaceValidator::bundledSpaceDefectsAreFound()
{
    // Small edits to a clean bundled space are each caught.
    SearchSpace noEdge = loadBundled("fashion_mnist.json");
    noEdge.removeEdge({"op2", "res", 1});
    auto problems = SpaceValidator::validate(noEdge);
    QVERIFY(std::any_of(problems.begin(), problems.end(), [](const Problem& p) {
        return p.kind == Problem::Kind::DanglingInput && p.blockId == "res";
    }));
    QVERIFY(std::any_of(problems.begin(), problems.end(), [](const Problem& p) {
        return p.kind == Problem::Kind::DanglingOutput && p.blockId == "op2";
    }));

    SearchSpace wider = loadBundled("fashion_mnist.json");
    wider.block("conv2")->params["width"] = intChoice({32, 48});
    problems = SpaceValidator::validate(wider);
    QVERIFY2(!problems.empty(), "a width the residual cannot add");
    for (const auto& p : problems) {
        QCOMPARE(p.kind, Problem::Kind::ShapeMismatch);
        QCOMPARE(p.blockId, std::string("res"));
    }

    SearchSpace nb = loadBundled("nb201.json");
    nb.removeCell("nb201");
    problems = SpaceValidator::validate(nb);
    QCOMPARE(problems.size(), size_t(15)); // one per cell block
    for (const auto& p : problems)
        QCOMPARE(p.kind, Problem::Kind::UnknownCell);
}

void TestSpaceValidator::poolTooLargeForItsInputIsAMismatch_data()
{
    // PyTorch sizes a pooled or convolved map as floor((n + 2p - k) / s) + 1
    // and refuses a result below 1. Each of these is refused there.
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::newRow("1x1, kernel 2, stride 1") << 1 << 2 << 1; // floor(-1/1)+1 = 0
    QTest::newRow("1x1, kernel 2, stride 2") << 1 << 2 << 2; // floor(-1/2)+1 = 0
    QTest::newRow("1x1, kernel 4, stride 2") << 1 << 4 << 2; // floor((1+2-4)/2)+1 = 0
    QTest::newRow("1x1, kernel 2, stride 3") << 1 << 2 << 3; // floor(-1/3)+1 = 0
}

void TestSpaceValidator::poolTooLargeForItsInputIsAMismatch()
{
    QFETCH(int, size);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    const int padding = (kernel - 1) / 2;
    const int numerator = size + 2 * padding - kernel;
    const int expected = static_cast<int>(std::floor(double(numerator) / stride)) + 1;
    QVERIFY(expected < 1);

    for (const char* kind : {"pool", "conv"}) {
        const SearchSpace s = chainSpace(
            input(3, size, size), {block("p", kind, {{"kernel", kernel}, {"stride", stride}})});
        const std::vector<Problem> problems = SpaceValidator::validate(s);
        QVERIFY2(
            problems.size() == 1 && problems.front().kind == Problem::Kind::ShapeMismatch &&
                problems.front().blockId == "p",
            qPrintable(QString("%1 %2x%2 k%3 s%4 gives a %5-pixel map in PyTorch; problems: %6")
                           .arg(kind)
                           .arg(size)
                           .arg(kernel)
                           .arg(stride)
                           .arg(expected)
                           .arg(describe(problems))));
    }
}

void TestSpaceValidator::topologicalOrderNamesABlockOnTheCycle()
{
    // "out" is downstream of the cycle x -> y -> x but not on it; it is
    // listed first so that a scan in block order meets it first.
    const SearchSpace s = parseDoc(spaceDoc(
        json::array({output(), input(3, 8, 8), block("x", "add"), block("y", "identity")}),
        json::array({edge("in", "x"), edge("y", "x", 1), edge("x", "y"), edge("y", "out")})));
    try {
        NetworkResolver::topologicalOrder(s);
        QFAIL("a cycle went unnoticed");
    } catch (const SpaceError& e) {
        QVERIFY2(e.blockId() == "x" || e.blockId() == "y", e.what());
    }
}

void TestSpaceValidator::longChainValidatesWithoutCrashing()
{
    // The loader accepts up to SpaceFile::kMaxBlocks blocks, so a long chain
    // is a legal (if hostile) space, and the editor may validate it on a
    // worker thread, whose stack is 1 MiB by default on Windows (512 KiB on
    // macOS). Validating must not need stack in proportion to the chain.
    const int length = 10000;
    SearchSpace s;
    s.addBlock(apiInput());
    std::string previous = "in";
    for (int i = 0; i < length; ++i) {
        const std::string id = "b" + std::to_string(i);
        s.addBlock(apiBlock(id, BlockKind::Identity));
        s.addEdge({previous, id, 0});
        previous = id;
    }
    s.addBlock(apiBlock("out", BlockKind::Output));
    s.addEdge({previous, "out", 0});
    QVERIFY(size_t(length) < SpaceFile::kMaxBlocks);
#ifdef Q_OS_UNIX
    // Validate on a 1 MiB thread in a child process, so that a stack
    // overflow fails this test instead of ending the whole run.
    std::fflush(nullptr);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        std::signal(SIGSEGV, SIG_DFL); // no stack dump from QtTest's handler
        std::signal(SIGBUS, SIG_DFL);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, 1 << 20);
        pthread_t thread;
        static bool clean = false;
        static const SearchSpace* space = nullptr;
        space = &s;
        auto run = [](void*) -> void* {
            clean = SpaceValidator::validate(*space).empty();
            return nullptr;
        };
        if (pthread_create(&thread, &attr, run, nullptr) != 0 || pthread_join(thread, nullptr) != 0)
            ::_exit(2);
        ::_exit(clean ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(
        !WIFSIGNALED(status),
        qPrintable(QString("validating a chain of %1 blocks on a 1 MiB stack died of signal %2")
                       .arg(length)
                       .arg(WTERMSIG(status))));
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the chain has problems");
#else
    const std::vector<Problem> problems = SpaceValidator::validate(s);
    QVERIFY2(problems.empty(), qPrintable(describe(problems)));
#endif
}

QTEST_GUILESS_MAIN(TestSpaceValidator)
#include "tst_spacevalidator.moc"
