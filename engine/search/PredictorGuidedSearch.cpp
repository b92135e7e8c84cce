#include "PredictorGuidedSearch.h"

#include "cost/NetworkCost.h"
#include "multiobjective/ParetoRanking.h"
#include "predict/ArchitectureScorerRegistry.h"
#include "predict/PredictorRegistry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace archscape {

namespace {

size_t count(const StrategySettings& s, const char* name, double fallback, double minimum)
{
    return static_cast<size_t>(std::max(minimum, s.option(name, fallback)));
}

bool isExactMetric(const std::string& metric)
{
    return metric == "params" || metric == "flops";
}

// Accuracies (percent) are fitted as log error, as BANANAS does: the
// squared loss then resolves the best architectures instead of spending
// itself on the few that do not train at all.
bool isAccuracy(const std::string& metric)
{
    return metric.size() > 4 && metric.compare(metric.size() - 4, 4, "_acc") == 0;
}

double toTarget(const std::string& metric, double value)
{
    return isAccuracy(metric) ? -std::log(100.5 - std::min(value, 100.0)) : value;
}

double fromTarget(const std::string& metric, double target)
{
    return isAccuracy(metric) ? 100.5 - std::exp(-target) : target;
}

bool wantsScorer(const StrategySettings& s)
{
    return s.option("zc_features", 0) != 0.0 || s.option("zc_prefilter", 0) >= 1.0;
}

// The proxies need images shaped like the space's input: zc_data, else the
// run's data when it is an image folder (not the nb201 table), else the
// scorer's default.
std::unique_ptr<ArchitectureScorer> createScorer(const ArchitectureCodec& codec,
                                                 const StrategySettings& s)
{
    if (!wantsScorer(s))
        return nullptr;
    ScorerSettings scorer;
    scorer.data = s.textOption("zc_data", "");
    std::error_code error;
    if (scorer.data.empty() && !s.data.empty() && std::filesystem::is_directory(s.data, error))
        scorer.data = s.data;
    scorer.device = s.device;
    scorer.seed = s.seed;
    return s.createScorer ? s.createScorer("zc", codec, scorer)
                          : ArchitectureScorerRegistry::create("zc", codec, scorer);
}

std::unique_ptr<Predictor> createPredictor(const StrategySettings& s, const std::string& model,
                                           const PredictorRequest& request)
{
    return s.createPredictor ? s.createPredictor(model, request)
                             : PredictorRegistry::create(model, request);
}

} // namespace

struct PredictorGuidedSearch::Models
{
    std::unique_ptr<Predictor> first;                          // with uncertainty
    std::map<std::string, std::unique_ptr<Predictor>> others;  // other non-exact metrics
};

PredictorGuidedSearch::PredictorGuidedSearch(const ArchitectureCodec& codec,
                                             StrategySettings settings)
    : StrategyBase(codec, std::move(settings)),
      initial_(count(settings_, "initial", 20, 2)),
      batch_(count(settings_, "batch", 5, 1)),
      candidates_(count(settings_, "candidates", 1000, 10)),
      population_(count(settings_, "population", 30, 2)),
      generations_(count(settings_, "generations", 10, 1)),
      local_(count(settings_, "local", 2, 0)),
      kappa_(settings_.option("ucb", 4.0)),
      members_(static_cast<int>(count(settings_, "members", 3, 1))),
      trees_(static_cast<int>(count(settings_, "trees", 100, 1))),
      model_(settings_.textOption("model", "xgb")),
      scorer_(createScorer(codec, settings_)),
      zcPrefilter_(count(settings_, "zc_prefilter", 0, 0)),
      zcProxy_(settings_.textOption("zc_proxy", "synflow")),
      features_(codec, settings_.option("cost_features", 1) != 0.0,
                settings_.option("zc_features", 0) != 0.0 ? scorer_.get() : nullptr)
{
    createPredictor(settings_, model_, {}); // an unknown model fails here, not mid-search
    if (zcPrefilter_ > 0) {
        const std::vector<std::string> names = scorer_->scoreNames();
        if (std::find(names.begin(), names.end(), zcProxy_) == names.end()) {
            std::string known;
            for (const auto& n : names)
                known += (known.empty() ? "" : ", ") + n;
            throw std::invalid_argument("unknown zero-cost proxy zc_proxy=" + zcProxy_ + " (known: "
                                        + known + ")");
        }
    }
}

std::optional<Architecture> PredictorGuidedSearch::propose()
{
    if (settings_.budget > 0 && proposed_ >= static_cast<size_t>(settings_.budget))
        return std::nullopt;
    if (proposed_ < initial_ || settings_.objectives.empty()) {
        auto a = sampleUnseen();
        proposed_ += a ? 1 : 0;
        return a;
    }
    if (queue_.empty()) {
        if (observed_ < proposed_)
            return std::nullopt; // the round's results first
        planRound();
    }
    std::optional<Architecture> next;
    if (!queue_.empty()) {
        next = queue_.front();
        queue_.pop_front();
    } else {
        next = sampleUnseen(); // too few results to fit, or nothing new predicted
    }
    proposed_ += next ? 1 : 0;
    return next;
}

void PredictorGuidedSearch::observe(const Observation& observation)
{
    ++observed_;
    finished_.push_back(observation);
    auto p = predictedFirst_.find(codec_.hashCanonical(observation.arch));
    if (p == predictedFirst_.end())
        return;
    StrategyPrediction record{predictorName_, observation.encoding, p->second, std::nullopt};
    auto m = observation.metrics.find(settings_.objectives.front().metric);
    if (observation.state == TrialState::Complete && m != observation.metrics.end())
        record.measured = m->second;
    predictionsOut_.push_back(std::move(record));
    predictedFirst_.erase(p);
}

std::vector<StrategyPrediction> PredictorGuidedSearch::takePredictions()
{
    return std::exchange(predictionsOut_, {});
}

std::map<std::string, std::string> PredictorGuidedSearch::takePredictorSettings()
{
    return std::exchange(settingsOut_, {});
}

void PredictorGuidedSearch::planRound()
{
    std::unique_ptr<Models> models = fitModels();
    if (!models)
        return;
    size_t take = batch_;
    if (settings_.budget > 0)
        take = std::min(take, static_cast<size_t>(settings_.budget) - proposed_);
    auto enqueue = [&](const std::vector<Candidate>& ranked, size_t upTo) {
        for (size_t i = 0; i < ranked.size() && queue_.size() < upTo; ++i) {
            if (seen(ranked[i].arch))
                continue;
            queue_.push_back(claim(ranked[i].arch));
            predictedFirst_[ranked[i].hash] = ranked[i].predicted;
        }
    };
    enqueue(bestNeighbours(*models), std::min(take, local_));
    std::vector<Candidate> evolved = evolve(*models);
    enqueue(zcPrefilter_ > 0 ? prefiltered(std::move(evolved)) : evolved, take);
}

// The zcPrefilter_ best of the ranked candidates by the zero-cost proxy
// (ties and failed scores last, in predicted order), still in predicted order.
std::vector<PredictorGuidedSearch::Candidate> PredictorGuidedSearch::prefiltered(std::vector<Candidate> ranked)
{
    if (ranked.size() <= zcPrefilter_)
        return ranked;
    std::vector<double> proxy(ranked.size());
    for (size_t i = 0; i < ranked.size(); ++i) {
        const double v = scorer_->scores(ranked[i].arch).at(zcProxy_);
        proxy[i] = std::isfinite(v) ? v : -std::numeric_limits<double>::infinity();
    }
    std::vector<size_t> order(ranked.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return proxy[a] > proxy[b]; });
    order.resize(zcPrefilter_);
    std::sort(order.begin(), order.end());
    std::vector<Candidate> kept;
    for (size_t i : order)
        kept.push_back(std::move(ranked[i]));
    return kept;
}

std::string PredictorGuidedSearch::featureDescription() const
{
    std::string d = "one-hot decisions";
    if (settings_.option("cost_features", 1) != 0.0)
        d += ", log10 params, log10 flops";
    if (features_.withScores())
        d += ", log10 synflow, log10 grad_norm, signed log10(1+|jacob_cov|)";
    return d;
}

// The unseen one-decision neighbours of the best measured trial that has
// any, best predicted first: a few of each batch climb from the incumbent,
// which a predictor's errors far from the data cannot lead astray.
std::vector<PredictorGuidedSearch::Candidate> PredictorGuidedSearch::bestNeighbours(const Models& models)
{
    if (local_ == 0)
        return {};
    const DecisionSet& decisions = codec_.decisions();
    for (const Candidate& center : measuredPopulation()) {
        std::vector<Candidate> neighbours;
        std::unordered_set<uint64_t> hashes;
        for (int d = 0; d < decisions.size(); ++d) {
            const int current = center.arch.choices[static_cast<size_t>(d)];
            if (current < 0)
                continue;
            for (int option = 0; option < decisions[d].size(); ++option) {
                if (option == current)
                    continue;
                Architecture n = center.arch;
                for (auto& c : n.choices)
                    c = std::max(c, 0);
                n.choices[static_cast<size_t>(d)] = option;
                Candidate c;
                c.arch = codec_.canonical(n);
                c.hash = codec_.hashCanonical(c.arch);
                if (!seen(c.arch) && hashes.insert(c.hash).second)
                    neighbours.push_back(std::move(c));
            }
        }
        if (neighbours.empty())
            continue;
        score(neighbours, models);
        sortByRank(neighbours);
        return neighbours;
    }
    return {};
}

// A predictor per metric that is neither exact nor absent from the results:
// the first objective's with an ensemble (its spread drives exploration),
// the others' with one member.
std::unique_ptr<PredictorGuidedSearch::Models> PredictorGuidedSearch::fitModels()
{
    std::vector<std::string> metrics;
    for (const auto& o : settings_.objectives)
        metrics.push_back(o.metric);
    for (const auto& c : settings_.constraints)
        metrics.push_back(c.metric);

    auto models = std::make_unique<Models>();
    for (size_t k = 0; k < metrics.size(); ++k) {
        const std::string& metric = metrics[k];
        if ((k > 0 && isExactMetric(metric)) || (k > 0 && models->others.count(metric)))
            continue;
        FeatureMatrix rows;
        std::vector<double> targets;
        for (const auto& o : finished_) {
            auto v = o.metrics.find(metric);
            if (o.state != TrialState::Complete || v == o.metrics.end())
                continue;
            rows.push_back(featuresOf(o.arch, codec_.hashCanonical(o.arch)));
            targets.push_back(toTarget(metric, v->second));
        }
        if (rows.size() < 2) {
            if (k == 0)
                return nullptr;
            continue;
        }
        PredictorRequest request;
        request.trees = trees_;
        request.members = k == 0 ? members_ : 1;
        request.seed = settings_.seed * 1000003u + static_cast<uint64_t>(fits_);
        std::unique_ptr<Predictor> predictor = createPredictor(settings_, model_, request);
        predictor->fit(rows, targets);
        if (k == 0) {
            nlohmann::json j;
            j["strategy"] = "predictor";
            j["model"] = model_;
            j["target"] = metric;
            j["predictor"] = nlohmann::json::parse(predictor->settingsJson());
            j["features"] = featureDescription();
            j["feature_length"] = features_.length();
            if (zcPrefilter_ > 0) {
                j["zc_prefilter"] = zcPrefilter_;
                j["zc_proxy"] = zcProxy_;
            }
            if (scorer_)
                j["zc_scored_architectures"] = scorer_->computed();
            j["fits"] = fits_ + 1;
            j["training_trials"] = rows.size();
            j["ucb_kappa"] = kappa_;
            j["fitted_on"] = isAccuracy(metric) ? "-ln(100.5 - " + metric + ")" : metric;
            predictorName_ = predictor->name();
            settingsOut_[predictorName_] = j.dump();
            models->first = std::move(predictor);
        } else {
            models->others[metric] = std::move(predictor);
        }
    }
    ++fits_;
    return models;
}

void PredictorGuidedSearch::score(std::vector<Candidate>& candidates, const Models& models)
{
    FeatureMatrix rows;
    for (auto& c : candidates)
        rows.push_back(featuresOf(c.arch, c.hash));
    std::vector<Prediction> first = models.first->predict(rows);
    std::map<std::string, std::vector<Prediction>> others;
    for (const auto& [metric, predictor] : models.others)
        others[metric] = predictor->predict(rows);

    for (size_t i = 0; i < candidates.size(); ++i) {
        Candidate& c = candidates[i];
        std::map<std::string, double> metrics;
        for (const auto& [metric, values] : others)
            metrics[metric] = fromTarget(metric, values[i].mean);
        for (const auto& o : settings_.objectives)
            if (isExactMetric(o.metric))
                metrics[o.metric] = exactMetric(o.metric, c.arch, c.hash);
        for (const auto& k : settings_.constraints)
            if (isExactMetric(k.metric))
                metrics[k.metric] = exactMetric(k.metric, c.arch, c.hash);
        const Objective& head = settings_.objectives.front();
        c.predicted = fromTarget(head.metric, first[i].mean);
        double bonus = kappa_ * first[i].stddev.value_or(0.0);
        metrics[head.metric] = fromTarget(head.metric, first[i].mean + (head.maximize ? bonus : -bonus));

        c.objectives.clear();
        for (const auto& o : settings_.objectives) {
            auto v = metrics.find(o.metric);
            c.objectives.push_back(v == metrics.end() ? 0.0 : o.minimized(v->second));
        }
        c.violation = totalViolation(settings_.constraints, metrics);
    }
}

std::vector<PredictorGuidedSearch::Candidate> PredictorGuidedSearch::measuredPopulation() const
{
    std::vector<Candidate> members;
    for (const auto& o : finished_) {
        if (o.state != TrialState::Complete)
            continue;
        Candidate c;
        c.arch = o.arch;
        c.hash = codec_.hashCanonical(o.arch);
        c.objectives = objectiveVector(o);
        c.violation = violation(o);
        members.push_back(std::move(c));
    }
    sortByRank(members);
    if (members.size() > population_)
        members.resize(population_);
    return members;
}

// Evolution on predictions: the population starts from the best measured
// trials (by measurement, then scored like the rest); each generation breeds children never proposed, scores them with
// the predictors, and keeps the best of parents and children. Returns every
// child, best first.
std::vector<PredictorGuidedSearch::Candidate> PredictorGuidedSearch::evolve(const Models& models)
{
    std::vector<Candidate> population = measuredPopulation();
    if (population.empty())
        return {};
    // Parents and children compete on the same, predicted, scale: measured
    // values beside predictions would keep every child out, as predictions
    // regress to the mean.
    score(population, models);
    sortByRank(population);
    std::vector<Candidate> children;
    std::unordered_set<uint64_t> bred;
    const size_t perGeneration = std::max<size_t>(1, candidates_ / generations_);
    for (size_t g = 0; g < generations_; ++g) {
        std::vector<Candidate> generation;
        for (size_t tries = 0; generation.size() < perGeneration && tries < perGeneration * 8; ++tries) {
            Candidate c;
            c.arch = breed(population);
            c.hash = codec_.hashCanonical(c.arch);
            if (seen(c.arch) || !bred.insert(c.hash).second)
                continue;
            generation.push_back(std::move(c));
        }
        if (generation.empty())
            break;
        score(generation, models);
        children.insert(children.end(), generation.begin(), generation.end());
        population.insert(population.end(), generation.begin(), generation.end());
        sortByRank(population);
        population.resize(std::min(population.size(), population_));
    }
    sortByRank(children);
    return children;
}

// A tournament of two on rank (the population is sorted best first), a
// uniform crossover half the time, then one mutation; now and then a fresh
// sample keeps the search from collapsing onto one neighbourhood.
Architecture PredictorGuidedSearch::breed(const std::vector<Candidate>& population)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    if (unit(rng_) < 0.1)
        return sampler_.sample(rng_);
    std::uniform_int_distribution<size_t> pick(0, population.size() - 1);
    auto tournament = [&]() -> const Architecture& {
        return population[std::min(pick(rng_), pick(rng_))].arch;
    };
    Architecture child = tournament();
    if (unit(rng_) < 0.5)
        child = sampler_.crossover(child, tournament(), rng_);
    return sampler_.mutate(child, rng_);
}

// Constrained non-dominated fronts, each by crowding distance; stable, so
// ties keep their order and runs stay reproducible.
void PredictorGuidedSearch::sortByRank(std::vector<Candidate>& candidates)
{
    std::vector<std::vector<double>> points;
    std::vector<double> violations;
    for (const auto& c : candidates) {
        points.push_back(c.objectives);
        violations.push_back(c.violation);
    }
    std::vector<Candidate> sorted;
    sorted.reserve(candidates.size());
    for (const auto& front : ParetoRanking::constrainedNonDominatedSort(points, violations)) {
        std::vector<double> crowding = ParetoRanking::crowdingDistance(points, front);
        std::vector<size_t> order(front.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return crowding[a] > crowding[b];
        });
        for (size_t i : order)
            sorted.push_back(std::move(candidates[static_cast<size_t>(front[i])]));
    }
    candidates = std::move(sorted);
}

const std::vector<float>& PredictorGuidedSearch::featuresOf(const Architecture& arch, uint64_t hash)
{
    auto it = featureCache_.find(hash);
    if (it == featureCache_.end())
        it = featureCache_.emplace(hash, features_.of(arch)).first;
    return it->second;
}

double PredictorGuidedSearch::exactMetric(const std::string& metric, const Architecture& arch,
                                          uint64_t hash)
{
    auto it = costCache_.find(hash);
    if (it == costCache_.end()) {
        NetworkCost cost = NetworkCost::of(codec_.network(arch, false));
        it = costCache_.emplace(hash, std::make_pair(double(cost.params), double(cost.macs))).first;
    }
    return metric == "params" ? it->second.first : it->second.second;
}

} // namespace archscape
