#pragma once
// Predictor-guided evolution (in the manner of FBNetV3 and BANANAS): a
// random initial sample, then rounds of: fit a predictor (xgboost ensemble)
// on the finished trials, evolve a large population on predicted values (an
// upper confidence bound of the first objective; params and FLOPs exact
// from NetworkCost; other metrics predicted), and evaluate the best few for
// real. Several objectives and constraints rank candidates by constrained
// non-dominated sorting and crowding distance. Options (StrategySettings):
// "initial" random trials (default 20), "batch" trials per round (5),
// "candidates" predicted per round (1000), "population" (30),
// "generations" (10), "ucb" (kappa in mean + kappa * stddev, default 4;
// tuned on seeds 1000-1009, the bench reports seeds from 0),
// "members" (ensemble size, 3), "trees" (boosting rounds, 100),
// "local" (2 of each batch from the best trial's neighbours), "cost_features"
// (1: append log10 params and FLOPs to the one-hot features), "model"
// (text: a PredictorRegistry name, "xgb" by default, "mlp" with LibTorch).
// Zero-cost proxies (the "zc" ArchitectureScorer, from LibTorch):
// "zc_features" (1: append synflow, grad_norm, jacob_cov, log-scaled, to the
// features; every candidate the predictor scores is then scored by the
// proxies, once per architecture), "zc_prefilter" (K: of each round's
// evolved candidates only the K best by the proxy "zc_proxy", text,
// synflow by default, may be evaluated for real, in predicted order),
// "zc_data" (text: an image folder; by default the run's --data when it
// is a folder, else the scorer's default, Fashion-MNIST). Accuracies are
// fitted as -ln(100.5 - acc).

#include "StrategyBase.h"
#include "predict/ArchitectureFeatures.h"
#include "predict/ArchitectureScorer.h"
#include "predict/Predictor.h"

#include <deque>
#include <unordered_map>

namespace archscape {

class PredictorGuidedSearch : public StrategyBase
{
public:
    PredictorGuidedSearch(const ArchitectureCodec& codec, StrategySettings settings);
    std::string name() const override { return "predictor"; }
    std::optional<Architecture> propose() override;
    void observe(const Observation& observation) override;
    std::vector<StrategyPrediction> takePredictions() override;
    std::map<std::string, std::string> takePredictorSettings() override;

private:
    struct Candidate
    {
        Architecture arch;
        uint64_t hash = 0;
        std::vector<double> objectives; // minimised
        double violation = 0.0;
        double predicted = 0.0;         // the first objective's predicted mean
    };
    struct Models; // the fitted predictors of one round

    void planRound();
    std::unique_ptr<Models> fitModels();
    void score(std::vector<Candidate>& candidates, const Models& models);
    std::vector<Candidate> evolve(const Models& models);
    std::vector<Candidate> bestNeighbours(const Models& models);
    std::vector<Candidate> measuredPopulation() const;
    std::vector<Candidate> prefiltered(std::vector<Candidate> ranked);
    std::string featureDescription() const;
    Architecture breed(const std::vector<Candidate>& population);
    static void sortByRank(std::vector<Candidate>& candidates);
    const std::vector<float>& featuresOf(const Architecture& arch, uint64_t hash);
    double exactMetric(const std::string& metric, const Architecture& arch, uint64_t hash);

    size_t initial_, batch_, candidates_, population_, generations_, local_;
    double kappa_;
    int members_, trees_;
    std::string model_;                       // a PredictorRegistry name
    std::unique_ptr<ArchitectureScorer> scorer_; // zero-cost proxies, when asked for
    size_t zcPrefilter_;                      // 0: none
    std::string zcProxy_;
    ArchitectureFeatures features_;
    std::string predictorName_;

    size_t proposed_ = 0;
    size_t observed_ = 0;
    int fits_ = 0;
    std::deque<Architecture> queue_;
    std::vector<Observation> finished_;
    std::unordered_map<uint64_t, std::vector<float>> featureCache_;
    std::unordered_map<uint64_t, std::pair<double, double>> costCache_; // params, flops
    std::unordered_map<uint64_t, double> predictedFirst_;
    std::vector<StrategyPrediction> predictionsOut_;
    std::map<std::string, std::string> settingsOut_;
};

} // namespace archscape
