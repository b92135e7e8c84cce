#include "AdditiveMetricModel.h"

#include <cmath>
#include <utility>

namespace archscape {

namespace {

constexpr double kRidge = 1e-6;

// Solves a·x = b for a symmetric positive definite `a` (Gaussian
// elimination with partial pivoting); `a` and `b` are overwritten.
std::vector<double> solve(std::vector<std::vector<double>>& a, std::vector<double>& b)
{
    const size_t n = b.size();
    for (size_t col = 0; col < n; ++col) {
        size_t pivot = col;
        for (size_t r = col + 1; r < n; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col]))
                pivot = r;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (size_t r = col + 1; r < n; ++r) {
            const double factor = a[r][col] / a[col][col];
            for (size_t c = col; c < n; ++c)
                a[r][c] -= factor * a[col][c];
            b[r] -= factor * b[col];
        }
    }
    std::vector<double> x(n);
    for (size_t r = n; r-- > 0;) {
        double sum = b[r];
        for (size_t c = r + 1; c < n; ++c)
            sum -= a[r][c] * x[c];
        x[r] = sum / a[r][r];
    }
    return x;
}

} // namespace

AdditiveMetricModel::AdditiveMetricModel(const ArchitectureCodec& codec, size_t minimumResults)
    : codec_(&codec), minimumResults_(minimumResults)
{
}

std::vector<double> AdditiveMetricModel::featuresOf(const Architecture& arch) const
{
    const std::vector<float> oneHot = codec_->features(arch);
    std::vector<double> features(oneHot.begin(), oneHot.end());
    features.push_back(1.0);
    return features;
}

void AdditiveMetricModel::fit(const std::vector<Observation>& results, const std::string& metric)
{
    const size_t n = size_t(codec_->featureLength()) + 1;
    std::vector<std::vector<double>> gram(n, std::vector<double>(n, 0.0));
    std::vector<double> moment(n, 0.0);
    size_t used = 0;
    for (const Observation& o : results) {
        auto value = o.metrics.find(metric);
        if (o.state != TrialState::Complete || value == o.metrics.end())
            continue;
        const std::vector<double> x = featuresOf(o.arch);
        for (size_t i = 0; i < n; ++i) {
            if (x[i] == 0.0)
                continue;
            moment[i] += x[i] * value->second;
            for (size_t j = 0; j < n; ++j)
                gram[i][j] += x[i] * x[j];
        }
        ++used;
    }
    if (used < minimumResults_)
        return;
    for (size_t i = 0; i < n; ++i)
        gram[i][i] += kRidge * double(used);
    weights_ = solve(gram, moment);
}

double AdditiveMetricModel::predict(const Architecture& arch) const
{
    const std::vector<double> x = featuresOf(arch);
    double sum = 0.0;
    for (size_t i = 0; i < x.size(); ++i)
        sum += weights_[i] * x[i];
    return sum;
}

} // namespace archscape
