#include "MlpPredictor.h"

#include "predict/PredictorRegistry.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace archscape {

struct MlpPredictor::Member
{
    torch::nn::Sequential body{nullptr};
    torch::nn::Linear head{nullptr};
};

namespace {

torch::Tensor matrix(const FeatureMatrix& rows, size_t columns)
{
    std::vector<float> dense;
    dense.reserve(rows.size() * columns);
    for (const auto& r : rows) {
        if (r.size() != columns)
            throw std::invalid_argument("predictor features: a row has " + std::to_string(r.size())
                                        + " values, expected " + std::to_string(columns));
        dense.insert(dense.end(), r.begin(), r.end());
    }
    return torch::from_blob(dense.data(), {int64_t(rows.size()), int64_t(columns)}, torch::kFloat32)
        .clone();
}

// Standardised columns: every statistic or target weighs the same in the loss.
torch::Tensor standardized(const torch::Tensor& t)
{
    return (t - t.mean(0)) / (t.std(0, true) + 1e-6);
}

void train(torch::nn::Sequential& body, torch::nn::Linear& head, const torch::Tensor& x,
           const torch::Tensor& y, const MlpSettings& s, int epochs)
{
    std::vector<torch::Tensor> parameters = body->parameters();
    for (const auto& p : head->parameters())
        parameters.push_back(p);
    torch::optim::Adam optimizer(parameters,
                                 torch::optim::AdamOptions(s.learningRate).weight_decay(s.weightDecay));
    body->train();
    for (int e = 0; e < epochs; ++e) {
        optimizer.zero_grad();
        torch::Tensor loss = torch::mse_loss(head->forward(body->forward(x)), y);
        loss.backward();
        optimizer.step();
    }
}

} // namespace

MlpPredictor::MlpPredictor(MlpSettings settings) : settings_(settings)
{
    if (settings_.members < 1 || settings_.hidden < 1 || settings_.epochs < 1)
        throw std::invalid_argument("mlp predictor: members, hidden and epochs must be at least 1");
}

MlpPredictor::~MlpPredictor() = default;

std::string MlpPredictor::settingsJson() const
{
    nlohmann::json j;
    j["model"] = "mlp";
    j["members"] = settings_.members;
    j["hidden"] = settings_.hidden;
    j["layers"] = 2;
    j["epochs"] = settings_.epochs;
    j["learning_rate"] = settings_.learningRate;
    j["weight_decay"] = settings_.weightDecay;
    j["pretrained_on_free_statistics"] = pretrained_;
    j["pretrain_epochs"] = settings_.pretrainEpochs;
    j["seed"] = settings_.seed;
    j["uncertainty"] = settings_.members > 1 ? "ensemble spread (seeds)" : "none";
    return j.dump();
}

void MlpPredictor::pretrain(const FeatureMatrix& features,
                            const std::vector<std::vector<double>>& statistics)
{
    if (features.empty() || features.size() != statistics.size())
        throw std::invalid_argument("mlp predictor: pretraining needs one row of statistics per feature row");
    featureCount_ = features.front().size();
    const size_t columns = statistics.front().size();
    FeatureMatrix stats;
    for (const auto& row : statistics) {
        if (row.size() != columns || columns == 0)
            throw std::invalid_argument("mlp predictor: every row of statistics needs the same, non-zero length");
        stats.emplace_back(row.begin(), row.end());
    }
    torch::Tensor x = matrix(features, featureCount_);
    torch::Tensor y = standardized(matrix(stats, columns));
    bodies_.clear();
    for (int m = 0; m < settings_.members; ++m) {
        torch::manual_seed(settings_.seed * 7919u + uint64_t(m));
        auto member = std::make_unique<Member>();
        const int64_t h = settings_.hidden;
        member->body = torch::nn::Sequential(torch::nn::Linear(int64_t(featureCount_), h),
                                             torch::nn::ReLU(), torch::nn::Linear(h, h),
                                             torch::nn::ReLU());
        torch::nn::Linear statsHead(h, int64_t(columns));
        train(member->body, statsHead, x, y, settings_, settings_.pretrainEpochs);
        bodies_.push_back(std::move(member));
    }
    pretrained_ = true;
}

void MlpPredictor::fit(const FeatureMatrix& features, const std::vector<double>& targets)
{
    if (features.empty() || features.size() != targets.size())
        throw std::invalid_argument("mlp predictor: needs one target per feature row, and at least one row");
    if (pretrained_ && features.front().size() != featureCount_)
        throw std::invalid_argument("mlp predictor: the features differ in length from the pretraining ones");
    featureCount_ = features.front().size();
    torch::Tensor x = matrix(features, featureCount_);
    std::vector<float> t(targets.begin(), targets.end());
    torch::Tensor y = torch::from_blob(t.data(), {int64_t(t.size()), 1}, torch::kFloat32).clone();
    targetMean_ = y.mean().item<double>();
    targetScale_ = targets.size() > 1 ? y.std().item<double>() + 1e-6 : 1.0;
    y = (y - targetMean_) / targetScale_;

    members_.clear();
    for (int m = 0; m < settings_.members; ++m) {
        torch::manual_seed(settings_.seed * 7919u + 104729u + uint64_t(m));
        auto member = std::make_unique<Member>();
        const int64_t h = settings_.hidden;
        if (pretrained_)
            member->body = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(
                bodies_[size_t(m)]->body->clone());
        else
            member->body = torch::nn::Sequential(torch::nn::Linear(int64_t(featureCount_), h),
                                                 torch::nn::ReLU(), torch::nn::Linear(h, h),
                                                 torch::nn::ReLU());
        member->head = torch::nn::Linear(h, 1);
        train(member->body, member->head, x, y, settings_, settings_.epochs);
        members_.push_back(std::move(member));
    }
}

std::vector<Prediction> MlpPredictor::predict(const FeatureMatrix& features) const
{
    if (members_.empty())
        throw std::logic_error("mlp predictor: predict() before fit()");
    if (features.empty())
        return {};
    torch::NoGradGuard noGrad;
    torch::Tensor x = matrix(features, featureCount_);
    std::vector<torch::Tensor> outputs;
    for (const auto& m : members_) {
        m->body->eval();
        outputs.push_back(m->head->forward(m->body->forward(x)).squeeze(1));
    }
    torch::Tensor all = torch::stack(outputs) * targetScale_ + targetMean_; // members x rows
    torch::Tensor mean = all.mean(0);
    torch::Tensor spread = outputs.size() > 1 ? all.std(0, false) : torch::zeros_like(mean);
    std::vector<Prediction> out(features.size());
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].mean = mean[int64_t(i)].item<double>();
        if (outputs.size() > 1)
            out[i].stddev = spread[int64_t(i)].item<double>();
    }
    return out;
}

void registerMlpPredictor()
{
    PredictorRegistry::add("mlp", [](const PredictorRequest& request) {
        MlpSettings settings;
        settings.members = request.members;
        settings.seed = request.seed;
        return std::unique_ptr<Predictor>(std::make_unique<MlpPredictor>(settings));
    });
}

} // namespace archscape
