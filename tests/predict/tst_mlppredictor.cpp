// The LibTorch MLP ensemble on the real NAS-Bench-201 table: it ranks
// held-out architectures, is reproducible under a seed, reports the
// ensemble's spread, pretrains on free statistics (params, FLOPs) as
// FBNetV3 does, and refuses bad input with a clear error.

#include "PredictTestSupport.h"

#include "cost/NetworkCost.h"
#include "stats/RankCorrelation.h"
#include "torch/MlpPredictor.h"

#include <QtTest>

#include <cmath>

using namespace archscape;
using namespace predicttest;

namespace {

MlpSettings quick(uint64_t seed = 0)
{
    MlpSettings s;
    s.members = 3;
    s.epochs = 300;
    s.pretrainEpochs = 150;
    s.seed = seed;
    return s;
}

} // namespace

class TestMlpPredictor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranksHeldOutArchitectures();
    void sameSeedSamePredictions();
    void pretrainsOnFreeStatistics();
    void badInputIsRefused();
};

void TestMlpPredictor::ranksHeldOutArchitectures()
{
    Nb201Split split = nb201Split(200, 1000, 3);
    MlpPredictor predictor(quick());
    predictor.fit(split.trainFeatures, split.trainTargets);
    std::vector<Prediction> predictions = predictor.predict(split.heldOutFeatures);
    std::vector<double> predicted = means(predictions);
    double tau = kendallTau(predicted, split.heldOutTargets);
    qInfo("mlp on 200 NAS-Bench-201 architectures: Kendall tau %.3f, Spearman rho %.3f on 1000 others",
          tau, spearmanRho(predicted, split.heldOutTargets));
    QVERIFY2(tau > 0.35, qPrintable(QString("Kendall tau %1").arg(tau)));
    int spread = 0;
    for (const auto& p : predictions)
        spread += p.stddev.value_or(0.0) > 0.0 ? 1 : 0;
    QVERIFY2(spread > 900, "the ensemble members agree almost everywhere");
}

void TestMlpPredictor::sameSeedSamePredictions()
{
    Nb201Split split = nb201Split(60, 100, 5);
    auto fitted = [&](uint64_t seed) {
        MlpPredictor p(quick(seed));
        p.fit(split.trainFeatures, split.trainTargets);
        return means(p.predict(split.heldOutFeatures));
    };
    QCOMPARE(fitted(1), fitted(1));
    QVERIFY(fitted(1) != fitted(2));
}

// Pretraining on the params and FLOPs of many architectures (free: no
// training) and then fitting accuracy on a few: the result still ranks
// well, and the stored settings say it was pretrained.
void TestMlpPredictor::pretrainsOnFreeStatistics()
{
    Nb201Split split = nb201Split(50, 1000, 9);
    const ArchitectureCodec& codec = nb201Codec();
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(4);
    FeatureMatrix unlabeled;
    std::vector<std::vector<double>> statistics;
    for (int i = 0; i < 1000; ++i) {
        Architecture a = sampler.sample(rng);
        NetworkCost cost = NetworkCost::of(codec.network(a, false));
        unlabeled.push_back(codec.features(a));
        statistics.push_back({std::log10(double(cost.params)), std::log10(double(cost.macs))});
    }
    MlpPredictor pretrained(quick());
    QVERIFY(!pretrained.pretrained());
    pretrained.pretrain(unlabeled, statistics);
    QVERIFY(pretrained.pretrained());
    pretrained.fit(split.trainFeatures, split.trainTargets);
    double tau = kendallTau(means(pretrained.predict(split.heldOutFeatures)), split.heldOutTargets);
    qInfo("mlp pretrained on params/FLOPs, fitted on 50: Kendall tau %.3f", tau);
    QVERIFY2(tau > 0.3, qPrintable(QString("Kendall tau %1").arg(tau)));
    QVERIFY(QString::fromStdString(pretrained.settingsJson()).contains("\"pretrained_on_free_statistics\":true"));
}

void TestMlpPredictor::badInputIsRefused()
{
    MlpPredictor p(quick());
    QVERIFY_THROWS_EXCEPTION(std::logic_error, p.predict({{1.0f, 0.0f}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.fit({{1.0f, 0.0f}}, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.fit({{1.0f, 0.0f}, {1.0f}}, {1.0, 2.0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.pretrain({{1.0f, 0.0f}}, {{}}));
    p.fit({{1.0f, 0.0f}, {0.0f, 1.0f}}, {1.0, 2.0});
    try {
        p.predict({{1.0f, 0.0f, 3.0f}});
        QFAIL("a row of the wrong length was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("expected 2"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestMlpPredictor)
#include "tst_mlppredictor.moc"
