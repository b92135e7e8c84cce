#include "OnnxRuntimeCheck.h"

#include "ExportError.h"
#include "OrtBatchRunner.h"

#include "torch/NetworkModule.h"
#include "torch/NetworkWeights.h"

#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace archscape {

namespace {

constexpr int64_t kBatch = 2;
constexpr uint64_t kInputSeed = 20240531;

std::string environment(const char* name, const std::string& fallback)
{
    const char* value = std::getenv(name);
    return value && *value ? std::string(value) : fallback;
}

bool exists(const std::string& path)
{
    std::error_code ignored;
    return !path.empty() && std::filesystem::exists(path, ignored);
}

std::string installedScript()
{
    std::error_code error;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const std::filesystem::path beside = exe.parent_path() / ARCHSCAPE_ORT_SCRIPT_RELATIVE;
        if (exists(beside.string()))
            return beside.lexically_normal().string();
    }
    return ARCHSCAPE_ORT_SCRIPT_SOURCE;
}

// As ModelExport::exportTrial builds it: stored weights, else LibTorch's
// initialisation under `seed`.
NetworkModule trialModule(Study& study, int64_t trialNumber, uint64_t seed)
{
    const std::vector<TrialRecord> trials = study.storage().trials();
    auto trial = std::find_if(trials.begin(), trials.end(),
                              [&](const TrialRecord& t) { return t.number == trialNumber; });
    if (trial == trials.end())
        throw ExportError("the study has no trial " + std::to_string(trialNumber));
    const ArchitectureCodec& codec = study.codec();
    torch::manual_seed(seed);
    NetworkModule module(codec.network(codec.decode(trial->encoding)));
    if (auto stored = study.storage().artifact(trial->id, "weights"))
        loadNetworkWeights(module, *stored);
    module->eval();
    return module;
}

std::vector<float> floatsOf(const torch::Tensor& t)
{
    const torch::Tensor cpu = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    return std::vector<float>(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
}

// A seeded batch through the module and through `onnxPath` in onnxruntime.
OnnxRuntimeComparison compareWithRuntime(NetworkModule& module, const std::string& onnxPath,
                                         OrtBatchRunner runner)
{
    const Shape in = module->network().inputShape();
    torch::manual_seed(kInputSeed);
    const torch::Tensor input = torch::randn({kBatch, in.channels, in.height, in.width});
    torch::Tensor expected;
    {
        torch::NoGradGuard noGrad;
        expected = module->forward(input);
    }

    OrtJob job;
    job.model = onnxPath;
    job.input = floatsOf(input);
    job.shape = input.sizes().vec();
    job.threads = 1;
    const OrtResult result = runner.run({job}).front();

    OnnxRuntimeComparison comparison;
    comparison.inputDims = job.shape;
    comparison.outputDims = result.dims;
    const std::vector<float> reference = floatsOf(expected);
    if (result.dims != expected.sizes().vec() || result.output.size() != reference.size())
        throw std::runtime_error("onnxruntime's output has another shape than LibTorch's");
    for (size_t i = 0; i < reference.size(); ++i)
        comparison.maxAbsDifference = std::max(comparison.maxAbsDifference,
                                               double(std::fabs(result.output[i] - reference[i])));
    return comparison;
}

} // namespace

OnnxRuntimeCheck::OnnxRuntimeCheck(std::string node, std::string script, std::string ortDir)
    : node_(std::move(node)), script_(std::move(script)), ortDir_(std::move(ortDir))
{
}

OnnxRuntimeCheck OnnxRuntimeCheck::fromEnvironment()
{
    return OnnxRuntimeCheck(environment("ARCHSCAPE_NODE", ARCHSCAPE_NODE_EXECUTABLE),
                            environment("ARCHSCAPE_ORT_SCRIPT", installedScript()),
                            environment("ARCHSCAPE_ORT_NODE_DIR", ARCHSCAPE_ORT_NODE_DIR));
}

std::string OnnxRuntimeCheck::unavailableReason() const
{
    const std::string install = "run scripts/install-deps.sh, which installs it with "
                                "'ONNXRUNTIME_NODE_INSTALL=skip npm install "
                                "onnxruntime-node@1.30.0' in " +
                                ortDir_;
    if (!exists(node_))
        return "Node.js was not found (set ARCHSCAPE_NODE to the node executable, or install "
               "the nodejs package)";
    if (!exists(script_))
        return "the onnxruntime driver script ort_run.js was not found at " + script_;
    if (!exists(ortDir_ + "/node_modules/onnxruntime-node/package.json"))
        return "onnxruntime-node is not installed in " + ortDir_ + ": " + install;
    return {};
}

OnnxRuntimeComparison OnnxRuntimeCheck::compareTrial(Study& study, int64_t trialNumber,
                                                     uint64_t seed, const std::string& onnxPath,
                                                     const std::string& workDir) const
{
    if (const std::string reason = unavailableReason(); !reason.empty())
        throw std::runtime_error("cannot check with onnxruntime: " + reason);
    NetworkModule module = trialModule(study, trialNumber, seed);
    return compareWithRuntime(module, onnxPath, OrtBatchRunner(node_, script_, ortDir_, workDir));
}

OnnxRuntimeComparison OnnxRuntimeCheck::compareArchitecture(const ArchitectureCodec& codec,
                                                            const Architecture& arch, uint64_t seed,
                                                            const std::string& onnxPath,
                                                            const std::string& workDir) const
{
    if (const std::string reason = unavailableReason(); !reason.empty())
        throw std::runtime_error("cannot check with onnxruntime: " + reason);
    torch::manual_seed(seed);
    NetworkModule module(codec.network(arch));
    module->eval();
    return compareWithRuntime(module, onnxPath, OrtBatchRunner(node_, script_, ortDir_, workDir));
}

} // namespace archscape
