#pragma once
// Rank agreement between two paired samples: how well a predictor or a
// proxy orders architectures. Both return NaN for fewer than two pairs or
// a constant sample.

#include <vector>

namespace archscape {

// Kendall's tau-b (ties counted as in scipy.stats.kendalltau), O(n log n).
double kendallTau(const std::vector<double>& x, const std::vector<double>& y);
// Spearman's rho: Pearson correlation of the ranks, ties given their mean rank.
double spearmanRho(const std::vector<double>& x, const std::vector<double>& y);

} // namespace archscape
