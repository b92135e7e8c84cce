#include "XgboostPredictor.h"

#include <nlohmann/json.hpp>
#include <xgboost/c_api.h>

#include <cmath>
#include <stdexcept>

namespace archscape {

namespace {

void check(int status, const char* what)
{
    if (status != 0)
        throw std::runtime_error(std::string("xgboost: ") + what + ": " + XGBGetLastError());
}

class Matrix
{
public:
    explicit Matrix(const FeatureMatrix& rows, size_t columns)
    {
        std::vector<float> dense;
        dense.reserve(rows.size() * columns);
        for (const auto& r : rows) {
            if (r.size() != columns)
                throw std::invalid_argument("predictor features: a row has "
                                            + std::to_string(r.size()) + " values, expected "
                                            + std::to_string(columns));
            dense.insert(dense.end(), r.begin(), r.end());
        }
        check(XGDMatrixCreateFromMat(dense.data(), rows.size(), columns, NAN, &handle_),
              "creating a matrix");
    }
    ~Matrix() { XGDMatrixFree(handle_); }
    Matrix(const Matrix&) = delete;
    Matrix& operator=(const Matrix&) = delete;
    DMatrixHandle handle() const { return handle_; }

private:
    DMatrixHandle handle_ = nullptr;
};

} // namespace

class XgboostPredictor::Booster
{
public:
    Booster(const Matrix& train, const XgboostSettings& s, uint64_t seed, double baseScore)
    {
        DMatrixHandle dmats[] = {train.handle()};
        check(XGBoosterCreate(dmats, 1, &handle_), "creating a booster");
        set("nthread", "1");
        set("verbosity", "0");
        set("tree_method", "exact");
        set("objective", "reg:squarederror");
        set("seed", std::to_string(seed % 2147483647u));
        set("max_depth", std::to_string(s.maxDepth));
        set("eta", std::to_string(s.eta));
        set("subsample", std::to_string(s.subsample));
        set("colsample_bytree", std::to_string(s.colsample));
        set("min_child_weight", std::to_string(s.minChildWeight));
        set("base_score", std::to_string(baseScore));
        for (int i = 0; i < s.rounds; ++i)
            check(XGBoosterUpdateOneIter(handle_, i, train.handle()), "training");
    }
    ~Booster() { XGBoosterFree(handle_); }
    Booster(const Booster&) = delete;
    Booster& operator=(const Booster&) = delete;

    std::vector<double> predict(const Matrix& m) const
    {
        bst_ulong length = 0;
        const float* out = nullptr;
        check(XGBoosterPredict(handle_, m.handle(), 0, 0, 0, &length, &out), "predicting");
        return std::vector<double>(out, out + length);
    }

private:
    void set(const char* key, const std::string& value)
    {
        check(XGBoosterSetParam(handle_, key, value.c_str()), key);
    }
    BoosterHandle handle_ = nullptr;
};

XgboostPredictor::XgboostPredictor(XgboostSettings settings) : settings_(settings)
{
    if (settings_.members < 1 || settings_.rounds < 1 || settings_.maxDepth < 1)
        throw std::invalid_argument("xgboost predictor: members, rounds and max_depth must be at least 1");
    if (!(settings_.subsample > 0.0 && settings_.subsample <= 1.0))
        throw std::invalid_argument("xgboost predictor: subsample must be in (0, 1]");
}

XgboostPredictor::~XgboostPredictor() = default;

std::string XgboostPredictor::settingsJson() const
{
    nlohmann::json j;
    j["model"] = "xgboost";
    j["rounds"] = settings_.rounds;
    j["max_depth"] = settings_.maxDepth;
    j["eta"] = settings_.eta;
    j["subsample"] = settings_.subsample;
    j["colsample_bytree"] = settings_.colsample;
    j["min_child_weight"] = settings_.minChildWeight;
    j["members"] = settings_.members;
    j["seed"] = settings_.seed;
    j["uncertainty"] = settings_.members > 1 ? "ensemble spread (seeds, row subsamples)" : "none";
    return j.dump();
}

void XgboostPredictor::fit(const FeatureMatrix& features, const std::vector<double>& targets)
{
    if (features.empty() || features.size() != targets.size())
        throw std::invalid_argument("xgboost predictor: needs one target per feature row, and at least one row");
    featureCount_ = features.front().size();
    Matrix train(features, featureCount_);
    std::vector<float> labels(targets.begin(), targets.end());
    check(XGDMatrixSetFloatInfo(train.handle(), "label", labels.data(), labels.size()),
          "setting labels");
    double mean = 0.0;
    for (double t : targets)
        mean += t;
    mean /= double(targets.size());
    members_.clear();
    for (int m = 0; m < settings_.members; ++m)
        members_.push_back(std::make_unique<Booster>(train, settings_,
                                                     settings_.seed * 7919u + uint64_t(m), mean));
}

std::vector<Prediction> XgboostPredictor::predict(const FeatureMatrix& features) const
{
    if (members_.empty())
        throw std::logic_error("xgboost predictor: predict() before fit()");
    if (features.empty())
        return {};
    Matrix m(features, featureCount_);
    std::vector<std::vector<double>> byMember;
    for (const auto& b : members_)
        byMember.push_back(b->predict(m));
    std::vector<Prediction> out(features.size());
    for (size_t i = 0; i < out.size(); ++i) {
        double sum = 0.0, squares = 0.0;
        for (const auto& p : byMember) {
            sum += p[i];
            squares += p[i] * p[i];
        }
        double n = double(byMember.size());
        out[i].mean = sum / n;
        if (byMember.size() > 1)
            out[i].stddev = std::sqrt(std::max(0.0, squares / n - out[i].mean * out[i].mean));
    }
    return out;
}

} // namespace archscape
