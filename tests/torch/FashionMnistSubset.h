#pragma once
// Shared by the training tests: the first images of the real Fashion-MNIST
// (from the Debian package) written as a small IDX data set, so that a
// test trains and evaluates on a few thousand real images rather than
// 70,000.

#include "torch/IdxDataset.h"

#include <torch/torch.h>

#include <QDir>
#include <QString>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace torchtest {

inline const char* fashionMnistFolder()
{
    return "/usr/share/datasets/fashion-mnist";
}

inline void putBigEndian(std::vector<uint8_t>& bytes, uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.push_back(uint8_t(value >> shift));
}

inline void writeIdx(const std::string& file, uint32_t magic, const std::vector<uint32_t>& extents,
                     const torch::Tensor& bytesTensor)
{
    std::vector<uint8_t> bytes;
    putBigEndian(bytes, magic);
    for (uint32_t e : extents)
        putBigEndian(bytes, e);
    const torch::Tensor flat = bytesTensor.contiguous().view(-1);
    const uint8_t* data = flat.data_ptr<uint8_t>();
    bytes.insert(bytes.end(), data, data + flat.numel());
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

inline void writePart(const archscape::IdxDataset& part, int64_t count, const std::string& prefix)
{
    const torch::Tensor images =
        part.images().slice(0, 0, count).mul(255.0f).round_().to(torch::kUInt8);
    const torch::Tensor labels = part.labels().slice(0, 0, count).to(torch::kUInt8);
    writeIdx(prefix + "-images-idx3-ubyte", 0x803,
             {uint32_t(count), uint32_t(images.size(2)), uint32_t(images.size(3))}, images);
    writeIdx(prefix + "-labels-idx1-ubyte", 0x801, {uint32_t(count)}, labels);
}

// Writes the first `trainCount` training and `testCount` test images of
// Fashion-MNIST into `folder` (created if needed) as plain IDX files, and
// returns the folder's path.
inline std::string writeFashionMnistSubset(const QString& folder, int64_t trainCount,
                                           int64_t testCount)
{
    using archscape::IdxDataset;
    QDir().mkpath(folder);
    const std::string base = folder.toStdString();
    writePart(IdxDataset::load(fashionMnistFolder(), IdxDataset::Part::Train), trainCount,
              base + "/train");
    writePart(IdxDataset::load(fashionMnistFolder(), IdxDataset::Part::Test), testCount,
              base + "/t10k");
    return base;
}

} // namespace torchtest
