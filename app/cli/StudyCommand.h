#pragma once
// The commands that create and run studies: `new`, `run` and `resume`.

#include <string>
#include <vector>

namespace archscape::cli {

class StudyCommand
{
public:
    static const char* newUsage();
    static const char* runUsage();
    static const char* resumeUsage();
    static int runNew(const std::vector<std::string>& args);
    static int runRun(const std::vector<std::string>& args);
    static int runResume(const std::vector<std::string>& args);
};

} // namespace archscape::cli
