// Trainer: the label-smoothed loss equals the formula worked by hand; on a
// real Fashion-MNIST subset the loss goes down and accuracy is far above
// chance within seconds; the same seed trains the same weights on the CPU;
// a learning rate of 1e30 ends as a failure with its reason; settings are
// read from a study's run settings and bad ones are refused by name.

#include "torch/HostMemory.h"
#include "torch/NetworkModule.h"
#include "torch/TorchThreads.h"
#include "torch/Trainer.h"
#include "torch/TrainingData.h"
#include "torch/TrainingSettings.h"

#include "EngineTestSupport.h"
#include "FashionMnistSubset.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>
#include <stdexcept>

using namespace archscape;

namespace {

// 2,400 real images, 1,200 for validation and 2,000 to test: each case
// trains in a few seconds on one core.
TrainingSettings smallRun(uint64_t seed)
{
    TrainingSettings s;
    s.epochs = 1;
    s.trainFraction = 0.5; // of 4,800
    s.batchSize = 32; // 75 steps: enough for batch norm's running statistics
    s.learningRate = 0.05;
    s.seed = seed;
    return s;
}

bool sameWeights(NetworkModule& a, NetworkModule& b)
{
    const auto pa = a->named_parameters();
    const auto pb = b->named_parameters();
    if (pa.size() != pb.size())
        return false;
    for (const auto& item : pa)
        if (!torch::equal(item.value(), pb[item.key()]))
            return false;
    return true;
}

QString invalidArgument(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void labelSmoothingMatchesHandComputedLoss();
    void learnsFashionMnist();
    void sameSeedSameTraining();
    void hugeLearningRateFailsWithReason();
    void settingsFromRunSettings();
    void badSettingsAreRefused();

private:
    NetworkModule freshNetwork(uint64_t seed) const;

    QTemporaryDir dir_;
    std::unique_ptr<ArchitectureCodec> codec_;
    std::shared_ptr<const TrainingData> data_;
};

void TestTrainer::initTestCase()
{
    // One thread: the same arithmetic on any machine, and no thread left
    // spinning for a core when CI runs other tests beside this one.
    TorchThreads::apply(1);
    HostMemory::keepFreedMemory();
    codec_ = std::make_unique<ArchitectureCodec>(enginetest::loadBundled("fashion_mnist.json"));
    QVERIFY(dir_.isValid());
    const std::string folder = torchtest::writeFashionMnistSubset(dir_.path(), 6000, 2000);
    data_ = TrainingData::load(folder, 0.2, 7);
    QCOMPARE(data_->classCount(), int64_t(10));
    QCOMPARE(data_->validationIndices().numel(), int64_t(1200));
    QCOMPARE(data_->trainIndices(1.0).numel(), int64_t(4800));
    QCOMPARE(data_->trainIndices(0.5).numel(), int64_t(2400));
    QCOMPARE(data_->on(torch::kCPU).testImages.size(0), int64_t(2000));
}

NetworkModule TestTrainer::freshNetwork(uint64_t seed) const
{
    NetworkModule module(codec_->network(codec_->defaultArchitecture()));
    Trainer::initialise(module, seed);
    return module;
}

void TestTrainer::labelSmoothingMatchesHandComputedLoss()
{
    const double logits[2][3] = {{2.0, 1.0, 0.0}, {0.0, 0.0, 3.0}};
    const int64_t labels[2] = {0, 2};
    const double epsilon = 0.1;
    // Smoothed target: 1 - ε + ε/C on the label, ε/C elsewhere, so the loss
    // is (1 - ε)·(-log p_label) + ε·mean_c(-log p_c), averaged over rows.
    double expected = 0.0;
    for (int row = 0; row < 2; ++row) {
        double sumExp = 0.0;
        for (double z : logits[row])
            sumExp += std::exp(z);
        const double logSum = std::log(sumExp);
        double meanNll = 0.0;
        for (double z : logits[row])
            meanNll += (logSum - z) / 3.0;
        expected += ((1.0 - epsilon) * (logSum - logits[row][labels[row]]) + epsilon * meanNll) / 2.0;
    }
    // Worked on paper: row 1 gives 0.50761, row 2 gives 0.29492.
    QVERIFY(std::fabs(expected - 0.401265) < 1e-5);

    const torch::Tensor z = torch::tensor({2.0f, 1.0f, 0.0f, 0.0f, 0.0f, 3.0f}).view({2, 3});
    const torch::Tensor y = torch::tensor({int64_t(0), int64_t(2)});
    QVERIFY(std::fabs(Trainer::loss(z, y, epsilon).item<double>() - expected) < 1e-6);
    // Without smoothing: the plain cross-entropy, (0.40761 + 0.09492) / 2.
    QVERIFY(std::fabs(Trainer::loss(z, y, 0.0).item<double>() - 0.251266) < 1e-5);
}

void TestTrainer::learnsFashionMnist()
{
    TrainingSettings s = smallRun(1);
    s.epochs = 2;
    Trainer trainer(s);
    NetworkModule module = freshNetwork(1);
    QElapsedTimer timer;
    timer.start();
    const TrainingResult r = trainer.train(module, *data_);
    qInfo("2 epochs of 2,400 images: %.1f s, loss %.3f -> %.3f, valid %.1f %%, test %.1f %%",
          timer.elapsed() / 1000.0, r.epochs.at(0).trainLoss, r.epochs.at(1).trainLoss,
          r.validAcc.value_or(-1), r.testAcc.value_or(-1));
    QVERIFY2(r.finished, r.failure.c_str());
    QCOMPARE(int(r.epochs.size()), 2);
    QCOMPARE(r.imagesTrained, int64_t(2 * 2400));
    QVERIFY(r.epochs[0].trainLoss < std::log(10.0)); // below an untrained guess
    QVERIFY(r.epochs[1].trainLoss < r.epochs[0].trainLoss);
    QVERIFY(*r.epochs[0].validAcc > 40.0); // chance is 10 %
    QVERIFY(*r.validAcc > 65.0);
    QVERIFY(*r.testAcc > 65.0);
    QVERIFY(r.epochs[0].seconds > 0.0);
    QVERIFY(std::fabs(r.trainTimeS - r.epochs[0].seconds - r.epochs[1].seconds) < 1e-9);
    QVERIFY(!module->is_training());
}

void TestTrainer::sameSeedSameTraining()
{
    const Trainer trainer(smallRun(5));
    NetworkModule a = freshNetwork(5);
    NetworkModule b = freshNetwork(5);
    NetworkModule c = freshNetwork(6);
    QVERIFY(sameWeights(a, b));
    QVERIFY(!sameWeights(a, c));

    const TrainingResult ra = trainer.train(a, *data_);
    const TrainingResult rb = trainer.train(b, *data_);
    QVERIFY2(ra.finished && rb.finished, (ra.failure + rb.failure).c_str());
    QCOMPARE(ra.epochs[0].trainLoss, rb.epochs[0].trainLoss);
    QCOMPARE(*ra.validAcc, *rb.validAcc);
    QCOMPARE(*ra.testAcc, *rb.testAcc);
    QVERIFY(sameWeights(a, b));

    // Another seed shuffles the batches differently, from the same start.
    const Trainer other(smallRun(6));
    NetworkModule d = freshNetwork(5);
    const TrainingResult rd = other.train(d, *data_);
    QVERIFY(rd.finished);
    QVERIFY(rd.epochs[0].trainLoss != ra.epochs[0].trainLoss);
    QVERIFY(!sameWeights(a, d));
}

void TestTrainer::hugeLearningRateFailsWithReason()
{
    TrainingSettings s = smallRun(3);
    s.learningRate = 1e30;
    NetworkModule module = freshNetwork(3);
    const TrainingResult r = Trainer(s).train(module, *data_);
    qInfo("%s", r.failure.c_str());
    QVERIFY(!r.finished);
    QVERIFY(!r.testAcc);
    QVERIFY(r.epochs.empty());
    QVERIFY2(QString::fromStdString(r.failure).startsWith("training diverged: "), r.failure.c_str());
    QVERIFY2(r.failure.find("learning rate 1e+30") != std::string::npos, r.failure.c_str());
}

void TestTrainer::settingsFromRunSettings()
{
    RunSettings run;
    run.epochs = 3;
    run.seed = 11;
    run.device = "cpu";
    TrainingSettings s = TrainingSettings::fromRunSettings(run);
    QCOMPARE(s.optimizer, TrainingSettings::Optimizer::Sgd);
    QCOMPARE(s.learningRate, 0.05);
    QCOMPARE(s.weightDecay, 5e-4);
    QCOMPARE(s.epochs, 3);
    QCOMPARE(s.seed, uint64_t(11));
    QVERIFY(s.cosineSchedule);

    run.options = {{"optimizer", 1}, {"batch_size", 256}, {"train_fraction", 0.25},
                   {"label_smoothing", 0.1}, {"cosine", 0}, {"threads", 2},
                   {"validation_fraction", 0.2}, {"population", 10}};
    s = TrainingSettings::fromRunSettings(run);
    QCOMPARE(s.optimizer, TrainingSettings::Optimizer::AdamW);
    QCOMPARE(s.learningRate, 1e-3);
    QCOMPARE(s.weightDecay, 0.01);
    QCOMPARE(s.batchSize, int64_t(256));
    QCOMPARE(s.trainFraction, 0.25);
    QCOMPARE(s.labelSmoothing, 0.1);
    QVERIFY(!s.cosineSchedule);
    QCOMPARE(s.threads, 2);
    QCOMPARE(s.validationFraction, 0.2);

    run.options = {{"lr", 0.2}, {"momentum", 0.5}, {"weight_decay", 0}};
    s = TrainingSettings::fromRunSettings(run);
    QCOMPARE(s.learningRate, 0.2);
    QCOMPARE(s.momentum, 0.5);
    QCOMPARE(s.weightDecay, 0.0);
    QCOMPARE(TrainingSettings::optimizerFromName("adamw"), TrainingSettings::Optimizer::AdamW);
}

void TestTrainer::badSettingsAreRefused()
{
    auto refused = [](std::map<std::string, double> options) {
        RunSettings run;
        run.options = std::move(options);
        return invalidArgument([&] { TrainingSettings::fromRunSettings(run); });
    };
    QVERIFY(refused({{"optimizer", 2}}).contains("optimizer"));
    QVERIFY(refused({{"batch_size", 12.5}}).contains("batch_size"));
    QVERIFY(refused({{"batch_size", 1}}).contains("batch size"));
    QVERIFY(refused({{"lr", -1}}).contains("learning rate"));
    QVERIFY(refused({{"train_fraction", 0}}).contains("training fraction"));
    QVERIFY(refused({{"label_smoothing", 1}}).contains("label smoothing"));
    QVERIFY(refused({{"cosine", 2}}).contains("cosine"));
    QVERIFY(invalidArgument([] { TrainingSettings::optimizerFromName("adam"); }).contains("adam"));

    TrainingSettings s;
    s.device = "gpu";
    QVERIFY(invalidArgument([&] { Trainer t(s); }).contains("unknown device 'gpu'"));
    if (!torch::cuda::is_available()) {
        s.device = "cuda:0";
        const QString message = invalidArgument([&] { Trainer t(s); });
        QVERIFY2(message.contains("cuda:0"), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
