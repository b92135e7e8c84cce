// First-order DARTS on the NAS-Bench-201 cell, on a few real Fashion-MNIST
// images: a mixed operation with one-hot weights is that operation alone;
// an architecture step trains only the alphas and a weight step only the
// operation weights; the derived cell is an architecture of the space and
// round-trips through its NAS-Bench-201 string; the "darts" strategy runs
// through SearchRunner, stores every epoch's alphas and its supernet, and
// a resumed study loads that supernet instead of searching again.

#include "torch/darts/DartsSearch.h"
#include "torch/darts/DartsStrategy.h"
#include "torch/darts/DartsSupernet.h"

#include "EngineTestSupport.h"
#include "FashionMnistSubset.h"
#include "PhaseReports.h"
#include "eval/EvaluatorRegistry.h"
#include "search/SearchRunner.h"
#include "search/StrategyRegistry.h"
#include "space/Nb201Format.h"
#include "study/Study.h"
#include "study/StudySearch.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace archscape;

namespace {

const Shape kFashionMnist{1, 28, 28, false};

size_t opIndex(const CellDefinition& cell, const std::string& op)
{
    return size_t(std::find(cell.ops.begin(), cell.ops.end(), op) - cell.ops.begin());
}

// Alphas that pick, per edge, the operation a NAS-Bench-201 string names
// (edges in the string's order, which is CellDefinition::edges()'s).
void setAlphasFor(DartsSupernet& supernet, const ArchitectureCodec& codec, const std::string& text)
{
    const Architecture arch = Nb201Format::parse(codec, text);
    const CellDefinition& cell = supernet->definitions().at(0);
    torch::NoGradGuard noGrad;
    torch::Tensor alpha = supernet->alphas().at(0);
    alpha.fill_(0.0);
    const auto edges = cell.edges();
    for (size_t e = 0; e < edges.size(); ++e) {
        const int d = codec.decisions().find(
            DecisionSet::cellEdgeKey(cell.name, edges[e].first, edges[e].second));
        const std::string& op = codec.decisions()[d].labels[size_t(arch.choices[size_t(d)])];
        alpha[int64_t(e)][int64_t(opIndex(cell, op))].fill_(2.0);
        alpha[int64_t(e)][int64_t(opIndex(cell, "nor_conv_1x1"))].add_(1.0); // the runner-up
    }
}

std::vector<torch::Tensor> copies(const std::vector<torch::Tensor>& tensors)
{
    std::vector<torch::Tensor> result;
    for (const torch::Tensor& t : tensors)
        result.push_back(t.detach().clone());
    return result;
}

bool allEqual(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b)
{
    for (size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i].detach()))
            return false;
    return true;
}

} // namespace

class TestDarts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void supernetIsBuiltForTheImages();
    void mixedOperationWithOneHotWeightsIsThatOperation();
    void stepsTrainOnlyTheirOwnParameters();
    void derivedCellIsInTheSpaceAndRoundTrips();
    void strategyRunsThroughSearchRunnerAndStoresAlphas();
    void resumeLoadsTheSupernetInsteadOfSearching();
    void firstProposalReportsTheSearch();
    void stopDuringTheSearchEndsItBetweenSteps();
    void badSettingsAreRefused();

private:
    RunSettings dartsSettings() const;
    std::unique_ptr<DartsStrategy> makeStrategy(Study& study) const;

    QTemporaryDir dir_;
    std::string subset_;
    std::string studyPath_;
};

void TestDarts::initTestCase()
{
    QVERIFY(dir_.isValid());
    subset_ = torchtest::writeFashionMnistSubset(dir_.filePath("fashion-mnist"), 1000, 100);
    studyPath_ = dir_.filePath("darts.db").toStdString();
    registerDartsStrategy();
    const auto names = StrategyRegistry::names();
    QVERIFY(std::find(names.begin(), names.end(), "darts") != names.end());
    torch::manual_seed(1);
}

void TestDarts::supernetIsBuiltForTheImages()
{
    const SearchSpace space = enginetest::loadBundled("nb201.json");
    DartsSupernet full(space, kFashionMnist, 0);
    QCOMPARE(full->cellCount(), 15);
    DartsSupernet small(space, kFashionMnist, 1);
    QCOMPARE(small->cellCount(), 3);
    QCOMPARE(int(small->alphas().size()), 1); // 15 cells, one definition: one alpha
    QVERIFY(small->alphas()[0].sizes() == std::vector<int64_t>({6, 5}));
    QVERIFY(small->weightCount() < full->weightCount());
    const torch::Tensor logits = small->forward(torch::rand({2, 1, 28, 28}));
    QVERIFY(logits.sizes() == std::vector<int64_t>({2, 10}));
    // Every parameter is either a weight or an alpha, never both.
    QCOMPARE(small->weights().size() + small->alphas().size(), small->parameters().size());
}

void TestDarts::mixedOperationWithOneHotWeightsIsThatOperation()
{
    DartsSupernet supernet(enginetest::loadBundled("nb201.json"), kFashionMnist, 1);
    supernet->eval(); // batch norm with its fresh running statistics: mean 0, variance 1
    DartsCell cell = std::dynamic_pointer_cast<DartsCellImpl>(supernet->named_children()["cell1"]);
    QVERIFY(cell);
    MixedOperation mixed = cell->edge(3); // 2<-1... any edge: node j, 16 channels
    const CellDefinition& def = supernet->definitions()[0];
    QCOMPARE(mixed->size(), def.ops.size());
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 16, 28, 28});
    for (size_t k = 0; k < def.ops.size(); ++k) {
        const torch::Tensor oneHot = torch::zeros({int64_t(def.ops.size())});
        oneHot[int64_t(k)] = 1.0;
        const torch::Tensor mixedOut = mixed->forward(x, oneHot);
        QVERIFY2(torch::allclose(mixedOut, mixed->forwardOne(k, x), 1e-6, 1e-6),
                 def.ops[k].c_str());
        // ...and that operation is NAS-Bench-201's.
        torch::Tensor expected;
        const std::string& op = def.ops[k];
        if (op == "none")
            expected = torch::zeros_like(x);
        else if (op == "skip_connect")
            expected = x;
        else if (op == "avg_pool_3x3")
            expected = torch::avg_pool2d(x, 3, 1, 1, false, false);
        else {
            torch::Tensor weight;
            for (const auto& p : mixed->named_parameters())
                if (p.value().dim() == 4)
                    if (p.key().rfind(op + ".", 0) == 0)
                        weight = p.value();
            QVERIFY2(weight.defined(), op.c_str());
            QCOMPARE(weight.size(2), op == "nor_conv_3x3" ? 3 : 1);
            expected = torch::conv2d(torch::relu(x), weight, {}, 1, weight.size(2) / 2)
                       / std::sqrt(1.0 + 1e-5);
        }
        QVERIFY2(torch::allclose(mixedOut, expected, 1e-4, 1e-5), op.c_str());
    }
}

void TestDarts::stepsTrainOnlyTheirOwnParameters()
{
    DartsSettings settings;
    settings.batchSize = 8;
    DartsSearch search(DartsSupernet(enginetest::loadBundled("nb201.json"), kFashionMnist, 1),
                       settings);
    DartsSupernet& supernet = search.supernet();
    const torch::Tensor images = torch::rand({8, 1, 28, 28});
    const torch::Tensor labels = torch::randint(0, 10, {8}, torch::kLong);

    auto weightsBefore = copies(supernet->weights());
    auto alphasBefore = copies(supernet->alphas());
    search.architectureStep(images, labels);
    for (const torch::Tensor& w : supernet->weights())
        QVERIFY(!w.grad().defined());
    for (const torch::Tensor& a : supernet->alphas())
        QVERIFY(a.grad().defined() && a.grad().abs().sum().item<double>() > 0.0);
    QVERIFY(allEqual(weightsBefore, supernet->weights()));
    QVERIFY(!allEqual(alphasBefore, supernet->alphas()));

    weightsBefore = copies(supernet->weights());
    alphasBefore = copies(supernet->alphas());
    search.weightStep(images, labels);
    for (const torch::Tensor& a : supernet->alphas())
        QVERIFY(!a.grad().defined());
    int withGradient = 0;
    for (const torch::Tensor& w : supernet->weights())
        withGradient += w.grad().defined() && w.grad().abs().sum().item<double>() > 0.0;
    QVERIFY(withGradient > int(supernet->weights().size()) / 2);
    QVERIFY(allEqual(alphasBefore, supernet->alphas()));
    QVERIFY(!allEqual(weightsBefore, supernet->weights()));
}

void TestDarts::derivedCellIsInTheSpaceAndRoundTrips()
{
    const SearchSpace space = enginetest::loadBundled("nb201.json");
    const ArchitectureCodec codec(space);
    DartsSupernet supernet(space, kFashionMnist, 1);
    const std::string cell =
        "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";
    setAlphasFor(supernet, codec, cell);

    const Architecture withNone = supernet->derive(codec, true);
    QCOMPARE(Nb201Format::format(codec, withNone), cell);
    QCOMPARE(Nb201Format::parse(codec, Nb201Format::format(codec, withNone)), withNone);
    QVERIFY(!codec.network(withNone).layers.empty()); // builds: valid in the space

    // Without "none", its edges take the runner-up.
    const Architecture withoutNone = supernet->derive(codec, false);
    QCOMPARE(Nb201Format::format(codec, withoutNone),
             std::string("|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|"
                         "nor_conv_1x1~1|nor_conv_3x3~2|"));
}

RunSettings TestDarts::dartsSettings() const
{
    RunSettings s;
    s.strategy = "darts";
    s.evaluator = "cost";
    s.objectives = {{"params", false}};
    s.budget = 1;
    s.seed = 3;
    s.data = subset_;
    // 80 training and 200 validation images, 5 steps of 16: a few seconds.
    s.options = {{"search_epochs", 1}, {"train_fraction", 0.1}, {"validation_fraction", 0.2},
                 {"batch_size", 16}, {"cells", 1}};
    return s;
}

std::unique_ptr<DartsStrategy> TestDarts::makeStrategy(Study& study) const
{
    const RunSettings run = *study.settings();
    StrategySettings s;
    s.objectives = run.objectives;
    s.seed = run.seed;
    s.budget = run.budget;
    s.options = run.options;
    s.data = run.data;
    s.storage = &study.storage();
    return std::make_unique<DartsStrategy>(study.codec(), s);
}

void TestDarts::strategyRunsThroughSearchRunnerAndStoresAlphas()
{
    auto study = Study::create(studyPath_, enginetest::loadBundled("nb201.json"), "darts");
    study->saveSettings(dartsSettings());
    auto strategy = makeStrategy(*study);
    auto evaluator = EvaluatorRegistry::create(*study->settings(), study->codec());
    SearchRunner runner(study->storage(), study->codec(), *strategy, *evaluator,
                        study->settings()->objectives, RunLimits{1, 0.0, 1});
    QCOMPARE(int(runner.run()), int(SearchRunner::Outcome::BudgetReached));
    QVERIFY(strategy->ranSearch());

    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 1);
    QCOMPARE(trials[0].state, TrialState::Complete);
    const Architecture derived = strategy->derived().at(0);
    QCOMPARE(trials[0].encoding, study->codec().encode(derived));

    const auto record = study->storage().studyArtifact("darts", "search");
    QVERIFY(record);
    const nlohmann::json j = nlohmann::json::parse(*record);
    QCOMPARE(j.at("epochs").size(), size_t(2)); // before the first step, after epoch 1
    QCOMPARE(j.at("cells").get<int>(), 3);
    QVERIFY(j.at("input") == nlohmann::json::array({1, 28, 28}));
    for (const auto& epoch : j.at("epochs")) {
        const auto& alphas = epoch.at("alphas").at("nb201");
        QCOMPARE(alphas.size(), size_t(6));
        for (const auto& row : alphas) {
            double sum = 0;
            for (double w : row)
                sum += w;
            QVERIFY(std::fabs(sum - 1.0) < 1e-6);
        }
    }
    QVERIFY(j.at("epochs")[0].at("alphas") != j.at("epochs")[1].at("alphas")); // they moved
    QVERIFY(j.at("epochs")[1].at("train_loss").get<double>() > 0.0);
    QCOMPARE(j.at("derived").at("nb201").get<std::string>(),
             Nb201Format::format(study->codec(), derived));
    QVERIFY(study->storage().studyArtifact("darts", "supernet"));
}

void TestDarts::resumeLoadsTheSupernetInsteadOfSearching()
{
    auto study = Study::open(studyPath_);
    const std::string recordBefore = *study->storage().studyArtifact("darts", "search");
    auto strategy = makeStrategy(*study);
    auto evaluator = EvaluatorRegistry::create(*study->settings(), study->codec());
    SearchRunner runner(study->storage(), study->codec(), *strategy, *evaluator,
                        study->settings()->objectives, RunLimits{2, 0.0, 1});
    runner.run();
    QVERIFY(!strategy->ranSearch());
    QCOMPARE(*study->storage().studyArtifact("darts", "search"), recordBefore);
    const auto trials = study->storage().trials();
    QCOMPARE(trials[0].encoding, study->codec().encode(strategy->derived().at(0)));
    // The second trial, if any, is the cell derived without "none".
    const bool differ = study->codec().canonical(strategy->derived()[0])
                        != study->codec().canonical(strategy->derived()[1]);
    QCOMPARE(int(trials.size()), differ ? 2 : 1);
    if (differ)
        QCOMPARE(trials[1].encoding, study->codec().encode(strategy->derived()[1]));
}

// Two epochs of 5 step pairs, reported through StrategySettings::phases
// (StudySearch hands the runner's reporter over) as one phase of 10 steps.
void TestDarts::firstProposalReportsTheSearch()
{
    auto study = Study::create(dir_.filePath("phases.db").toStdString(),
                               enginetest::loadBundled("nb201.json"), "phases");
    RunSettings settings = dartsSettings();
    settings.options["search_epochs"] = 2;
    settings.options["threads"] = 1;
    study->saveSettings(settings);
    StudySearch search(*study);
    std::vector<RunProgress> reports;
    search.runner().setProgressCallback([&](const RunProgress& p) { reports.push_back(p); });
    QCOMPARE(int(search.runner().run()), int(SearchRunner::Outcome::BudgetReached));

    const torchtest::PhaseReports phases = torchtest::phasesOf(reports);
    QCOMPARE(int(phases.size()), 1);
    QCOMPARE(phases[0].first, std::string("searching with DARTS"));
    const auto& steps = phases[0].second;
    QVERIFY2(torchtest::completeAndMonotone(steps).isEmpty(),
             qPrintable(torchtest::completeAndMonotone(steps)));
    QCOMPARE(int(steps.size()), 11);
    QCOMPARE(steps.back().steps, int64_t(10));
    QCOMPARE(steps[5].epoch, 1); // the end of the first epoch
    QCOMPARE(steps[6].epoch, 2);
    QCOMPARE(steps.back().epochs, 2);
    QVERIFY(!reports.back().phase);
    QCOMPARE(reports.back().trials, int64_t(1));
}

// A stop request during the search ends it at the next step: no trial, no
// supernet stored; a resume searches again, in full.
void TestDarts::stopDuringTheSearchEndsItBetweenSteps()
{
    auto study = Study::create(dir_.filePath("stopped.db").toStdString(),
                               enginetest::loadBundled("nb201.json"), "stopped");
    RunSettings settings = dartsSettings();
    settings.options["threads"] = 1;
    study->saveSettings(settings);
    {
        const auto [outcome, lastStep] = torchtest::runStoppingAtPhaseStep(*study, 2);
        QCOMPARE(int(outcome), int(SearchRunner::Outcome::Stopped));
        QCOMPARE(lastStep, int64_t(2));
        QCOMPARE(int(study->storage().trials().size()), 0);
        QVERIFY(!study->storage().studyArtifact("darts", "supernet"));
    }
    StudySearch resumed(*study);
    QCOMPARE(int(resumed.runner().run()), int(SearchRunner::Outcome::BudgetReached));
    const auto trials = study->storage().trials();
    QCOMPARE(int(trials.size()), 1);
    QCOMPARE(trials[0].state, TrialState::Complete);
    QVERIFY(study->storage().studyArtifact("darts", "supernet"));
    const nlohmann::json record =
        nlohmann::json::parse(*study->storage().studyArtifact("darts", "search"));
    QCOMPARE(record.at("epochs").size(), size_t(2));
}

void TestDarts::badSettingsAreRefused()
{
    const ArchitectureCodec nb201(enginetest::loadBundled("nb201.json"));
    StrategySettings s;
    s.data = "/no/such/table.csv";
    try {
        DartsStrategy strategy(nb201, s);
        QFAIL("a search without a data set was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(std::string(e.what()).find("search_data") != std::string::npos, e.what());
    }
    s.data = subset_;
    s.options["cells"] = -1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DartsStrategy strategy(nb201, s));
    s.options.erase("cells");
    const ArchitectureCodec noCells(enginetest::loadBundled("fashion_mnist.json"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DartsStrategy strategy(noCells, s));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             DartsSupernet net(nb201.space(), Shape{0, 28, 28, false}, 1));
}

QTEST_GUILESS_MAIN(TestDarts)
#include "tst_darts.moc"
