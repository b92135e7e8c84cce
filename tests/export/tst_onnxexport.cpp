// ONNX export, checked by an independent runtime: for every bundled space,
// its default and 50 sampled architectures are exported with seeded random
// weights and non-trivial batch-norm statistics, and onnxruntime (npm's
// onnxruntime-node, driven by ort_run.js) must give LibTorch's outputs
// within 1e-5; the file holds exactly the engine's parameter count. Also:
// batch norm folded, other opsets, a trial's stored weights, and clean
// failures (unsupported construct, unwritable path) that leave no file.

#include "EngineTestSupport.h"

#include "cost/NetworkCost.h"
#include "export/ExportError.h"
#include "export/ModelExport.h"
#include "export/ModuleTensors.h"
#include "export/OnnxExporter.h"
#include "export/OnnxModelSummary.h"
#include "export/OrtBatchRunner.h"
#include "space/ArchitectureSampler.h"
#include "storage/StudyStorage.h"
#include "study/Study.h"
#include "torch/NetworkModule.h"
#include "torch/NetworkWeights.h"

#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

using namespace archscape;
using namespace enginetest;

namespace {

constexpr int kSamples = 50;
constexpr double kTolerance = 1e-5;
constexpr int64_t kBatch = 2; // not the 1 a fixed batch dimension would hide

struct Case
{
    std::string what;
    std::string model;
    torch::Tensor input;
    torch::Tensor expected;
};

std::vector<float> floatsOf(const torch::Tensor& t)
{
    const torch::Tensor c = t.contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

torch::Tensor imageBatch(const Network& net, int64_t batch)
{
    const Shape in = net.inputShape();
    return torch::randn({batch, in.channels, in.height, in.width});
}

// A training-mode forward moves the batch-norm running statistics halfway
// to the batch's (momentum 0.5: one pass is enough, and no variance gets
// near 0), so that a wrong mean or variance in the export shows.
void trainStatistics(NetworkModule& module)
{
    torch::NoGradGuard noGrad;
    for (const auto& m : module->modules(/*include_self=*/false))
        if (auto* bn = m->as<torch::nn::BatchNorm2d>())
            bn->options.momentum(0.5);
    module->train();
    module->forward(imageBatch(module->network(), 2) * 1.5 + 0.3);
    module->eval();
}

bool hasNonTrivialStatistics(NetworkModule& module)
{
    for (const auto& b : module->named_buffers()) {
        const bool isMean = b.key().find("running_mean") != std::string::npos;
        const bool isVar = b.key().find("running_var") != std::string::npos;
        if ((isMean && b.value().abs().max().item<float>() > 1e-3) ||
            (isVar && (b.value() - 1).abs().max().item<float>() > 1e-3))
            return true;
    }
    return false;
}

bool hasBatchNorm(const Network& net)
{
    return std::any_of(net.layers.begin(), net.layers.end(),
                       [](const Layer& l) { return l.op == LayerOp::BatchNorm; });
}

std::string env(const char* name)
{
    return qEnvironmentVariable(name).toStdString();
}

// conv(x) + zeros, globally pooled: a Zero layer (the canonical form of
// sampled architectures drops most of them) takes the batch size from the input.
Network zeroNetwork()
{
    auto layer = [](LayerOp op, std::vector<int> inputs, Shape shape) {
        Layer l;
        l.op = op;
        l.inputs = std::move(inputs);
        l.shape = shape;
        l.label = layerOpName(op);
        return l;
    };
    const Shape map{3, 5, 5, false};
    Network net;
    net.layers.push_back(layer(LayerOp::Input, {}, {2, 5, 5, false}));
    Layer conv = layer(LayerOp::Conv, {0}, map);
    conv.inChannels = 2;
    conv.outChannels = 3;
    conv.kernel = 3;
    conv.padding = 1;
    net.layers.push_back(conv);
    net.layers.push_back(layer(LayerOp::Zero, {}, map));
    net.layers.push_back(layer(LayerOp::Add, {1, 2}, map));
    net.layers.push_back(layer(LayerOp::GlobalPool, {3}, {3, 1, 1, true}));
    net.layers.push_back(layer(LayerOp::Output, {4}, {3, 1, 1, true}));
    net.output = 5;
    return net;
}

} // namespace

class TestOnnxExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    std::unique_ptr<OrtBatchRunner> runtime_;
    double worstDifference_ = 0.0;
    int verified_ = 0;

    std::string path(const std::string& name) const
    {
        return scratch_.filePath(QString::fromStdString(name)).toStdString();
    }

    // Runs every case in one onnxruntime process and compares.
    void verify(const std::vector<Case>& cases)
    {
        std::vector<OrtJob> jobs;
        for (const Case& c : cases) {
            OrtJob job;
            job.model = c.model;
            job.input = floatsOf(c.input);
            job.shape = c.input.sizes().vec();
            job.optimization = "basic"; // the graph as exported, and quicker to load
            jobs.push_back(std::move(job));
        }
        std::vector<OrtResult> results;
        QElapsedTimer clock;
        clock.start();
        try {
            results = runtime_->run(jobs);
            qInfo("onnxruntime: %zu models in %lld ms", jobs.size(), clock.elapsed());
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        for (size_t i = 0; i < cases.size(); ++i) {
            const Case& c = cases[i];
            QVERIFY2(results[i].dims == c.expected.sizes().vec(),
                     qPrintable(QString::fromStdString(c.what) + ": output shape differs"));
            const torch::Tensor got =
                torch::tensor(results[i].output).reshape(c.expected.sizes());
            const double difference = (got - c.expected).abs().max().item<double>();
            worstDifference_ = std::max(worstDifference_, difference);
            ++verified_;
            QVERIFY2(difference <= kTolerance,
                     qPrintable(QString("%1: max abs difference %2 > 1e-5")
                                    .arg(QString::fromStdString(c.what))
                                    .arg(difference)));
        }
    }

    // Exports one architecture with seeded weights and trained statistics;
    // returns the case to run and checks the file against the engine.
    Case exportCase(const ArchitectureCodec& codec, const Architecture& arch, uint64_t seed,
                    const std::string& what, OnnxExportOptions options)
    {
        options.metadata = {{"architecture", codec.encode(arch)}};
        return exportNetwork(codec.network(arch), seed, what, options);
    }

    Case exportNetwork(const Network& net, uint64_t seed, const std::string& what,
                       const OnnxExportOptions& options)
    {
        torch::manual_seed(seed);
        NetworkModule module(net);
        trainStatistics(module);
        if (hasBatchNorm(net) && !hasNonTrivialStatistics(module))
            throw std::runtime_error(what + ": batch-norm statistics stayed at 0 and 1");

        Case c;
        c.what = what;
        c.model = path(what + ".onnx");
        c.input = imageBatch(net, kBatch);
        {
            torch::NoGradGuard noGrad;
            c.expected = module->forward(c.input);
        }
        const std::vector<LayerTensors> tensors = moduleTensors(module);
        OnnxExporter(net, tensors, options).write(c.model);
        checkSummary(OnnxModelSummary::ofFile(c.model), net, options, what);
        return c;
    }

    void checkSummary(const OnnxModelSummary& s, const Network& net,
                      const OnnxExportOptions& options, const std::string& what)
    {
        const Shape in = net.inputShape();
        const std::vector<std::string> inputDims{"batch", std::to_string(in.channels),
                                                 std::to_string(in.height),
                                                 std::to_string(in.width)};
        if (s.inputName != "input" || s.outputName != "logits" || s.inputDims != inputDims ||
            s.outputDims.front() != "batch" || s.opset != options.opset)
            throw std::runtime_error(what + ": wrong input, output or opset");
        const int64_t engine = NetworkCost::of(net).params;
        if (options.batchNorm == BatchNormExport::Keep && s.parameters != engine)
            throw std::runtime_error(what + ": the file holds " + std::to_string(s.parameters) +
                                     " parameters, the engine counts " + std::to_string(engine));
        if (options.batchNorm == BatchNormExport::Fold && hasBatchNorm(net) &&
            !(s.parameters < engine))
            throw std::runtime_error(what + ": folding batch norm left " +
                                     std::to_string(s.parameters) + " parameters of " +
                                     std::to_string(engine));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch_.isValid());
        const std::string node = env("ARCHSCAPE_NODE");
        const std::string ortDir = env("ARCHSCAPE_ORT_NODE_DIR");
        QVERIFY2(!node.empty(),
                 "Node.js was not found when the build was configured: run "
                 "scripts/install-deps.sh, then configure again");
        QVERIFY2(QFile::exists(QString::fromStdString(ortDir) +
                               "/node_modules/onnxruntime-node/package.json"),
                 qPrintable("onnxruntime-node is not installed in " +
                            QString::fromStdString(ortDir) +
                            " (ARCHSCAPE_ORT_NODE_DIR): run scripts/install-deps.sh, which runs "
                            "'ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.30.0' "
                            "there"));
        runtime_ = std::make_unique<OrtBatchRunner>(node, env("ARCHSCAPE_ORT_SCRIPT"), ortDir,
                                                    scratch_.path().toStdString());
        torch::set_num_threads(1);
    }

    void bundledSpacesMatchLibTorch_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files =
            QDir(QString::fromStdString(sourcePath("resources/spaces")))
                .entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 3);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void bundledSpacesMatchLibTorch()
    {
        QFETCH(QString, file);
        ArchitectureCodec codec(loadBundled(file));
        ArchitectureSampler sampler(codec);
        std::mt19937_64 rng(2026);
        std::vector<Case> cases;
        QElapsedTimer clock;
        clock.start();
        try {
            const std::string stem = QFileInfo(file).baseName().toStdString();
            cases.push_back(exportCase(codec, codec.defaultArchitecture(), 1, stem + "_default", {}));
            for (int k = 0; k < kSamples; ++k)
                cases.push_back(exportCase(codec, sampler.sample(rng), 100 + k,
                                           stem + "_" + std::to_string(k), {}));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        qInfo("LibTorch and export: %zu models in %lld ms", cases.size(), clock.elapsed());
        verify(cases);
    }

    // Folded batch norm and the newer opsets (HardSwish is a node of its
    // own from opset 14) compute the same outputs.
    void foldingAndOpsetsMatchLibTorch()
    {
        std::vector<Case> cases;
        try {
            for (const QString& file : bundledSpaceNames()) {
                ArchitectureCodec codec(loadBundled(file));
                std::mt19937_64 rng(7);
                const Architecture arch = ArchitectureSampler(codec).sample(rng);
                const std::string stem = QFileInfo(file).baseName().toStdString();
                OnnxExportOptions fold;
                fold.batchNorm = BatchNormExport::Fold;
                cases.push_back(exportCase(codec, arch, 5, stem + "_fold", fold));
                for (int opset : {14, 17}) {
                    OnnxExportOptions newer;
                    newer.opset = opset;
                    cases.push_back(
                        exportCase(codec, arch, 5, stem + "_opset" + std::to_string(opset), newer));
                }
            }
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        verify(cases);
        const OnnxModelSummary folded = OnnxModelSummary::ofFile(path("mbconv_fold.onnx"));
        QCOMPARE(folded.nodesByType.count("BatchNormalization"), size_t(0));
    }

    // Spaces written for this test (tests/export/*.json) reach what the
    // bundled ones do not: every activation at opset 13 and 14 (HardSwish
    // is a node of its own from 14), convolution bias, pre-activation
    // order, squeeze-excite, concat, zero, average pooling whose window
    // overhangs an odd-sized image, global max pooling, linear
    // activations, a pre-activation head with dropout.
    void everyLayerKindMatchesLibTorch()
    {
        std::vector<Case> cases;
        std::map<std::string, int> nodes;
        try {
            ArchitectureCodec codec(SpaceFile::load(sourcePath("tests/export/every_layer.json")));
            ArchitectureSampler sampler(codec);
            std::mt19937_64 rng(11);
            for (int k = 0; k < 40; ++k) {
                OnnxExportOptions options;
                options.opset = k % 2 ? 14 : 13;
                options.batchNorm = k % 3 == 2 ? BatchNormExport::Fold : BatchNormExport::Keep;
                cases.push_back(exportCase(codec, sampler.sample(rng), 300 + k,
                                           "every_layer_" + std::to_string(k), options));
                for (const auto& [type, count] : OnnxModelSummary::ofFile(cases.back().model).nodesByType)
                    nodes[type] += count;
            }
            ArchitectureCodec head(SpaceFile::load(sourcePath("tests/export/preact_head.json")));
            cases.push_back(exportCase(head, head.defaultArchitecture(), 3, "preact_head", {}));
            cases.push_back(exportNetwork(zeroNetwork(), 4, "zero_layer", {}));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        for (const char* type : {"Conv", "BatchNormalization", "Relu", "Clip", "Sigmoid", "Mul",
                                 "HardSigmoid", "HardSwish", "AveragePool", "MaxPool",
                                 "GlobalAveragePool", "GlobalMaxPool", "Flatten", "Gemm", "Add",
                                 "Concat"})
            QVERIFY2(nodes[type] > 0, qPrintable(QString("no sampled network used ") + type));
        verify(cases);
        QVERIFY(OnnxModelSummary::ofFile(path("zero_layer.onnx")).nodesByType.count("ConstantOfShape"));
    }

    // A trial's stored weights are what gets exported, with the trial's
    // metrics in the metadata.
    void trialExportUsesStoredWeights()
    {
        const std::string dbPath = path("study.db");
        auto study = Study::create(dbPath, loadBundled("fashion_mnist.json"), "export test");
        const ArchitectureCodec& codec = study->codec();
        TrialRecord trial;
        trial.encoding = codec.encode(codec.defaultArchitecture());
        trial.archHash = ArchitectureCodec::hashToHex(ArchitectureCodec::hashText(trial.encoding));
        study->storage().addTrial(trial);
        study->storage().finishTrial(trial.id, TrialState::Complete,
                                     {{"valid_acc", 0.875}, {"params", 1.0}}, {}, "", 0);

        torch::manual_seed(42);
        NetworkModule trained(codec.network(codec.decode(trial.encoding)));
        trainStatistics(trained);
        study->storage().addArtifact(trial.id, "weights", "weights", saveNetworkWeights(trained));

        const std::string model = path("trial.onnx");
        const ExportReport report =
            ModelExport::exportTrial(*study, trial.number, model, {}, /*seed=*/9);
        QCOMPARE(report.weights, std::string("trained (trial 0)"));
        QCOMPARE(report.parameters, report.engineParameters);
        const OnnxModelSummary s = OnnxModelSummary::ofFile(model);
        QCOMPARE(s.metadata.at("trial"), std::string("0"));
        QCOMPARE(s.metadata.at("study"), std::string("export test"));
        QCOMPARE(s.metadata.at("architecture"), trial.encoding);
        QVERIFY(s.metadata.at("metrics").find("\"valid_acc\":0.875") != std::string::npos);
        QVERIFY(!s.metadata.at("space").empty());

        Case c;
        c.what = "trial";
        c.model = model;
        c.input = imageBatch(trained->network(), 2);
        torch::NoGradGuard noGrad;
        c.expected = trained->forward(c.input);
        verify({c});

        QVERIFY_THROWS_EXCEPTION(ExportError,
                                 ModelExport::exportTrial(*study, 5, path("none.onnx"), {}));
        QVERIFY(!QFile::exists(QString::fromStdString(path("none.onnx"))));
    }

    // A linear layer on a feature map has no meaning NetworkModule or ONNX
    // share: the error names the layer and its block, and the file that was
    // there stays as it was.
    void unsupportedConstructNamesTheBlockAndLeavesNoFile()
    {
        Network net;
        Layer input;
        input.op = LayerOp::Input;
        input.shape = {2, 4, 4, false};
        Layer head;
        head.op = LayerOp::Linear;
        head.inputs = {0};
        head.inChannels = 4;
        head.outChannels = 3;
        head.shape = {3, 1, 1, true};
        head.blockId = "classifier";
        head.label = "classifier/fc";
        Layer output;
        output.op = LayerOp::Output;
        output.inputs = {1};
        output.shape = head.shape;
        net.layers = {input, head, output};
        net.output = 2;
        std::vector<LayerTensors> tensors(3);
        tensors[1].weight.assign(12, 0.5f);

        const std::string model = path("unsupported.onnx");
        std::ofstream(model) << "previous model";
        try {
            OnnxExporter(net, tensors).write(model);
            QFAIL("exporting a linear layer on a feature map did not fail");
        } catch (const ExportError& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("'classifier'") && message.contains("classifier/fc"),
                     qPrintable(message));
        }
        QFile previous(QString::fromStdString(model));
        QVERIFY(previous.open(QIODevice::ReadOnly));
        QCOMPARE(previous.readAll(), QByteArray("previous model"));
        QCOMPARE(QDir(scratch_.path()).entryList({"unsupported.onnx.part*"}).size(), 0);
    }

    void unwritablePathFailsCleanly()
    {
        ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
        const std::string blocker = path("a_file");
        std::ofstream(blocker) << "not a folder";
        const std::string model = blocker + "/model.onnx";
        try {
            ModelExport::exportArchitecture(codec, codec.defaultArchitecture(), 1, model, {});
            QFAIL("writing below a regular file did not fail");
        } catch (const ExportError& e) {
            QFAIL(qPrintable(QString("a write failure is not bad input: ") + e.what()));
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(model)), e.what());
        }
        QVERIFY(!QFile::exists(QString::fromStdString(model)));

        OnnxExportOptions old;
        old.opset = 11;
        QVERIFY_THROWS_EXCEPTION(
            ExportError, ModelExport::exportArchitecture(codec, codec.defaultArchitecture(), 1,
                                                         path("old.onnx"), old));
        QVERIFY(!QFile::exists(QString::fromStdString(path("old.onnx"))));
    }

    void cleanupTestCase()
    {
        qInfo("verified %d exported models in onnxruntime; worst max abs difference %.3g",
              verified_, worstDifference_);
    }
};

QTEST_GUILESS_MAIN(TestOnnxExport)
#include "tst_onnxexport.moc"
