// IdxDataset: the real Fashion-MNIST loads with the known counts, classes
// and pixel mean through a cache written once; split() partitions
// reproducibly; malformed IDX files are refused naming the file.

#include "torch/IdxDataset.h"

#include <torch/torch.h>

#include <QtTest>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

using namespace archscape;
namespace fs = std::filesystem;

namespace {

const char* const kFashionMnist = "/usr/share/datasets/fashion-mnist";

void writeBytes(const fs::path& file, const std::vector<uint8_t>& bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void putBigEndian(std::vector<uint8_t>& bytes, uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.push_back(uint8_t(value >> shift));
}

std::vector<uint8_t> idxImages(uint32_t count, uint32_t height, uint32_t width, uint32_t magic = 0x803)
{
    std::vector<uint8_t> bytes;
    putBigEndian(bytes, magic);
    putBigEndian(bytes, count);
    putBigEndian(bytes, height);
    putBigEndian(bytes, width);
    for (uint32_t i = 0; i < count * height * width; ++i)
        bytes.push_back(uint8_t(i % 2 ? 255 : 0));
    return bytes;
}

std::vector<uint8_t> idxLabels(uint32_t count, uint32_t magic = 0x801)
{
    std::vector<uint8_t> bytes;
    putBigEndian(bytes, magic);
    putBigEndian(bytes, count);
    for (uint32_t i = 0; i < count; ++i)
        bytes.push_back(uint8_t(i % 10));
    return bytes;
}

// The message of the runtime_error loading `folder` throws; empty if none.
QString loadError(const fs::path& folder, IdxDataset::Part part = IdxDataset::Part::Train,
                  const fs::path& cache = {})
{
    try {
        IdxDataset::load(folder.string(), part, cache.string());
    } catch (const std::runtime_error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

class TestIdxDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainSetMatchesFashionMnist();
    void testSetMatchesFashionMnist();
    void cacheIsWrittenOnceAndReused();
    void defaultCacheFolderFollowsXdg();
    void splitPartitionsReproducibly();
    void plainFilesLoadInPlace();
    void truncatedFilesAreRefused();
    void wrongMagicIsRefused();
    void mismatchedCountsAreRefused();

private:
    QTemporaryDir cache_;
};

void TestIdxDataset::initTestCase()
{
    if (!fs::is_regular_file(fs::path(kFashionMnist) / "train-images-idx3-ubyte.gz"))
        QFAIL("Fashion-MNIST is missing: install the dataset-fashion-mnist package");
    QVERIFY(cache_.isValid());
}

void TestIdxDataset::trainSetMatchesFashionMnist()
{
    const auto data = IdxDataset::load(kFashionMnist, IdxDataset::Part::Train, cache_.path().toStdString());
    QCOMPARE(data.images().sizes().vec(), (std::vector<int64_t>{60000, 1, 28, 28}));
    QCOMPARE(data.images().scalar_type(), torch::kFloat32);
    QCOMPARE(data.labels().sizes().vec(), (std::vector<int64_t>{60000}));
    QCOMPARE(data.labels().scalar_type(), torch::kInt64);
    QCOMPARE(data.size(), int64_t{60000});
    QCOMPARE(data.labels().min().item<int64_t>(), int64_t{0});
    QCOMPARE(data.labels().max().item<int64_t>(), int64_t{9});
    const auto counts = torch::bincount(data.labels(), {}, 10);
    for (int64_t c = 0; c < 10; ++c)
        QCOMPARE(counts[c].item<int64_t>(), int64_t{6000});
    QCOMPARE(data.images().min().item<float>(), 0.0f);
    QCOMPARE(data.images().max().item<float>(), 1.0f);
    const double mean = data.images().mean().item<double>();
    QVERIFY2(std::abs(mean - 0.2860) < 0.001, qPrintable(QString::number(mean)));
}

void TestIdxDataset::testSetMatchesFashionMnist()
{
    const auto data = IdxDataset::load(kFashionMnist, IdxDataset::Part::Test, cache_.path().toStdString());
    QCOMPARE(data.images().sizes().vec(), (std::vector<int64_t>{10000, 1, 28, 28}));
    QCOMPARE(data.labels().sizes().vec(), (std::vector<int64_t>{10000}));
    const auto counts = torch::bincount(data.labels(), {}, 10);
    QCOMPARE(counts.sum().item<int64_t>(), int64_t{10000});
    for (int64_t c = 0; c < 10; ++c)
        QCOMPARE(counts[c].item<int64_t>(), int64_t{1000});
}

void TestIdxDataset::cacheIsWrittenOnceAndReused()
{
    QTemporaryDir cache;
    const fs::path folder = cache.path().toStdString();
    const fs::path images = folder / "train-images-idx3-ubyte";
    const fs::path labels = folder / "train-labels-idx1-ubyte";

    auto start = std::chrono::steady_clock::now();
    IdxDataset::load(kFashionMnist, IdxDataset::Part::Train, folder.string());
    const double first = secondsSince(start);
    QVERIFY(fs::is_regular_file(images));
    QCOMPARE(fs::file_size(images), uintmax_t{16 + 60000 * 28 * 28});
    QCOMPARE(fs::file_size(labels), uintmax_t{8 + 60000});
    // Only the two IDX files: no temporary left behind.
    QCOMPARE(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 2);

    // Backdate the copies so a rewrite would show even within the clock's
    // resolution.
    const auto old = fs::last_write_time(images) - std::chrono::hours(1);
    fs::last_write_time(images, old);
    fs::last_write_time(labels, old);
    start = std::chrono::steady_clock::now();
    const auto again = IdxDataset::load(kFashionMnist, IdxDataset::Part::Train, folder.string());
    const double cached = secondsSince(start);
    QCOMPARE(again.size(), int64_t{60000});
    QVERIFY(fs::last_write_time(images) == old);
    QVERIFY(fs::last_write_time(labels) == old);
    qInfo("train split: first load (gunzip) %.2f s, cached load %.2f s", first, cached);

    // A partial copy (wrong size) is replaced, not trusted.
    fs::resize_file(images, 1000);
    const auto repaired = IdxDataset::load(kFashionMnist, IdxDataset::Part::Train, folder.string());
    QCOMPARE(repaired.size(), int64_t{60000});
    QCOMPARE(fs::file_size(images), uintmax_t{16 + 60000 * 28 * 28});
}

void TestIdxDataset::defaultCacheFolderFollowsXdg()
{
    const QByteArray saved = qgetenv("XDG_CACHE_HOME");
    const bool had = qEnvironmentVariableIsSet("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", "/somewhere/cache");
    QCOMPARE(QString::fromStdString(IdxDataset::defaultCacheFolder("fashion-mnist")),
             QStringLiteral("/somewhere/cache/archscape/datasets/fashion-mnist"));
    qunsetenv("XDG_CACHE_HOME");
    QCOMPARE(QString::fromStdString(IdxDataset::defaultCacheFolder("fashion-mnist")),
             QDir::homePath() + "/.cache/archscape/datasets/fashion-mnist");
    if (had)
        qputenv("XDG_CACHE_HOME", saved);
}

void TestIdxDataset::splitPartitionsReproducibly()
{
    const auto data = IdxDataset::load(kFashionMnist, IdxDataset::Part::Train, cache_.path().toStdString());
    const auto a = data.split(0.1, 42);
    QCOMPARE(a.validation.size(0), int64_t{6000});
    QCOMPARE(a.train.size(0), int64_t{54000});
    QCOMPARE(a.validation.scalar_type(), torch::kInt64);
    // Disjoint and covering: together they are 0..59999 exactly once each.
    const auto all = std::get<0>(torch::sort(torch::cat({a.train, a.validation})));
    QVERIFY(torch::equal(all, torch::arange(60000, torch::kInt64)));

    const auto same = data.split(0.1, 42);
    QVERIFY(torch::equal(a.validation, same.validation));
    QVERIFY(torch::equal(a.train, same.train));
    const auto other = data.split(0.1, 43);
    QCOMPARE(other.validation.size(0), int64_t{6000});
    QVERIFY(!torch::equal(a.validation, other.validation));

    QCOMPARE(data.split(0.0, 1).validation.size(0), int64_t{0});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, data.split(1.0, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, data.split(-0.1, 1));
}

void TestIdxDataset::plainFilesLoadInPlace()
{
    QTemporaryDir dir;
    QTemporaryDir cache;
    const fs::path folder = dir.path().toStdString();
    writeBytes(folder / "t10k-images-idx3-ubyte", idxImages(5, 3, 4));
    writeBytes(folder / "t10k-labels-idx1-ubyte", idxLabels(5));
    const auto data = IdxDataset::load(folder.string(), IdxDataset::Part::Test, cache.path().toStdString());
    QCOMPARE(data.images().sizes().vec(), (std::vector<int64_t>{5, 1, 3, 4}));
    QCOMPARE(data.images()[0][0][0][0].item<float>(), 0.0f);
    QCOMPARE(data.images()[0][0][0][1].item<float>(), 1.0f);
    QCOMPARE(data.labels()[4].item<int64_t>(), int64_t{4});
    QVERIFY(fs::is_empty(cache.path().toStdString()));
}

void TestIdxDataset::truncatedFilesAreRefused()
{
    QTemporaryDir dir;
    QTemporaryDir cache;
    const fs::path folder = dir.path().toStdString();
    // A truncated copy of the real (decompressed) test images.
    IdxDataset::load(kFashionMnist, IdxDataset::Part::Test, cache_.path().toStdString());
    const fs::path real = fs::path(cache_.path().toStdString()) / "t10k-images-idx3-ubyte";
    fs::copy_file(real, folder / "t10k-images-idx3-ubyte");
    fs::copy_file(fs::path(cache_.path().toStdString()) / "t10k-labels-idx1-ubyte",
                  folder / "t10k-labels-idx1-ubyte");
    fs::resize_file(folder / "t10k-images-idx3-ubyte", fs::file_size(real) - 100);
    QString error = loadError(folder, IdxDataset::Part::Test, cache.path().toStdString());
    QVERIFY2(error.contains("t10k-images-idx3-ubyte") && error.contains("truncated"), qPrintable(error));

    // Shorter than the header.
    fs::resize_file(folder / "t10k-images-idx3-ubyte", 10);
    error = loadError(folder, IdxDataset::Part::Test, cache.path().toStdString());
    QVERIFY2(error.contains("t10k-images-idx3-ubyte") && error.contains("truncated"), qPrintable(error));

    // A truncated gzip file.
    QTemporaryDir gzDir;
    const fs::path gzFolder = gzDir.path().toStdString();
    const fs::path gz = fs::path(kFashionMnist) / "t10k-labels-idx1-ubyte.gz";
    fs::copy_file(fs::path(kFashionMnist) / "t10k-images-idx3-ubyte.gz", gzFolder / "t10k-images-idx3-ubyte.gz");
    fs::copy_file(gz, gzFolder / "t10k-labels-idx1-ubyte.gz");
    fs::resize_file(gzFolder / "t10k-labels-idx1-ubyte.gz", fs::file_size(gz) / 2);
    error = loadError(gzFolder, IdxDataset::Part::Test, cache.path().toStdString());
    QVERIFY2(error.contains("t10k-labels-idx1-ubyte.gz"), qPrintable(error));
    // ...leaves no partial copy in the cache.
    QVERIFY(!fs::exists(fs::path(cache.path().toStdString()) / "t10k-labels-idx1-ubyte"));
}

void TestIdxDataset::wrongMagicIsRefused()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    writeBytes(folder / "train-images-idx3-ubyte", idxImages(5, 3, 4, 0x801));
    writeBytes(folder / "train-labels-idx1-ubyte", idxLabels(5));
    QString error = loadError(folder);
    QVERIFY2(error.contains("train-images-idx3-ubyte") && error.contains("magic"), qPrintable(error));

    writeBytes(folder / "train-images-idx3-ubyte", idxImages(5, 3, 4));
    writeBytes(folder / "train-labels-idx1-ubyte", idxLabels(5, 0x803));
    error = loadError(folder);
    QVERIFY2(error.contains("train-labels-idx1-ubyte") && error.contains("magic"), qPrintable(error));
}

void TestIdxDataset::mismatchedCountsAreRefused()
{
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    writeBytes(folder / "train-images-idx3-ubyte", idxImages(5, 3, 4));
    writeBytes(folder / "train-labels-idx1-ubyte", idxLabels(6));
    QString error = loadError(folder);
    QVERIFY2(error.contains("train-labels-idx1-ubyte") && error.contains("6 labels")
                 && error.contains("5 images"),
             qPrintable(error));

    // Extra bytes past what the header promises.
    auto images = idxImages(5, 3, 4);
    images.push_back(7);
    writeBytes(folder / "train-images-idx3-ubyte", images);
    writeBytes(folder / "train-labels-idx1-ubyte", idxLabels(5));
    error = loadError(folder);
    QVERIFY2(error.contains("train-images-idx3-ubyte"), qPrintable(error));

    // No files at all.
    QTemporaryDir empty;
    error = loadError(empty.path().toStdString());
    QVERIFY2(error.contains("train-images-idx3-ubyte") && error.contains("not found"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestIdxDataset)
#include "tst_idxdataset.moc"
