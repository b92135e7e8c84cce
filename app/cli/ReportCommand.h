#pragma once
// The commands that read a study: `trials`, `pareto`, `best` and `info`.
// They only read, so they work while another process is still running the
// study.

#include <string>
#include <vector>

namespace archscape::cli {

class ReportCommand
{
public:
    static const char* trialsUsage();
    static const char* paretoUsage();
    static const char* bestUsage();
    static const char* infoUsage();
    static int runTrials(const std::vector<std::string>& args);
    static int runPareto(const std::vector<std::string>& args);
    static int runBest(const std::vector<std::string>& args);
    static int runInfo(const std::vector<std::string>& args);
};

} // namespace archscape::cli
