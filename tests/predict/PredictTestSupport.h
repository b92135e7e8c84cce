#pragma once
// Shared by the predictor tests: the real NAS-Bench-201 table on the bundled
// space, split into a random training sample and held-out architectures,
// with their CIFAR-10 validation accuracy.

#include "eval/Nb201TableEvaluator.h"
#include "predict/ArchitectureFeatures.h"
#include "space/ArchitectureSampler.h"
#include "space/SpaceFile.h"

#include <QString>
#include <QtGlobal>

#include <memory>
#include <random>
#include <unordered_set>

namespace predicttest {

using namespace archscape;

struct Nb201Split
{
    FeatureMatrix trainFeatures, heldOutFeatures;
    std::vector<double> trainTargets, heldOutTargets;
};

inline const ArchitectureCodec& nb201Codec()
{
    static ArchitectureCodec codec(SpaceFile::load(
        (qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + "/resources/spaces/nb201.json").toStdString()));
    return codec;
}

inline std::shared_ptr<const Nb201Table> nb201Table()
{
    static auto table = std::make_shared<const Nb201Table>(
        (qEnvironmentVariable("ARCHSCAPE_SHARED_DATA") + "/nb201/nb201_cifar10.csv").toStdString());
    return table;
}

// `train` distinct random architectures and `heldOut` others, by seed.
inline Nb201Split nb201Split(size_t train, size_t heldOut, uint64_t seed, bool withCost = false)
{
    const ArchitectureCodec& codec = nb201Codec();
    ArchitectureSampler sampler(codec);
    Nb201TableEvaluator evaluator(codec, nb201Table());
    ArchitectureFeatures features(codec, withCost);
    std::mt19937_64 rng(seed);
    std::unordered_set<uint64_t> seen;
    Nb201Split split;
    while (split.trainTargets.size() + split.heldOutTargets.size() < train + heldOut) {
        Architecture a = sampler.sample(rng);
        if (!seen.insert(codec.hashCanonical(a)).second)
            continue;
        double acc = evaluator.evaluate(a).metrics.at("valid_acc");
        bool toTrain = split.trainTargets.size() < train;
        (toTrain ? split.trainFeatures : split.heldOutFeatures).push_back(features.of(a));
        (toTrain ? split.trainTargets : split.heldOutTargets).push_back(acc);
    }
    return split;
}

inline std::vector<double> means(const std::vector<Prediction>& predictions)
{
    std::vector<double> m;
    for (const auto& p : predictions)
        m.push_back(p.mean);
    return m;
}

} // namespace predicttest
