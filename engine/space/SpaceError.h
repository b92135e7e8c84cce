#pragma once
// The error for a search space that cannot be read or used: it names the
// file, the block and the problem, in words a user understands.

#include <stdexcept>
#include <string>

namespace archscape {

class SpaceError : public std::runtime_error
{
public:
    SpaceError(std::string file, std::string blockId, std::string problem)
        : std::runtime_error(compose(file, blockId, problem)), file_(std::move(file)),
          blockId_(std::move(blockId)), problem_(std::move(problem))
    {
    }

    const std::string& file() const { return file_; }
    const std::string& blockId() const { return blockId_; }
    const std::string& problem() const { return problem_; }

private:
    static std::string compose(const std::string& file, const std::string& blockId,
                               const std::string& problem)
    {
        std::string text;
        if (!file.empty())
            text += file + ": ";
        if (!blockId.empty())
            text += "block '" + blockId + "': ";
        return text + problem;
    }

    std::string file_;
    std::string blockId_;
    std::string problem_;
};

} // namespace archscape
