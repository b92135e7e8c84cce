#include "torch/IdxDataset.h"

#include <torch/torch.h>

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <random>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace archscape {

namespace {

constexpr uint32_t kImageMagic = 0x00000803; // unsigned bytes, 3 dimensions
constexpr uint32_t kLabelMagic = 0x00000801; // unsigned bytes, 1 dimension

[[noreturn]] void fail(const fs::path& file, const std::string& problem)
{
    throw std::runtime_error("IdxDataset: " + file.string() + ": " + problem);
}

uint32_t bigEndian(const std::vector<uint8_t>& bytes, size_t offset)
{
    return (uint32_t(bytes[offset]) << 24) | (uint32_t(bytes[offset + 1]) << 16)
        | (uint32_t(bytes[offset + 2]) << 8) | uint32_t(bytes[offset + 3]);
}

std::vector<uint8_t> readAll(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        fail(file, "cannot be opened");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<size_t>(in.tellg());
    in.seekg(0);
    std::vector<uint8_t> bytes(size);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size)))
        fail(file, "cannot be read");
    return bytes;
}

// gzip's trailer holds the uncompressed size modulo 2^32: enough to tell a
// complete cached copy from a stale or partial one without inflating again.
uint32_t gzipStoredSize(const fs::path& gz)
{
    std::ifstream in(gz, std::ios::binary);
    in.seekg(0, std::ios::end);
    if (!in || in.tellg() < 18)
        fail(gz, "truncated: too short for a gzip file");
    in.seekg(-4, std::ios::end);
    unsigned char t[4];
    if (!in.read(reinterpret_cast<char*>(t), 4))
        fail(gz, "cannot be read");
    return uint32_t(t[0]) | (uint32_t(t[1]) << 8) | (uint32_t(t[2]) << 16) | (uint32_t(t[3]) << 24);
}

void gunzip(const fs::path& gz, const fs::path& target)
{
    static std::atomic<unsigned> counter{0};
    // A unique temporary name, then rename(): another process loading the
    // same data never sees (or keeps) a half-written copy.
    const fs::path temp = target.string() + ".tmp." + std::to_string(::getpid()) + "."
        + std::to_string(counter++);
    {
        std::unique_ptr<gzFile_s, int (*)(gzFile)> in(gzopen(gz.c_str(), "rb"), gzclose);
        if (!in)
            fail(gz, "cannot be opened");
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            fail(temp, "cannot be written");
        std::vector<char> buffer(1 << 20);
        for (;;) {
            const int n = gzread(in.get(), buffer.data(), unsigned(buffer.size()));
            if (n < 0) {
                int code = 0;
                const std::string message = gzerror(in.get(), &code);
                out.close();
                fs::remove(temp);
                fail(gz, "corrupt gzip data (" + message + ")");
            }
            if (n == 0)
                break;
            out.write(buffer.data(), n);
        }
        // gzread() reports a stream cut short as a plain end of file; only
        // gzclose() (Z_BUF_ERROR) tells.
        const bool complete = gzclose(in.release()) == Z_OK;
        if (!complete) {
            out.close();
            fs::remove(temp);
            fail(gz, "truncated gzip data");
        }
        out.close();
        if (!out) {
            fs::remove(temp);
            fail(temp, "cannot be written");
        }
    }
    std::error_code error;
    fs::rename(temp, target, error);
    if (error) {
        fs::remove(temp);
        fail(target, "cannot be written: " + error.message());
    }
}

// The plain IDX file `<prefix>-<kind>`: in place when the folder has it,
// otherwise the cached copy of `<prefix>-<kind>.gz`.
fs::path locate(const fs::path& folder, const std::vector<std::string>& prefixes,
                const std::string& kind, const fs::path& cache)
{
    for (const auto& prefix : prefixes) {
        const fs::path plain = folder / (prefix + "-" + kind);
        if (fs::is_regular_file(plain))
            return plain;
        const fs::path gz = folder / (prefix + "-" + kind + ".gz");
        if (!fs::is_regular_file(gz))
            continue;
        const fs::path cached = cache / plain.filename();
        std::error_code error;
        const auto cachedSize = fs::file_size(cached, error);
        if (error || uint32_t(cachedSize) != gzipStoredSize(gz)) {
            fs::create_directories(cache, error);
            if (error)
                fail(cache, "cannot create the cache folder: " + error.message());
            gunzip(gz, cached);
        }
        return cached;
    }
    fail(folder / (prefixes.front() + "-" + kind + "[.gz]"), "not found");
}

size_t checkHeader(const fs::path& file, const std::vector<uint8_t>& bytes, uint32_t magic,
                   size_t dimensions)
{
    const size_t header = 4 + 4 * dimensions;
    if (bytes.size() < header)
        fail(file, "truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the "
                 + std::to_string(header) + "-byte header");
    const uint32_t found = bigEndian(bytes, 0);
    if (found != magic) {
        char text[64];
        std::snprintf(text, sizeof text, "wrong magic number 0x%08x, expected 0x%08x", found, magic);
        fail(file, text);
    }
    size_t expected = 1;
    for (size_t d = 0; d < dimensions; ++d) {
        const uint32_t extent = bigEndian(bytes, 4 + 4 * d);
        if (extent == 0 && d > 0)
            fail(file, "dimension " + std::to_string(d) + " is zero");
        expected *= extent;
    }
    expected += header;
    if (bytes.size() < expected)
        fail(file, "truncated: " + std::to_string(bytes.size()) + " bytes, the header promises "
                 + std::to_string(expected));
    if (bytes.size() > expected)
        fail(file, std::to_string(bytes.size() - expected) + " bytes after the data the header promises");
    return header;
}

} // namespace

IdxDataset::IdxDataset(torch::Tensor images, torch::Tensor labels)
    : images_(std::move(images)), labels_(std::move(labels))
{
}

std::string IdxDataset::defaultCacheFolder(const std::string& name)
{
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".cache";
    else
        base = fs::temp_directory_path();
    return (base / "archscape" / "datasets" / name).string();
}

IdxDataset IdxDataset::load(const std::string& folder, Part part, const std::string& cacheFolder)
{
    const fs::path dir(folder);
    if (!fs::is_directory(dir))
        fail(dir, "not a folder");
    const fs::path name = dir.has_filename() ? dir.filename() : dir.parent_path().filename();
    const fs::path cache = cacheFolder.empty() ? fs::path(defaultCacheFolder(name.string()))
                                               : fs::path(cacheFolder);
    const std::vector<std::string> prefixes = part == Part::Train
        ? std::vector<std::string>{"train"}
        : std::vector<std::string>{"t10k", "test"};

    const fs::path imageFile = locate(dir, prefixes, "images-idx3-ubyte", cache);
    const fs::path labelFile = locate(dir, prefixes, "labels-idx1-ubyte", cache);

    const std::vector<uint8_t> imageBytes = readAll(imageFile);
    const size_t imageHeader = checkHeader(imageFile, imageBytes, kImageMagic, 3);
    const std::vector<uint8_t> labelBytes = readAll(labelFile);
    const size_t labelHeader = checkHeader(labelFile, labelBytes, kLabelMagic, 1);

    const int64_t count = bigEndian(imageBytes, 4);
    const int64_t height = bigEndian(imageBytes, 8);
    const int64_t width = bigEndian(imageBytes, 12);
    const int64_t labelCount = bigEndian(labelBytes, 4);
    if (count != labelCount)
        fail(labelFile, "holds " + std::to_string(labelCount) + " labels but "
                 + imageFile.filename().string() + " holds " + std::to_string(count) + " images");

    // from_blob borrows the bytes; the conversions copy before they go.
    auto images = torch::from_blob(const_cast<uint8_t*>(imageBytes.data()) + imageHeader,
                                   {count, 1, height, width}, torch::kUInt8)
                      .to(torch::kFloat32)
                      .div_(255.0f);
    auto labels = torch::from_blob(const_cast<uint8_t*>(labelBytes.data()) + labelHeader,
                                   {count}, torch::kUInt8)
                      .to(torch::kInt64);
    return IdxDataset(std::move(images), std::move(labels));
}

IdxDataset::IndexSplit IdxDataset::split(double validationFraction, uint64_t seed) const
{
    if (!(validationFraction >= 0.0 && validationFraction < 1.0))
        throw std::invalid_argument("IdxDataset::split: the validation fraction must be in [0, 1)");
    const int64_t n = size();
    const auto validationCount = static_cast<int64_t>(std::llround(validationFraction * double(n)));

    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), int64_t{0});
    // Fisher-Yates by hand: std::shuffle and the standard distributions
    // differ between standard libraries, mt19937_64's output does not.
    std::mt19937_64 random(seed);
    for (int64_t i = n - 1; i > 0; --i)
        std::swap(order[size_t(i)], order[size_t(random() % uint64_t(i + 1))]);

    std::vector<int64_t> validation(order.begin(), order.begin() + validationCount);
    std::vector<int64_t> train(order.begin() + validationCount, order.end());
    std::sort(validation.begin(), validation.end());
    std::sort(train.begin(), train.end());
    auto tensor = [](const std::vector<int64_t>& v) {
        return torch::tensor(at::ArrayRef<int64_t>(v), torch::kInt64);
    };
    return {tensor(train), tensor(validation)};
}

} // namespace archscape
