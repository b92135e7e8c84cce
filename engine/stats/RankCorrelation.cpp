#include "RankCorrelation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace archscape {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkPaired(const std::vector<double>& x, const std::vector<double>& y)
{
    if (x.size() != y.size())
        throw std::invalid_argument("rank correlation of samples of different sizes");
}

// Pairs tied in the sorted sequence `v`: sum over runs of t(t-1)/2.
int64_t tiedPairs(const std::vector<double>& v)
{
    int64_t ties = 0, run = 1;
    for (size_t i = 1; i <= v.size(); ++i) {
        if (i < v.size() && v[i] == v[i - 1]) {
            ++run;
        } else {
            ties += run * (run - 1) / 2;
            run = 1;
        }
    }
    return ties;
}

// Sorts v by merge sort and returns the number of swaps (discordant pairs).
int64_t mergeSortSwaps(std::vector<double>& v, std::vector<double>& scratch, size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return 0;
    size_t mid = lo + (hi - lo) / 2;
    int64_t swaps = mergeSortSwaps(v, scratch, lo, mid) + mergeSortSwaps(v, scratch, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        if (v[j] < v[i]) {
            swaps += static_cast<int64_t>(mid - i);
            scratch[k++] = v[j++];
        } else {
            scratch[k++] = v[i++];
        }
    }
    while (i < mid)
        scratch[k++] = v[i++];
    while (j < hi)
        scratch[k++] = v[j++];
    std::copy(scratch.begin() + lo, scratch.begin() + hi, v.begin() + lo);
    return swaps;
}

std::vector<double> ranks(const std::vector<double>& v)
{
    std::vector<size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    std::vector<double> rank(v.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
            ++j;
        double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
        for (size_t k = i; k <= j; ++k)
            rank[order[k]] = mean;
        i = j + 1;
    }
    return rank;
}

} // namespace

// Knight's algorithm: sort by (x, y), count ties, then count discordant
// pairs as the swaps a merge sort of y makes.
double kendallTau(const std::vector<double>& x, const std::vector<double>& y)
{
    checkPaired(x, y);
    const size_t n = x.size();
    if (n < 2)
        return kNaN;
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return x[a] != x[b] ? x[a] < x[b] : y[a] < y[b];
    });
    std::vector<double> xs(n), ys(n);
    for (size_t i = 0; i < n; ++i) {
        xs[i] = x[order[i]];
        ys[i] = y[order[i]];
    }
    int64_t tiedX = tiedPairs(xs), tiedXY = 0, run = 1;
    for (size_t i = 1; i <= n; ++i) {
        if (i < n && xs[i] == xs[i - 1] && ys[i] == ys[i - 1]) {
            ++run;
        } else {
            tiedXY += run * (run - 1) / 2;
            run = 1;
        }
    }
    std::vector<double> scratch(n);
    int64_t discordant = mergeSortSwaps(ys, scratch, 0, n);
    int64_t tiedY = tiedPairs(ys);
    const int64_t total = static_cast<int64_t>(n) * static_cast<int64_t>(n - 1) / 2;
    const double denominator = std::sqrt(static_cast<double>(total - tiedX))
                               * std::sqrt(static_cast<double>(total - tiedY));
    if (denominator == 0.0)
        return kNaN;
    const int64_t concordantMinusDiscordant = total - tiedX - tiedY + tiedXY - 2 * discordant;
    return static_cast<double>(concordantMinusDiscordant) / denominator;
}

double spearmanRho(const std::vector<double>& x, const std::vector<double>& y)
{
    checkPaired(x, y);
    if (x.size() < 2)
        return kNaN;
    std::vector<double> rx = ranks(x), ry = ranks(y);
    const double n = static_cast<double>(x.size());
    const double mean = (n + 1.0) / 2.0;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    if (sxx == 0.0 || syy == 0.0)
        return kNaN;
    return sxy / std::sqrt(sxx * syy);
}

} // namespace archscape
