// The xgboost predictor on the real NAS-Bench-201 table: it ranks held-out
// architectures well, is reproducible under a seed, reports an ensemble's
// uncertainty, and refuses bad input with a clear error.

#include "PredictTestSupport.h"

#include "predict/XgboostPredictor.h"
#include "stats/RankCorrelation.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace archscape;
using namespace predicttest;

class TestXgboostPredictor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranksHeldOutArchitectures();
    void sameSeedSamePredictions();
    void ensembleReportsUncertainty();
    void badInputIsRefused();
};

void TestXgboostPredictor::ranksHeldOutArchitectures()
{
    Nb201Split split = nb201Split(200, 1000, 3, true);
    XgboostPredictor predictor;
    predictor.fit(split.trainFeatures, split.trainTargets);
    std::vector<double> predicted = means(predictor.predict(split.heldOutFeatures));
    double tau = kendallTau(predicted, split.heldOutTargets);
    double rho = spearmanRho(predicted, split.heldOutTargets);
    qInfo("xgboost on 200 NAS-Bench-201 architectures: Kendall tau %.3f, Spearman rho %.3f on 1000 others",
          tau, rho);
    QVERIFY2(tau > 0.4, qPrintable(QString("Kendall tau %1").arg(tau)));
    QVERIFY2(rho > 0.55, qPrintable(QString("Spearman rho %1").arg(rho)));
}

void TestXgboostPredictor::sameSeedSamePredictions()
{
    Nb201Split split = nb201Split(100, 200, 5);
    auto fitted = [&](uint64_t seed) {
        XgboostSettings s;
        s.seed = seed;
        XgboostPredictor p(s);
        p.fit(split.trainFeatures, split.trainTargets);
        return means(p.predict(split.heldOutFeatures));
    };
    QCOMPARE(fitted(1), fitted(1));
    QVERIFY(fitted(1) != fitted(2)); // the row subsamples differ
}

void TestXgboostPredictor::ensembleReportsUncertainty()
{
    Nb201Split split = nb201Split(100, 100, 7);
    XgboostPredictor ensemble;
    ensemble.fit(split.trainFeatures, split.trainTargets);
    int spread = 0;
    for (const auto& p : ensemble.predict(split.heldOutFeatures)) {
        QVERIFY(p.stddev.has_value());
        QVERIFY(*p.stddev >= 0.0);
        spread += *p.stddev > 0.0 ? 1 : 0;
    }
    QVERIFY2(spread > 50, "the ensemble members agree almost everywhere");

    XgboostSettings single;
    single.members = 1;
    XgboostPredictor one(single);
    one.fit(split.trainFeatures, split.trainTargets);
    QVERIFY(!one.predict(split.heldOutFeatures).front().stddev.has_value());
    auto settings = nlohmann::json::parse(one.settingsJson());
    QCOMPARE(settings["model"].get<std::string>(), std::string("xgboost"));
    QCOMPARE(settings["members"].get<int>(), 1);
}

void TestXgboostPredictor::badInputIsRefused()
{
    XgboostPredictor p;
    QVERIFY_THROWS_EXCEPTION(std::logic_error, p.predict({{1.0f, 0.0f}}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.fit({{1.0f, 0.0f}}, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, p.fit({{1.0f, 0.0f}, {1.0f}}, {1.0, 2.0}));
    p.fit({{1.0f, 0.0f}, {0.0f, 1.0f}}, {1.0, 2.0});
    try {
        p.predict({{1.0f, 0.0f, 3.0f}});
        QFAIL("a row of the wrong length was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).contains("expected 2"), e.what());
    }
    XgboostSettings bad;
    bad.subsample = 0.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, XgboostPredictor{bad});
}

QTEST_GUILESS_MAIN(TestXgboostPredictor)
#include "tst_xgboostpredictor.moc"
