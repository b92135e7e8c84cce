// What the strategies achieve on the real NAS-Bench-201 table (behaviour,
// not speed): regularized evolution beats random search, NSGA-II keeps to
// its constraint, local search climbs to true local optima.

#include "SearchTestSupport.h"

#include "multiobjective/ParetoRanking.h"
#include "space/Nb201Format.h"

#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <numeric>
#include <set>

using namespace archscape;
using namespace searchtest;

namespace {

double bestOf(const std::vector<TrialRecord>& trials, const std::string& metric,
              const TrialRecord** bestTrial = nullptr)
{
    double best = -1e300;
    for (const auto& t : trials)
        if (t.state == TrialState::Complete && *t.metric(metric) > best) {
            best = *t.metric(metric);
            if (bestTrial)
                *bestTrial = &t;
        }
    return best;
}

} // namespace

class TestStrategies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void evolutionBeatsRandomSearch();
    void nsga2KeepsToItsConstraint();
    void localSearchReachesLocalOptima();

private:
    // valid_acc of an architecture as the nb201 evaluator sees it.
    double validAcc(const ArchitectureCodec& codec, const Architecture& arch) const;
    // LocalSearch's neighbourhood: every active decision changed to each of
    // its other options, canonical, without duplicates.
    std::vector<Architecture> neighbours(const ArchitectureCodec& codec,
                                         const Architecture& center) const;

    QTemporaryDir dir_;
    int files_ = 0;
    std::string newPath() { return dir_.filePath(QString("s%1.db").arg(files_++)).toStdString(); }
};

void TestStrategies::initTestCase()
{
    QVERIFY(dir_.isValid());
    QCOMPARE(nb201Table()->size(), size_t(15625));
}

double TestStrategies::validAcc(const ArchitectureCodec& codec, const Architecture& arch) const
{
    const Nb201Row* row = nb201Table()->find(Nb201Format::format(codec, codec.canonical(arch)));
    if (!row)
        throw std::runtime_error("no table row for " + codec.encode(arch));
    return row->validAcc;
}

std::vector<Architecture> TestStrategies::neighbours(const ArchitectureCodec& codec,
                                                     const Architecture& center) const
{
    std::vector<Architecture> result;
    std::set<std::string> encodings{codec.encode(center)};
    const DecisionSet& decisions = codec.decisions();
    for (int d = 0; d < decisions.size(); ++d) {
        if (center.choices[size_t(d)] < 0)
            continue;
        for (int option = 0; option < decisions[d].size(); ++option) {
            if (option == center.choices[size_t(d)])
                continue;
            Architecture n = center;
            for (auto& c : n.choices)
                c = c < 0 ? 0 : c;
            n.choices[size_t(d)] = option;
            n = codec.canonical(n);
            if (encodings.insert(codec.encode(n)).second)
                result.push_back(n);
        }
    }
    return result;
}

void TestStrategies::evolutionBeatsRandomSearch()
{
    const int seeds = 10;
    const int64_t budget = 300;
    double evolutionValid = 0, randomValid = 0, evolutionTest = 0, randomTest = 0;
    int evolutionWins = 0;
    for (int seed = 0; seed < seeds; ++seed) {
        RunSpec s;
        s.seed = uint64_t(seed);
        s.budget = budget;
        s.strategy = "evolution";
        RunResult evolution = runStudy(newPath(), s);
        s.strategy = "random";
        RunResult random = runStudy(newPath(), s);
        QCOMPARE(int64_t(evolution.trials.size()), budget);
        QCOMPARE(int64_t(random.trials.size()), budget);
        const TrialRecord* e = nullptr;
        const TrialRecord* r = nullptr;
        const double ev = bestOf(evolution.trials, "valid_acc", &e);
        const double rv = bestOf(random.trials, "valid_acc", &r);
        evolutionValid += ev;
        randomValid += rv;
        evolutionTest += *e->metric("test_acc");
        randomTest += *r->metric("test_acc");
        evolutionWins += ev > rv ? 1 : 0;
    }
    evolutionValid /= seeds;
    randomValid /= seeds;
    evolutionTest /= seeds;
    randomTest /= seeds;
    qInfo("budget %lld, %d seeds: best valid_acc evolution %.3f, random %.3f (evolution ahead on "
          "%d seeds); test_acc of those trials: evolution %.3f, random %.3f",
          static_cast<long long>(budget), seeds, evolutionValid, randomValid, evolutionWins,
          evolutionTest, randomTest);
    QVERIFY2(evolutionValid > randomValid,
             qPrintable(QString("regularized evolution %1 <= random search %2")
                            .arg(evolutionValid)
                            .arg(randomValid)));
}

void TestStrategies::nsga2KeepsToItsConstraint()
{
    const double limit = 500000;
    RunSpec s;
    s.strategy = "nsga2";
    s.seed = 5;
    s.budget = 300;
    s.objectives = "valid_acc:max,params:min";
    s.constraints = "params<=500000";
    const size_t population = 20; // the strategy's default
    RunResult r = runStudy(newPath(), s);
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(r.trials.size(), size_t(300));
    const auto constraints = Constraint::parseList(s.constraints);
    const auto objectives = Objective::parseList(s.objectives);

    std::vector<const TrialRecord*> byObservation;
    for (const auto& t : r.trials) {
        QCOMPARE(t.state, TrialState::Complete);
        QVERIFY(t.metric("params") && t.metric("valid_acc"));
        byObservation.push_back(&t);
    }
    std::sort(byObservation.begin(), byObservation.end(),
              [](auto* a, auto* b) { return *a->observedSeq < *b->observedSeq; });
    auto point = [&](const TrialRecord* t) {
        std::vector<double> p;
        for (const auto& o : objectives)
            p.push_back(o.minimized(*t->metric(o.metric)));
        return p;
    };
    auto feasible = [&](const TrialRecord* t) { return *t->metric("params") <= limit; };

    // The study's non-dominated set under the constraint.
    std::vector<std::vector<double>> points;
    std::vector<double> violations;
    for (const auto* t : byObservation) {
        points.push_back(point(t));
        violations.push_back(totalViolation(constraints, t->metrics));
    }
    auto fronts = ParetoRanking::constrainedNonDominatedSort(points, violations);
    QVERIFY(!fronts.empty() && !fronts.front().empty());
    for (int i : fronts.front())
        QVERIFY2(feasible(byObservation[size_t(i)]),
                 qPrintable(QString("trial %1 on the front has %2 parameters")
                                .arg(byObservation[size_t(i)]->number)
                                .arg(*byObservation[size_t(i)]->metric("params"))));

    // The final population, by NSGA-II's survival (parents + each generation
    // of children, constrained non-dominated sorting): all feasible.
    std::vector<const TrialRecord*> parents;
    for (size_t g = 0; g + population <= byObservation.size(); g += population) {
        std::vector<const TrialRecord*> pool = parents;
        pool.insert(pool.end(), byObservation.begin() + long(g),
                    byObservation.begin() + long(g + population));
        std::vector<std::vector<double>> pp;
        std::vector<double> pv;
        for (const auto* t : pool) {
            pp.push_back(point(t));
            pv.push_back(totalViolation(constraints, t->metrics));
        }
        parents.clear();
        for (const auto& front : ParetoRanking::constrainedNonDominatedSort(pp, pv)) {
            std::vector<double> crowding = ParetoRanking::crowdingDistance(pp, front);
            std::vector<size_t> order(front.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](size_t a, size_t b) { return crowding[a] > crowding[b]; });
            for (size_t i : order)
                if (parents.size() < population)
                    parents.push_back(pool[size_t(front[i])]);
        }
    }
    QCOMPARE(parents.size(), population);
    for (const auto* t : parents)
        QVERIFY2(feasible(t), qPrintable(QString("trial %1 in the final population has %2 parameters")
                                             .arg(t->number)
                                             .arg(*t->metric("params"))));

    // And the search keeps breeding mostly feasible children.
    auto rate = [&](size_t from, size_t to) {
        size_t n = 0;
        for (size_t i = from; i < to; ++i)
            n += feasible(byObservation[i]) ? 1 : 0;
        return double(n) / double(to - from);
    };
    const double first = rate(0, population), last = rate(byObservation.size() - 100, byObservation.size());
    qInfo("feasible (params <= 500000): first generation %.2f, last 100 trials %.2f; front size %zu",
          first, last, fronts.front().size());
    QVERIFY2(last >= 0.5, qPrintable(QString("only %1 of the last 100 trials are feasible").arg(last)));
}

void TestStrategies::localSearchReachesLocalOptima()
{
    RunSpec s;
    s.strategy = "local";
    s.seed = 2;
    s.budget = 400;
    const std::string path = newPath();
    RunResult r = runStudy(path, s);
    QCOMPARE(outcomeName(r.outcome), "BudgetReached");
    QCOMPARE(r.trials.size(), size_t(400));
    auto study = Study::open(path);
    const ArchitectureCodec& codec = study->codec();
    for (const auto& t : r.trials) {
        QCOMPARE(t.state, TrialState::Complete);
        // The evaluator and this test read the same table row.
        QCOMPARE(*t.metric("valid_acc"), validAcc(codec, codec.decode(t.encoding)));
    }

    // Follow the climbs: a start, then the unseen neighbours of each centre;
    // the best neighbour becomes the centre while it improves; otherwise the
    // centre is a local optimum and a fresh start follows.
    std::set<std::string> seen;
    std::map<std::string, const TrialRecord*> scoreOf; // evaluated so far
    std::vector<Architecture> optima;
    std::vector<size_t> climbStarts, optimumClimb; // trial index where each climb began
    size_t i = 0;
    bool complete = true;
    while (i < r.trials.size() && complete) {
        Architecture center = codec.decode(r.trials[i].encoding);
        double centerScore = *r.trials[i].metric("valid_acc");
        seen.insert(r.trials[i].encoding);
        scoreOf[r.trials[i].encoding] = &r.trials[i];
        climbStarts.push_back(i);
        ++i;
        while (true) {
            std::set<std::string> expected;
            for (const auto& n : neighbours(codec, center))
                if (!seen.count(codec.encode(n)))
                    expected.insert(codec.encode(n));
            const size_t count = expected.size();
            std::set<std::string> got;
            const TrialRecord* best = nullptr;
            // Neighbours evaluated earlier (in this climb or another) count
            // for the move too, with the score they got then.
            for (const auto& n : neighbours(codec, center)) {
                auto known = scoreOf.find(codec.encode(n));
                if (known != scoreOf.end()
                    && (!best || *known->second->metric("valid_acc") > *best->metric("valid_acc")))
                    best = known->second;
            }
            for (size_t k = 0; k < count && i < r.trials.size(); ++k, ++i) {
                const TrialRecord& t = r.trials[i];
                QVERIFY2(expected.count(t.encoding),
                         qPrintable(QString("trial %1 is not an unseen neighbour of the centre")
                                        .arg(t.number)));
                got.insert(t.encoding);
                seen.insert(t.encoding);
                scoreOf[t.encoding] = &t;
                if (!best || *t.metric("valid_acc") > *best->metric("valid_acc"))
                    best = &t;
            }
            if (got.size() < count) {
                complete = false; // the budget ended inside this neighbourhood
                break;
            }
            if (best && *best->metric("valid_acc") > centerScore) {
                center = codec.decode(best->encoding);
                centerScore = *best->metric("valid_acc");
                continue;
            }
            optima.push_back(center);
            optimumClimb.push_back(climbStarts.size() - 1);
            break;
        }
    }
    QVERIFY2(!optima.empty(), "no climb finished within the budget");

    // Each place the search stopped climbing is a true local optimum: no
    // neighbour (whenever it was evaluated) is better, by the table.
    std::map<std::string, int64_t> trialOf;
    for (const auto& t : r.trials)
        trialOf[t.encoding] = t.number;
    int trueOptima = 0;
    QStringList notOptimal;
    for (size_t k = 0; k < optima.size(); ++k) {
        const Architecture& o = optima[k];
        const double value = validAcc(codec, o);
        const Architecture* better = nullptr;
        double betterValue = value;
        std::vector<Architecture> ns = neighbours(codec, o);
        for (const auto& n : ns)
            if (validAcc(codec, n) > betterValue) {
                betterValue = validAcc(codec, n);
                better = &n;
            }
        if (!better) {
            ++trueOptima;
        } else {
            auto it = trialOf.find(codec.encode(*better));
            const size_t climb = optimumClimb[k];
            QString when = it == trialOf.end()
                               ? QString("never evaluated")
                               : QString("evaluated as trial %1, %2 this climb began at trial %3")
                                     .arg(it->second)
                                     .arg(size_t(it->second) < climbStarts[climb] ? "before" : "after")
                                     .arg(climbStarts[climb]);
            notOptimal << QString("climb %1: %2 (%3) has the better neighbour %4 (%5; %6)")
                              .arg(climb + 1)
                              .arg(QString::fromStdString(Nb201Format::format(codec, o)))
                              .arg(value)
                              .arg(QString::fromStdString(Nb201Format::format(codec, *better)))
                              .arg(betterValue)
                              .arg(when);
        }
    }
    qInfo("local search: %zu climbs finished in %zu trials, %d at a true local optimum",
          optima.size(), r.trials.size(), trueOptima);
    for (const auto& line : notOptimal)
        qWarning("%s", qPrintable(line));
    QVERIFY2(notOptimal.isEmpty() || !notOptimal.first().startsWith("climb 1:"), "the first climb stopped short of a local optimum");
    QVERIFY2(notOptimal.isEmpty(),
             qPrintable(QString("%1 of %2 climbs stopped at an architecture that is not a local "
                                "optimum (details above)")
                            .arg(notOptimal.size())
                            .arg(optima.size())));

    // And the study's best architecture is one of them.
    const TrialRecord* best = nullptr;
    bestOf(r.trials, "valid_acc", &best);
    const Architecture b = codec.decode(best->encoding);
    for (const auto& n : neighbours(codec, b))
        QVERIFY2(validAcc(codec, n) <= *best->metric("valid_acc"),
                 qPrintable(QString("a neighbour of the best trial %1 is better").arg(best->number)));
}

QTEST_GUILESS_MAIN(TestStrategies)
#include "tst_strategies.moc"
