#pragma once
// An IDX image/label pair (MNIST, Fashion-MNIST) held in memory as torch
// tensors: the images N×1×H×W in [0,1], the labels int64. Reads gzip'd
// files through a decompressed copy in a cache folder, or plain IDX files.

#include <torch/types.h>

#include <cstdint>
#include <string>

namespace archscape {

class IdxDataset
{
public:
    enum class Part { Train, Test };

    struct IndexSplit
    {
        torch::Tensor train;      // int64, ascending
        torch::Tensor validation; // int64, ascending
    };

    // Reads `<prefix>-images-idx3-ubyte` and `<prefix>-labels-idx1-ubyte`
    // from `folder` (prefix "train" for Train, "t10k" or "test" for Test).
    // Plain files are read in place; otherwise the `.gz` ones are
    // decompressed into `cacheFolder` (empty: defaultCacheFolder() of the
    // folder's name) unless a copy of the right size is already there.
    // Throws std::runtime_error naming the file for a missing, truncated or
    // malformed file and for image/label counts that differ.
    static IdxDataset load(const std::string& folder, Part part,
                           const std::string& cacheFolder = {});

    // $XDG_CACHE_HOME/archscape/datasets/<name>, or
    // ~/.cache/archscape/datasets/<name> when XDG_CACHE_HOME is unset.
    static std::string defaultCacheFolder(const std::string& name);

    const torch::Tensor& images() const { return images_; }
    const torch::Tensor& labels() const { return labels_; }
    int64_t size() const { return labels_.size(0); }

    // A random partition of 0..size()-1: round(validationFraction × size())
    // indices for validation, the rest for training. The same seed gives
    // the same partition on every platform. Throws std::invalid_argument
    // unless 0 <= validationFraction < 1.
    IndexSplit split(double validationFraction, uint64_t seed) const;

private:
    IdxDataset(torch::Tensor images, torch::Tensor labels);

    torch::Tensor images_;
    torch::Tensor labels_;
};

} // namespace archscape
