#include "multiobjective/Hypervolume.h"

#include <QtTest>

#include <limits>
#include <random>
#include <stdexcept>

using archscape::Hypervolume;

namespace {

using Points = std::vector<std::vector<double>>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// With integer coordinates the dominated region is a union of unit grid cells,
// so counting the cells [c, c+1) below the reference whose lower corner some
// point is no worse than gives the exact volume.
double bruteForceCellCount(const Points& points, const std::vector<double>& reference)
{
    const std::size_t objectives = reference.size();
    std::vector<int> corner(objectives, 0);
    double cells = 0;
    while (true) {
        for (const auto& point : points) {
            bool covers = true;
            for (std::size_t m = 0; m < objectives && covers; ++m)
                covers = point[m] <= corner[m];
            if (covers) {
                ++cells;
                break;
            }
        }
        std::size_t m = 0;
        for (; m < objectives; ++m) {
            if (++corner[m] < reference[m])
                break;
            corner[m] = 0;
        }
        if (m == objectives)
            return cells;
    }
}

struct RandomCase
{
    Points points;
    std::vector<double> reference;
};

// Up to 30 points with coordinates 0..maxCoordinate and a reference from 1 to
// maxCoordinate + 1, so some points sit on or beyond it.
RandomCase randomCase(std::mt19937& rng, std::size_t objectives, int maxCoordinate)
{
    std::uniform_int_distribution<int> countDist(1, 30);
    std::uniform_int_distribution<int> coordinateDist(0, maxCoordinate);
    std::uniform_int_distribution<int> referenceDist(1, maxCoordinate + 1);
    RandomCase result;
    result.points.assign(countDist(rng), std::vector<double>(objectives));
    for (auto& point : result.points) {
        for (auto& value : point)
            value = coordinateDist(rng);
    }
    for (std::size_t m = 0; m < objectives; ++m)
        result.reference.push_back(referenceDist(rng));
    return result;
}

} // namespace

class TestHypervolume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoObjectivesByHand()
    {
        // Points (1,5),(2,3),(4,1),(3,4),(5,5), reference (6,6); front {0,1,2}.
        // Sweeping x upwards, each front point adds a strip from its x to 6:
        //   (1,5): (6-1)*(6-5) = 5
        //   (2,3): (6-2)*(5-3) = 8
        //   (4,1): (6-4)*(3-1) = 4      total 17.
        // Inclusion-exclusion agrees: boxes 5 + 12 + 10, pairwise overlaps
        // [2,6]x[5,6] = 4, [4,6]x[5,6] = 2, [4,6]x[3,6] = 6, triple 2:
        //   27 - 12 + 2 = 17.
        const Points points{{1, 5}, {2, 3}, {4, 1}, {3, 4}, {5, 5}};
        const std::vector<double> reference{6, 6};
        QCOMPARE(Hypervolume::compute(points, reference), 17.0);

        // Exclusive parts: (1,5) alone covers [1,2)x[5,6) = 1; (2,3) alone
        // [2,4)x[3,5) = 4 less the [3,4)x[4,5) = 1 that the dominated (3,4)
        // also covers, so 3; (4,1) alone [4,6)x[1,3) = 4; the dominated two none.
        QCOMPARE(Hypervolume::contribution(points, 0, reference), 1.0);
        QCOMPARE(Hypervolume::contribution(points, 1, reference), 3.0);
        QCOMPARE(Hypervolume::contribution(points, 2, reference), 4.0);
        QCOMPARE(Hypervolume::contribution(points, 3, reference), 0.0);
        QCOMPARE(Hypervolume::contribution(points, 4, reference), 0.0);
    }

    void threeObjectivesByHand()
    {
        // Points (0,0,1),(0,1,0),(1,0,0), reference (2,2,2). Each box is
        // 2*2*1 = 4; each pair meets in a box from e.g. (0,1,1): 2*1*1 = 2;
        // all three meet in the box from (1,1,1): 1. 3*4 - 3*2 + 1 = 7, which
        // is the 2^3 cube less the unit cube [0,1)^3 that none dominates.
        const Points points{{0, 0, 1}, {0, 1, 0}, {1, 0, 0}};
        const std::vector<double> reference{2, 2, 2};
        QCOMPARE(Hypervolume::compute(points, reference), 7.0);
        // (0,0,1) alone covers z >= 1 with x, y < 1: 1*1*1; likewise the others.
        for (std::size_t i = 0; i < points.size(); ++i)
            QCOMPARE(Hypervolume::contribution(points, i, reference), 1.0);

        QCOMPARE(Hypervolume::compute({{1, 1, 1}}, {3, 4, 5}), 2.0 * 3.0 * 4.0);
    }

    void oneAndFourObjectivesByHand()
    {
        // One objective: the best value's distance to the reference, 5 - 1.
        QCOMPARE(Hypervolume::compute({{3}, {1}, {2}}, {5}), 4.0);
        // The four unit points e_i with reference (2,2,2,2): 2^4 less the unit
        // hypercube none of them dominates, 16 - 1 = 15.
        const Points points{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        QCOMPARE(Hypervolume::compute(points, {2, 2, 2, 2}), 15.0);
        QCOMPARE(Hypervolume::contribution(points, 2, {2, 2, 2, 2}), 1.0);
    }

    void duplicatesCountOnceAndContributeNothing()
    {
        const Points points{{1, 2}, {1, 2}, {2, 1}};
        // (1,2): 2*1 = 2; (2,1): 1*2 = 2; overlap [2,3)x[2,3) = 1: 3.
        QCOMPARE(Hypervolume::compute(points, {3, 3}), 3.0);
        QCOMPARE(Hypervolume::compute({{1, 2}, {2, 1}}, {3, 3}), 3.0);
        QCOMPARE(Hypervolume::contribution(points, 0, {3, 3}), 0.0);
        QCOMPARE(Hypervolume::contribution(points, 2, {3, 3}), 1.0);
    }

    void singleAndNoPoints()
    {
        QCOMPARE(Hypervolume::compute({{1, 2}}, {4, 4}), 6.0);
        QCOMPARE(Hypervolume::contribution({{1, 2}}, 0, {4, 4}), 6.0);
        QCOMPARE(Hypervolume::compute({}, {4, 4}), 0.0);
        QCOMPARE(Hypervolume::compute({}, {4, 4, 4}), 0.0);
    }

    void pointsNotStrictlyBetterThanTheReferenceAddNothing()
    {
        const std::vector<double> reference{4, 4, 4};
        QCOMPARE(Hypervolume::compute({{1, 1, 4}}, reference), 0.0);
        QCOMPARE(Hypervolume::compute({{1, 1, 5}}, reference), 0.0);
        QCOMPARE(Hypervolume::compute({{1, 1, 3}, {0, 0, 4}, {-1, -1, 9}}, reference), 9.0);
        QCOMPARE(Hypervolume::contribution({{1, 1, 3}, {0, 0, 4}}, 1, reference), 0.0);
        QCOMPARE(Hypervolume::contribution({{1, 1, 3}, {0, 0, 4}}, 0, reference), 9.0);
    }

    void ignoresPointsWithNaN()
    {
        const Points points{{1, 1}, {kNaN, 0}, {0, kNaN}};
        QCOMPARE(Hypervolume::compute(points, {2, 2}), 1.0);
        QCOMPARE(Hypervolume::contribution(points, 0, {2, 2}), 1.0);
        QCOMPARE(Hypervolume::contribution(points, 1, {2, 2}), 0.0);
    }

    void rejectsBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Hypervolume::compute({{1, 2}}, {3, 3, 3}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Hypervolume::compute({{1, 2}}, {3, kNaN}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Hypervolume::compute({}, {}));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, Hypervolume::contribution({{1, 2}}, 1, {3, 3}));
    }

    void matchesGridCountOnRandomSets()
    {
        std::mt19937 rng(7);
        const struct
        {
            std::size_t objectives;
            int maxCoordinate;
        } shapes[] = {{2, 10}, {3, 10}, {4, 6}, {5, 4}};
        for (const auto& shape : shapes) {
            for (int round = 0; round < 200; ++round) {
                const RandomCase c = randomCase(rng, shape.objectives, shape.maxCoordinate);
                const double volume = Hypervolume::compute(c.points, c.reference);
                QCOMPARE(volume, bruteForceCellCount(c.points, c.reference));

                // Integer volumes are exact in doubles, so the exclusive part
                // must equal the difference exactly.
                const std::size_t index = round % c.points.size();
                Points others = c.points;
                others.erase(others.begin() + index);
                QCOMPARE(Hypervolume::contribution(c.points, index, c.reference),
                         volume - Hypervolume::compute(others, c.reference));
            }
        }
    }

    void slicingAgreesWithTheThreeObjectiveSweep()
    {
        // A fourth objective at 0 with reference 1 leaves the volume unchanged,
        // which checks the slicing used past three objectives on real values.
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> coordinate(0.0, 1.0);
        Points points3(300, std::vector<double>(3));
        Points points4;
        for (auto& point : points3) {
            for (auto& value : point)
                value = coordinate(rng);
            points4.push_back({point[0], point[1], point[2], 0.0});
        }
        const double volume3 = Hypervolume::compute(points3, {1, 1, 1});
        QVERIFY(volume3 > 0.5 && volume3 < 1.0);
        QCOMPARE(Hypervolume::compute(points4, {1, 1, 1, 1}), volume3);
    }

    void handlesTenThousandPointsInThreeObjectives()
    {
        // Points on the plane x+y+z = 1 are mutually non-dominated, the worst
        // case for the staircase; the volume approaches 1 - 1/6 from below.
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> coordinate(0.0, 1.0);
        Points points;
        while (points.size() < 10000) {
            const double x = coordinate(rng);
            const double y = coordinate(rng);
            if (x + y <= 1.0)
                points.push_back({x, y, 1.0 - x - y});
        }
        const double volume = Hypervolume::compute(points, {1, 1, 1});
        QVERIFY(volume < 1.0 - 1.0 / 6.0);
        QVERIFY(volume > 1.0 - 1.0 / 6.0 - 0.02);
    }
};

QTEST_GUILESS_MAIN(TestHypervolume)
#include "tst_hypervolume.moc"
