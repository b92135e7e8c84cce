#pragma once
// Runs a batch of ONNX models in onnxruntime through engine/export/ort_run.js
// (one Node process for the whole batch: starting Node and loading
// onnxruntime costs about a second). Used by the export test, bench_export
// and OnnxRuntimeCheck (the desktop app's check); standard library only.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace archscape {

struct OrtJob
{
    std::string model;
    std::vector<float> input;
    std::vector<int64_t> shape;
    int threads = 0; // 0: onnxruntime's default
    int repeat = 0;  // timed runs after the first
    std::string optimization = "all"; // onnxruntime's graph optimisation level
};

struct OrtResult
{
    std::vector<float> output;
    std::vector<int64_t> dims;
    std::vector<double> latenciesMs;
};

class OrtBatchRunner
{
public:
    // `node`: the Node.js executable; `script`: ort_run.js; `ortDir`: the
    // folder whose node_modules holds onnxruntime-node; `workDir`: scratch.
    OrtBatchRunner(std::string node, std::string script, std::string ortDir, std::string workDir)
        : node_(std::move(node)), script_(std::move(script)), ortDir_(std::move(ortDir)),
          workDir_(std::move(workDir))
    {
    }

    // Throws std::runtime_error with Node's own message when anything fails
    // (onnxruntime-node missing included).
    std::vector<OrtResult> run(const std::vector<OrtJob>& jobs) const
    {
        nlohmann::json manifest;
        manifest["models"] = nlohmann::json::array();
        for (size_t i = 0; i < jobs.size(); ++i) {
            const std::string stem = workDir_ + "/ort" + std::to_string(i);
            writeFloats(stem + ".in", jobs[i].input);
            manifest["models"].push_back({{"model", jobs[i].model},
                                          {"input", stem + ".in"},
                                          {"shape", jobs[i].shape},
                                          {"output", stem + ".out"},
                                          {"threads", jobs[i].threads},
                                          {"repeat", jobs[i].repeat},
                                          {"optimization", jobs[i].optimization}});
        }
        const std::string manifestPath = workDir_ + "/manifest.json";
        std::ofstream(manifestPath) << manifest.dump();

        const std::string errors = workDir_ + "/ort_stderr.txt";
        const std::string command = "ARCHSCAPE_ORT_NODE_DIR=" + quoted(ortDir_) + " " +
                                    quoted(node_) + " " + quoted(script_) + " " +
                                    quoted(manifestPath) + " 2>" + quoted(errors);
        std::string out;
        FILE* pipe = ::popen(command.c_str(), "r");
        if (!pipe)
            throw std::runtime_error("cannot start " + node_);
        char buffer[4096];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            out.append(buffer, n);
        const int status = ::pclose(pipe);
        if (node_.empty() || status != 0)
            throw std::runtime_error("onnxruntime (" + quoted(node_) + " " + script_ +
                                     ") failed: " + readText(errors) +
                                     (node_.empty() ? "Node.js was not found when configuring: "
                                                      "run scripts/install-deps.sh"
                                                    : ""));

        const nlohmann::json report = nlohmann::json::parse(out);
        std::vector<OrtResult> results;
        for (size_t i = 0; i < jobs.size(); ++i) {
            OrtResult r;
            r.output = readFloats(workDir_ + "/ort" + std::to_string(i) + ".out");
            r.dims = report["models"][i]["outputDims"].get<std::vector<int64_t>>();
            r.latenciesMs = report["models"][i]["latenciesMs"].get<std::vector<double>>();
            results.push_back(std::move(r));
        }
        return results;
    }

private:
    static std::string quoted(const std::string& s)
    {
        std::string q = "'";
        for (char c : s)
            q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    }
    static void writeFloats(const std::string& path, const std::vector<float>& values)
    {
        std::ofstream(path, std::ios::binary)
            .write(reinterpret_cast<const char*>(values.data()),
                   static_cast<std::streamsize>(values.size() * sizeof(float)));
    }
    static std::vector<float> readFloats(const std::string& path)
    {
        const std::string bytes = readText(path);
        std::vector<float> values(bytes.size() / sizeof(float));
        std::copy(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(values.size() * 4),
                  reinterpret_cast<char*>(values.data()));
        return values;
    }
    static std::string readText(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    std::string node_, script_, ortDir_, workDir_;
};

} // namespace archscape
