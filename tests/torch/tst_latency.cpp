// LatencyMeter and LatencyTable: a positive median on the CPU, the table
// keyed by operation (one entry per distinct operation), an estimate that
// sums the operations, and a round trip through a study file.

#include "EngineTestSupport.h"

#include "space/ArchitectureCodec.h"
#include "study/Study.h"
#include "torch/LatencyMeter.h"
#include "torch/LatencyTable.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

using namespace archscape;
using namespace enginetest;

namespace {

LatencySettings quick()
{
    return {2, 5, 1};
}

} // namespace

class TestLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void meterGivesAPositiveMedian();
    void meterRefusesBadSettings();
    void tableMeasuresEachOperationOnce();
    void tableRoundTripsThroughAStudy();
    void malformedTableRefused();
};

void TestLatency::initTestCase()
{
    TorchThreads::apply(1);
}

void TestLatency::meterGivesAPositiveMedian()
{
    NetworkModule module(fixedNetwork(loadBundled("fashion_mnist.json")));
    module->train();
    const LatencyMeter meter(torch::kCPU, quick());
    const double ms = meter.measureMs(*module);
    QVERIFY(ms > 0.0);
    QVERIFY(ms < 10000.0);
    QVERIFY(module->is_training()); // restored
    // The median of 1, 2, 3, ... ms runs (after the warm-up) is the middle one.
    int call = 0;
    const double median = LatencyMeter(torch::kCPU, {1, 3, 1}).measureMs([&] {
        const int wait = call++ == 0 ? 0 : call; // warm-up, then 2, 3, 4 ms
        std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    });
    QVERIFY(median >= 3.0 && median < 4.0 + 5.0);
}

void TestLatency::meterRefusesBadSettings()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LatencyMeter(torch::kCPU, {1, 0, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LatencyMeter(torch::kCPU, {1, 5, 0}));
}

// The Fashion-MNIST default network: one entry per distinct operation plus
// the forward call's own cost; a second network of the same operations
// measures nothing new; the estimate is positive and sums the entries.
void TestLatency::tableMeasuresEachOperationOnce()
{
    const ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    const Network net = codec.network(codec.defaultArchitecture());
    std::set<std::string> keys;
    for (size_t i = 0; i < net.layers.size(); ++i)
        if (net.layers[i].op != LayerOp::Input && net.layers[i].op != LayerOp::Output)
            keys.insert(LatencyTable::operationKey(net, i, 1));

    LatencyTable table(LatencyTable::deviceLabel(torch::kCPU));
    QCOMPARE(table.device(), std::string("cpu/1t"));
    const LatencyMeter meter(torch::kCPU, quick());
    QCOMPARE(table.measureMissing(net, meter), int(keys.size()) + 1);
    QCOMPARE(table.size(), keys.size() + 1);
    QCOMPARE(table.measureMissing(net, meter), 0);
    for (const auto& [key, ms] : table.entries())
        QVERIFY2(ms > 0.0, key.c_str());
    const double estimate = table.estimateMs(net);
    QVERIFY(estimate > 0.0);
    // The forward call's own cost once, and each layer's time beyond it.
    const double overhead = table.entries().at("(forward call) @b1");
    double sum = overhead;
    for (size_t i = 0; i < net.layers.size(); ++i)
        if (net.layers[i].op != LayerOp::Input && net.layers[i].op != LayerOp::Output)
            sum += std::max(0.0, table.entries().at(LatencyTable::operationKey(net, i, 1)) - overhead);
    QCOMPARE(estimate, sum);
    // Another batch size is another set of operations.
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, table.estimateMs(net, 8));
}

void TestLatency::tableRoundTripsThroughAStudy()
{
    const ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    const Network net = codec.network(codec.defaultArchitecture());
    LatencyTable table(LatencyTable::deviceLabel(torch::kCPU));
    table.measureMissing(net, LatencyMeter(torch::kCPU, quick()));

    QTemporaryDir dir;
    const std::string path = (dir.path() + "/latency.db").toStdString();
    {
        auto study = Study::create(path, loadBundled("fashion_mnist.json"), "latency");
        QVERIFY(!LatencyTable::loadFrom(study->storage(), table.device()));
        table.saveTo(study->storage());
    }
    auto reopened = Study::open(path);
    const auto loaded = LatencyTable::loadFrom(reopened->storage(), table.device());
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->device(), table.device());
    QVERIFY(loaded->entries() == table.entries());
    QCOMPARE(loaded->estimateMs(net), table.estimateMs(net));
    QVERIFY(!LatencyTable::loadFrom(reopened->storage(), "cuda:0"));
}

void TestLatency::malformedTableRefused()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LatencyTable::fromJson("not json"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LatencyTable::fromJson("{\"format\": \"x\"}"));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        LatencyTable::fromJson(
            R"({"format": "archscape-latency-table", "version": 99, "device": "cpu/1t"})"));
}

QTEST_APPLESS_MAIN(TestLatency)
#include "tst_latency.moc"
