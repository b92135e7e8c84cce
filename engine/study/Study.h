#pragma once
// A study opened for work: its storage, the search space it explores (as a
// codec) and its run settings. The CLI and the desktop app both go through
// this to create, open and run studies.

#include "RunSettings.h"
#include "space/ArchitectureCodec.h"
#include "storage/StudyStorage.h"

#include <memory>
#include <optional>
#include <string>

namespace archscape {

class Study
{
public:
    // Creates a study file for a valid space; throws SpaceError listing the
    // space's problems, StorageError when the file cannot be made.
    static std::unique_ptr<Study> create(const std::string& path, const SearchSpace& space,
                                         const std::string& name);
    static std::unique_ptr<Study> open(const std::string& path);

    StudyStorage& storage() { return *storage_; }
    const StudyStorage& storage() const { return *storage_; }
    const ArchitectureCodec& codec() const { return *codec_; }
    const StudyInfo& info() const { return info_; }
    // Empty until a search was started.
    const std::optional<RunSettings>& settings() const { return settings_; }
    void saveSettings(const RunSettings& settings);

private:
    Study(std::unique_ptr<StudyStorage> storage);

    std::unique_ptr<StudyStorage> storage_;
    StudyInfo info_;
    std::unique_ptr<ArchitectureCodec> codec_;
    std::optional<RunSettings> settings_;
};

} // namespace archscape
