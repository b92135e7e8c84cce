// ArchitectureSampler: reproducible sampling, one-decision mutations,
// crossover from both parents, enumeration, and NAS-Bench-201 coverage.

#include "EngineTestSupport.h"

#include "space/ArchitectureSampler.h"
#include "space/SpaceSize.h"

#include <QtTest>

#include <map>
#include <random>
#include <set>

using namespace archscape;
using namespace enginetest;

namespace {

bool inRange(const ArchitectureCodec& codec, const Architecture& a)
{
    if (a.choices.size() != size_t(codec.decisions().size()))
        return false;
    for (int d = 0; d < codec.decisions().size(); ++d)
        if (a.choices[size_t(d)] < -1 || a.choices[size_t(d)] >= codec.decisions()[d].size())
            return false;
    return true;
}

// Decisions active (not -1) in both where the two differ.
int differingActive(const Architecture& a, const Architecture& b)
{
    int n = 0;
    for (size_t d = 0; d < a.choices.size(); ++d)
        n += a.choices[d] >= 0 && b.choices[d] >= 0 && a.choices[d] != b.choices[d];
    return n;
}

} // namespace

class TestArchitectureSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameResults_data() { spaces_data(); }
    void sameSeedSameResults();
    void resultsAreCanonical_data() { spaces_data(); }
    void resultsAreCanonical();
    void mutateChangesOneActiveDecision_data() { spaces_data(); }
    void mutateChangesOneActiveDecision();
    void crossoverTakesEachDecisionFromAParent_data() { spaces_data(); }
    void crossoverTakesEachDecisionFromAParent();
    void enumerateFashionMnist();
    void enumerateStopsWhenAsked();
    void nb201SamplesCoverEveryOperation();

private:
    static void spaces_data();
};

void TestArchitectureSampler::spaces_data()
{
    QTest::addColumn<QString>("file");
    for (const auto& name : bundledSpaceNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestArchitectureSampler::sameSeedSameResults()
{
    QFETCH(QString, file);
    ArchitectureCodec codec(loadBundled(file));
    ArchitectureSampler sampler(codec);
    auto run = [&](uint64_t seed) {
        std::mt19937_64 rng(seed);
        std::vector<Architecture> out;
        for (int i = 0; i < 50; ++i) {
            const Architecture a = sampler.sample(rng);
            const Architecture b = sampler.sample(rng);
            out.push_back(a);
            out.push_back(sampler.mutate(a, rng));
            out.push_back(sampler.crossover(a, b, rng));
        }
        return out;
    };
    const auto first = run(12345);
    QCOMPARE(run(12345), first);
    QVERIFY(run(54321) != first);
    for (const auto& a : first)
        QVERIFY(inRange(codec, a));
}

void TestArchitectureSampler::resultsAreCanonical()
{
    QFETCH(QString, file);
    ArchitectureCodec codec(loadBundled(file));
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(8);
    for (int i = 0; i < 200; ++i) {
        const Architecture a = sampler.sample(rng);
        const Architecture b = sampler.sample(rng);
        for (const Architecture& x : {a, sampler.mutate(a, rng), sampler.crossover(a, b, rng)}) {
            QVERIFY2(codec.canonical(x) == x, codec.encode(x).c_str());
            QVERIFY2(codec.decode(codec.encode(x)) == x, codec.encode(x).c_str());
        }
    }
}

void TestArchitectureSampler::mutateChangesOneActiveDecision()
{
    QFETCH(QString, file);
    ArchitectureCodec codec(loadBundled(file));
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(77);
    std::set<int> mutatedDecisions;
    for (int i = 0; i < 500; ++i) {
        const Architecture parent = sampler.sample(rng);
        const Architecture child = sampler.mutate(parent, rng);
        QVERIFY(inRange(codec, child));
        QVERIFY2(codec.encode(child) != codec.encode(parent), codec.encode(parent).c_str());
        // Every decision active on both sides keeps its value, but one --
        // unless the changed decision switched itself off (an edge set to
        // "none" that leaves its node unused), when none differs and some
        // decision of the parent is no longer active.
        bool switchedOff = false;
        for (size_t d = 0; d < parent.choices.size(); ++d)
            switchedOff = switchedOff || (parent.choices[d] >= 0 && child.choices[d] < 0);
        const int differing = differingActive(parent, child);
        QVERIFY2(differing == 1 || (differing == 0 && switchedOff),
                 qPrintable(QString::fromStdString(codec.encode(parent) + "  ->  " +
                                                   codec.encode(child))));
        for (size_t d = 0; d < parent.choices.size(); ++d)
            if (parent.choices[d] >= 0 && child.choices[d] >= 0 &&
                parent.choices[d] != child.choices[d])
                mutatedDecisions.insert(int(d));
    }
    // Mutations reach many decisions, not a favourite few.
    QVERIFY2(mutatedDecisions.size() >= std::min<size_t>(6, codec.decisions().size()),
             qPrintable(QString::number(mutatedDecisions.size())));
}

void TestArchitectureSampler::crossoverTakesEachDecisionFromAParent()
{
    QFETCH(QString, file);
    ArchitectureCodec codec(loadBundled(file));
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(31);
    int fromA = 0, fromB = 0;
    for (int i = 0; i < 300; ++i) {
        const Architecture a = sampler.sample(rng);
        const Architecture b = sampler.sample(rng);
        const Architecture child = sampler.crossover(a, b, rng);
        QVERIFY(inRange(codec, child));
        for (size_t d = 0; d < child.choices.size(); ++d) {
            const int c = child.choices[d];
            if (c < 0)
                continue;
            const QString what = QString::fromStdString(codec.decisions()[int(d)].key + " in " +
                                                        codec.encode(child) + " from " +
                                                        codec.encode(a) + " x " + codec.encode(b));
            const bool inA = a.choices[d] >= 0, inB = b.choices[d] >= 0;
            // A decision that matters in neither parent can come to matter
            // in the child (an NAS-Bench-201 node that the mix makes live);
            // canonical parents hold no value for it, so any value is fair.
            if (!inA && !inB)
                continue;
            // Otherwise the value comes from a parent that decides it, never
            // from nowhere (e.g. a layer only the deeper parent has).
            QVERIFY2((inA && c == a.choices[d]) || (inB && c == b.choices[d]),
                     qPrintable("a value neither parent has: " + what));
            if (inA && inB && a.choices[d] != b.choices[d])
                ++(c == a.choices[d] ? fromA : fromB);
        }
        // A parent crossed with itself is itself.
        QCOMPARE(codec.encode(sampler.crossover(a, a, rng)), codec.encode(a));
    }
    // Both parents contribute, about equally.
    QVERIFY(fromA > 0 && fromB > 0);
    const double share = double(fromA) / (fromA + fromB);
    QVERIFY2(share > 0.4 && share < 0.6, qPrintable(QString::number(share)));
}

void TestArchitectureSampler::enumerateFashionMnist()
{
    ArchitectureCodec codec(loadBundled("fashion_mnist.json"));
    ArchitectureSampler sampler(codec);
    std::vector<std::string> order;
    std::set<std::string> encodings;
    sampler.enumerate([&](const Architecture& a) {
        order.push_back(codec.encode(a));
        encodings.insert(order.back());
        return true;
    });
    QCOMPARE(order.size(), size_t(128)); // see tst_spacesize for the count by hand
    QCOMPARE(encodings.size(), size_t(128));

    // Every one of the 288 raw assignments is among them.
    Architecture raw;
    raw.choices.assign(size_t(codec.decisions().size()), 0);
    int assignments = 0;
    while (true) {
        QVERIFY(encodings.count(codec.encode(raw)));
        ++assignments;
        int d = codec.decisions().size() - 1;
        while (d >= 0 && ++raw.choices[size_t(d)] == codec.decisions()[d].size())
            raw.choices[size_t(d--)] = 0;
        if (d < 0)
            break;
    }
    QCOMPARE(assignments, 288);

    // A fixed order.
    std::vector<std::string> again;
    sampler.enumerate([&](const Architecture& a) {
        again.push_back(codec.encode(a));
        return true;
    });
    QCOMPARE(again, order);
}

void TestArchitectureSampler::enumerateStopsWhenAsked()
{
    ArchitectureCodec codec(loadBundled("mbconv.json")); // far too large to finish
    ArchitectureSampler sampler(codec);
    int visits = 0;
    std::set<std::string> seen;
    sampler.enumerate([&](const Architecture& a) {
        seen.insert(codec.encode(a));
        return ++visits < 10;
    });
    QCOMPARE(visits, 10);
    QCOMPARE(seen.size(), size_t(10));
}

void TestArchitectureSampler::nb201SamplesCoverEveryOperation()
{
    ArchitectureCodec codec(loadBundled("nb201.json"));
    ArchitectureSampler sampler(codec);
    std::mt19937_64 rng(2020);
    const int draws = 20000;
    // An edge a canonical architecture leaves out holds its default, "none"
    // (as Nb201Format writes it): count the operation each edge really has.
    std::map<int, std::map<int, int>> seen; // decision -> option -> count
    for (int i = 0; i < draws; ++i) {
        const Architecture a = sampler.sample(rng);
        for (int d = 0; d < codec.decisions().size(); ++d) {
            const int c = a.choices[size_t(d)];
            ++seen[d][c >= 0 ? c : codec.decisions()[d].defaultOption];
        }
    }
    QCOMPARE(codec.decisions().size(), 6);
    for (int d = 0; d < 6; ++d) {
        const Decision& dec = codec.decisions()[d];
        QCOMPARE(dec.size(), 5);
        for (int k = 0; k < 5; ++k)
            QVERIFY2(seen[d][k] > 0,
                     qPrintable(QString::fromStdString(dec.key + "=" + dec.labels[size_t(k)])));
    }
    // 0->3 joins the cell's input to its output and always matters: with a
    // uniform sampler each operation takes a fifth of the draws (4000,
    // standard deviation about 57).
    const int direct = codec.decisions().find(DecisionSet::cellEdgeKey("nb201", 0, 3));
    QVERIFY(direct >= 0);
    for (int k = 0; k < 5; ++k)
        QVERIFY2(std::abs(seen[direct][k] - draws / 5) < 400,
                 qPrintable(QString::number(seen[direct][k])));
}

QTEST_GUILESS_MAIN(TestArchitectureSampler)
#include "tst_architecturesampler.moc"
