#include "multiobjective/ParetoRanking.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

using archscape::ParetoRanking;

namespace {

using Points = std::vector<std::vector<double>>;
using Fronts = std::vector<std::vector<int>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Peels fronts the slow way: front k is every remaining point that no other
// remaining point dominates.
Fronts bruteForceFronts(const Points& points)
{
    Fronts fronts;
    std::vector<bool> remaining(points.size(), true);
    std::size_t left = points.size();
    while (left > 0) {
        std::vector<int> front;
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (!remaining[i])
                continue;
            bool dominated = false;
            for (std::size_t j = 0; j < points.size(); ++j) {
                if (remaining[j] && j != i) {
                    bool noWorse = true;
                    bool better = false;
                    for (std::size_t m = 0; m < points[i].size(); ++m) {
                        noWorse = noWorse && points[j][m] <= points[i][m];
                        better = better || points[j][m] < points[i][m];
                    }
                    dominated = dominated || (noWorse && better);
                }
            }
            if (!dominated)
                front.push_back(static_cast<int>(i));
        }
        for (int i : front)
            remaining[i] = false;
        left -= front.size();
        fronts.push_back(front);
    }
    return fronts;
}

Points randomIntegerPoints(std::mt19937& rng, std::size_t objectives)
{
    std::uniform_int_distribution<int> countDist(1, 30);
    std::uniform_int_distribution<int> coordinateDist(0, 10);
    Points points(countDist(rng), std::vector<double>(objectives));
    for (auto& point : points) {
        for (auto& value : point)
            value = coordinateDist(rng);
    }
    return points;
}

} // namespace

class TestParetoRanking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dominatesNeedsNoWorseEverywhereAndBetterOnce()
    {
        QVERIFY(ParetoRanking::dominates({1, 2}, {2, 3}));
        QVERIFY(ParetoRanking::dominates({1, 2}, {1, 3}));
        QVERIFY(!ParetoRanking::dominates({2, 3}, {1, 2}));
        QVERIFY(!ParetoRanking::dominates({1, 3}, {2, 2}));
        QVERIFY(!ParetoRanking::dominates({2, 2}, {1, 3}));
        QVERIFY(!ParetoRanking::dominates({1, 2}, {1, 2}));
        QVERIFY(!ParetoRanking::dominates({}, {}));
    }

    void dominatesIsFalseWithNaN()
    {
        QVERIFY(!ParetoRanking::dominates({kNaN, 0}, {1, 1}));
        QVERIFY(!ParetoRanking::dominates({0, 0}, {kNaN, 1}));
    }

    void dominatesRejectsDifferentSizes()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ParetoRanking::dominates({1, 2}, {1, 2, 3}));
    }

    void sortsHandCheckedFronts()
    {
        // (1,5),(2,3),(4,1) are mutually incomparable; (2,3) dominates (3,4);
        // (3,4) and (1,5) dominate (5,5). So {0,1,2}, then {3}, then {4}.
        const Points points{{1, 5}, {2, 3}, {4, 1}, {3, 4}, {5, 5}};
        QCOMPARE(ParetoRanking::nonDominatedSort(points), (Fronts{{0, 1, 2}, {3}, {4}}));
        QCOMPARE(ParetoRanking::nonDominated(points), (std::vector<int>{0, 1, 2}));
    }

    void keepsDuplicatesInTheSameFront()
    {
        const Points points{{2, 2}, {1, 1}, {1, 1}};
        QCOMPARE(ParetoRanking::nonDominatedSort(points), (Fronts{{1, 2}, {0}}));
        QCOMPARE(ParetoRanking::nonDominated(points), (std::vector<int>{1, 2}));
    }

    void sortsSingleAndNoPoints()
    {
        QCOMPARE(ParetoRanking::nonDominatedSort({{3, 4}}), (Fronts{{0}}));
        QCOMPARE(ParetoRanking::nonDominated({{3, 4}}), (std::vector<int>{0}));
        QVERIFY(ParetoRanking::nonDominatedSort({}).empty());
        QVERIFY(ParetoRanking::nonDominated({}).empty());
    }

    void sortsADominanceChainOneFrontEach()
    {
        const Points points{{4, 4}, {3, 3}, {2, 2}, {1, 1}, {0, 0}};
        QCOMPARE(ParetoRanking::nonDominatedSort(points), (Fronts{{4}, {3}, {2}, {1}, {0}}));
        QCOMPARE(ParetoRanking::nonDominated(points), (std::vector<int>{4}));
    }

    void sortsTiesInOneObjective()
    {
        // (1,2) dominates (1,3) (tie in x) and (2,2) (tie in y); (3,1) is
        // incomparable with all of them.
        const Points points{{1, 3}, {1, 2}, {2, 2}, {3, 1}};
        QCOMPARE(ParetoRanking::nonDominatedSort(points), (Fronts{{1, 3}, {0, 2}}));
    }

    void sortsThreeObjectives()
    {
        // (1,2,3),(3,2,1),(2,2,2) trade off; (3,3,3) is dominated by all three.
        const Points points{{1, 2, 3}, {3, 2, 1}, {2, 2, 2}, {3, 3, 3}};
        QCOMPARE(ParetoRanking::nonDominatedSort(points), (Fronts{{0, 1, 2}, {3}}));
    }

    void putsNaNPointsLast()
    {
        const Points points{{1, 1}, {kNaN, 0}, {2, 2}, {0, kNaN}};
        QCOMPARE(ParetoRanking::nonDominatedSort(points), (Fronts{{0}, {2}, {1, 3}}));
        QCOMPARE(ParetoRanking::nonDominated(points), (std::vector<int>{0}));

        const Points allNaN{{kNaN, 1}, {1, kNaN}};
        QCOMPARE(ParetoRanking::nonDominatedSort(allNaN), (Fronts{{0, 1}}));
        QVERIFY(ParetoRanking::nonDominated(allNaN).empty());
    }

    void rejectsPointsOfDifferentSizes()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ParetoRanking::nonDominatedSort({{1, 2}, {1}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ParetoRanking::nonDominated({{1, 2}, {1}}));
    }

    void crowdingDistanceOfAFourPointFront()
    {
        // Front in points: A(0,10) B(1,6) C(3,2) D(4,0); E(5,5) is not in it.
        // x: range 4, sorted A B C D  -> B += (3-0)/4 = 0.75, C += (4-1)/4 = 0.75
        // y: range 10, sorted D C B A -> C += (6-0)/10 = 0.6, B += (10-2)/10 = 0.8
        // A and D are boundaries: infinite. B = 1.55, C = 1.35.
        const Points points{{0, 10}, {1, 6}, {3, 2}, {4, 0}, {5, 5}};
        const std::vector<double> distance = ParetoRanking::crowdingDistance(points, {2, 0, 3, 1});
        QCOMPARE(distance.size(), std::size_t(4));
        QCOMPARE(distance[0], 1.35);
        QCOMPARE(distance[1], kInfinity);
        QCOMPARE(distance[2], kInfinity);
        QCOMPARE(distance[3], 1.55);
    }

    void crowdingDistanceOfTinyFrontsIsInfinite()
    {
        const Points points{{0, 1}, {1, 0}};
        QCOMPARE(ParetoRanking::crowdingDistance(points, {1}), (std::vector<double>{kInfinity}));
        QCOMPARE(ParetoRanking::crowdingDistance(points, {0, 1}), (std::vector<double>{kInfinity, kInfinity}));
        QVERIFY(ParetoRanking::crowdingDistance(points, {}).empty());
    }

    void crowdingDistanceSkipsObjectivesWithZeroRange()
    {
        // y is 5 everywhere and adds nothing; x has range 3: (2-0)/3 and (3-1)/3.
        const Points points{{0, 5}, {1, 5}, {2, 5}, {3, 5}};
        const auto distance = ParetoRanking::crowdingDistance(points, {0, 1, 2, 3});
        QCOMPARE(distance[0], kInfinity);
        QCOMPARE(distance[1], 2.0 / 3.0);
        QCOMPARE(distance[2], 2.0 / 3.0);
        QCOMPARE(distance[3], kInfinity);

        const Points same{{1, 1}, {1, 1}, {1, 1}};
        QCOMPARE(ParetoRanking::crowdingDistance(same, {0, 1, 2}), (std::vector<double>{0, 0, 0}));
    }

    void crowdingDistanceTreatsNonFiniteValuesAsExtremes()
    {
        // The (inf, NaN) member is infinite; the finite rest: x range 2 over
        // (0,1,2) gives the middle (2-0)/2 = 1, y range 2 over (2,1,0) another 1.
        const Points points{{0, 2}, {1, 1}, {2, 0}, {kInfinity, kNaN}};
        const auto distance = ParetoRanking::crowdingDistance(points, {0, 1, 2, 3});
        QCOMPARE(distance[1], 2.0);
        QCOMPARE(distance[3], kInfinity);
    }

    void crowdingDistanceRejectsBadIndices()
    {
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, ParetoRanking::crowdingDistance({{0, 0}}, {1}));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, ParetoRanking::crowdingDistance({{0, 0}}, {-1}));
    }

    void constrainedDominationPrefersFeasibleThenLessViolation()
    {
        // Feasible beats infeasible even when the infeasible point is better.
        QVERIFY(ParetoRanking::constrainedDominates({5, 5}, 0, {1, 1}, 0.1));
        QVERIFY(!ParetoRanking::constrainedDominates({1, 1}, 0.1, {5, 5}, 0));
        // Two infeasible: the smaller violation wins whatever the objectives.
        QVERIFY(ParetoRanking::constrainedDominates({5, 5}, 0.2, {1, 1}, 0.3));
        QVERIFY(!ParetoRanking::constrainedDominates({1, 1}, 0.3, {5, 5}, 0.2));
        QVERIFY(!ParetoRanking::constrainedDominates({1, 1}, 0.3, {5, 5}, 0.3));
        QVERIFY(!ParetoRanking::constrainedDominates({5, 5}, 0.3, {1, 1}, 0.3));
        // Two feasible: plain domination; a negative violation is feasible.
        QVERIFY(ParetoRanking::constrainedDominates({1, 1}, 0, {2, 2}, 0));
        QVERIFY(!ParetoRanking::constrainedDominates({1, 3}, 0, {2, 2}, 0));
        QVERIFY(ParetoRanking::constrainedDominates({1, 1}, -1, {2, 2}, 0));
        QVERIFY(!ParetoRanking::constrainedDominates({2, 2}, -1, {1, 1}, 0));
        // A NaN violation is the worst violation there is.
        QVERIFY(ParetoRanking::constrainedDominates({9, 9}, 5, {1, 1}, kNaN));
        QVERIFY(!ParetoRanking::constrainedDominates({1, 1}, kNaN, {9, 9}, 5));
        QVERIFY(!ParetoRanking::constrainedDominates({1, 1}, kNaN, {9, 9}, kNaN));
    }

    void constrainedSortRanksFeasibleFirst()
    {
        // Feasible (1,2,5) trade off: front 0. Infeasible 0 and 3 share
        // violation 0.5 (so tie despite (0,0) dominating (1,1)): front 1.
        // Violation 2: front 2. The NaN point: last.
        const Points points{{1, 1}, {2, 2}, {3, 1}, {0, 0}, {0, 0}, {1, 3}, {kNaN, 0}};
        const std::vector<double> violations{0.5, 0, 0, 0.5, 2, 0, 0};
        QCOMPARE(ParetoRanking::constrainedNonDominatedSort(points, violations),
                 (Fronts{{1, 2, 5}, {0, 3}, {4}, {6}}));
    }

    void constrainedSortWithoutViolationsIsPlainSort()
    {
        const Points points{{1, 5}, {2, 3}, {4, 1}, {3, 4}, {5, 5}};
        QCOMPARE(ParetoRanking::constrainedNonDominatedSort(points, std::vector<double>(5, 0.0)),
                 ParetoRanking::nonDominatedSort(points));
    }

    void constrainedSortRejectsMissingViolations()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ParetoRanking::constrainedNonDominatedSort({{1, 2}, {2, 1}}, {0}));
    }

    void matchesBruteForceOnRandomSets()
    {
        std::mt19937 rng(20240611);
        for (std::size_t objectives : {2, 3}) {
            for (int round = 0; round < 200; ++round) {
                const Points points = randomIntegerPoints(rng, objectives);
                const Fronts expected = bruteForceFronts(points);
                QCOMPARE(ParetoRanking::nonDominatedSort(points), expected);
                QCOMPARE(ParetoRanking::nonDominated(points), expected.front());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestParetoRanking)
#include "tst_paretoranking.moc"
