// Kendall's tau-b and Spearman's rho: small cases worked out by hand, and
// agreement with a direct O(n²) count of pairs on random samples with ties.

#include "stats/RankCorrelation.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace archscape;

namespace {

// Tau-b from its definition: every pair is concordant, discordant or tied.
double kendallByPairs(const std::vector<double>& x, const std::vector<double>& y)
{
    double concordant = 0, discordant = 0, tiedXOnly = 0, tiedYOnly = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        for (size_t j = i + 1; j < x.size(); ++j) {
            double dx = x[i] - x[j], dy = y[i] - y[j];
            if (dx == 0 && dy == 0)
                continue;
            if (dx == 0)
                ++tiedXOnly;
            else if (dy == 0)
                ++tiedYOnly;
            else if ((dx > 0) == (dy > 0))
                ++concordant;
            else
                ++discordant;
        }
    }
    return (concordant - discordant)
           / std::sqrt((concordant + discordant + tiedXOnly) * (concordant + discordant + tiedYOnly));
}

} // namespace

class TestRankCorrelation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed();
    void kendallAgreesWithPairCount();
    void undefinedCases();
};

void TestRankCorrelation::handComputed()
{
    QCOMPARE(kendallTau({1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}), -1.0);
    QCOMPARE(spearmanRho({1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}), -1.0);
    // Pairs (1,2) and (1,3) concordant, (2,3) discordant: (2 - 1) / 3.
    QVERIFY(std::abs(kendallTau({1, 2, 3}, {1, 3, 2}) - 1.0 / 3.0) < 1e-12);
    // Rank differences 0, 1, 1: 1 - 6·2 / (3·8).
    QVERIFY(std::abs(spearmanRho({1, 2, 3}, {1, 3, 2}) - 0.5) < 1e-12);
    // One pair tied in x, two concordant: 2 / sqrt((3 - 1)·3).
    QVERIFY(std::abs(kendallTau({1, 1, 2}, {1, 2, 3}) - 2.0 / std::sqrt(6.0)) < 1e-12);
    // Ranks of x with a tie: 1.5, 1.5, 3; Pearson with 1, 2, 3 is sqrt(3)/2.
    QVERIFY(std::abs(spearmanRho({1, 1, 2}, {1, 2, 3}) - std::sqrt(3.0) / 2.0) < 1e-12);
}

void TestRankCorrelation::kendallAgreesWithPairCount()
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> value(0, 12); // small range: many ties
    for (int round = 0; round < 50; ++round) {
        std::vector<double> x(2 + round * 7), y(x.size());
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = value(rng);
            y[i] = value(rng) + (round % 2 ? x[i] : 0.0);
        }
        QVERIFY2(std::abs(kendallTau(x, y) - kendallByPairs(x, y)) < 1e-12,
                 qPrintable(QString("round %1").arg(round)));
        QVERIFY(std::abs(kendallTau(x, y) - kendallTau(y, x)) < 1e-12);
    }
}

void TestRankCorrelation::undefinedCases()
{
    QVERIFY(std::isnan(kendallTau({1}, {2})));
    QVERIFY(std::isnan(spearmanRho({}, {})));
    QVERIFY(std::isnan(kendallTau({1, 1, 1}, {1, 2, 3})));
    QVERIFY(std::isnan(spearmanRho({1, 2, 3}, {4, 4, 4})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kendallTau({1, 2}, {1}));
}

QTEST_GUILESS_MAIN(TestRankCorrelation)
#include "tst_rankcorrelation.moc"
