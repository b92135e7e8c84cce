// libFuzzer target for the search-space loader and everything a loaded space
// goes through before the editor shows it: SpaceFile::parse, then
// SpaceValidator::validate, and for a valid space the decision set, the size
// count and the default architecture's network and cost.
//
// SpaceError is the one exception a bad file may cause; anything else (an
// nlohmann::json exception, std::out_of_range, a crash, a sanitizer report)
// escapes and is a finding, and so is a size counted by structure that
// disagrees with enumeration. Limits stay small so that each input is quick.

#include "cost/NetworkCost.h"
#include "space/ArchitectureCodec.h"
#include "space/SpaceError.h"
#include "space/SpaceFile.h"
#include "space/SpaceSize.h"
#include "space/SpaceValidator.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <string>

namespace {

constexpr uint64_t kEnumerateLimit = 2000;

void checkSpace(const std::string& text)
{
    using namespace archscape;
    SearchSpace space = SpaceFile::parse(text, "<fuzz>");
    if (!SpaceValidator::validate(space).empty())
        return;
    ArchitectureCodec codec(std::move(space));
    SpaceCount count = SpaceSize::distinctCount(codec, kEnumerateLimit);
    (void)count.toString();
    if (count.method == "enumerated") {
        // Small enough to enumerate: the count by structure (limit 0 forces
        // it) must agree, or be an upper bound where it says "at most".
        SpaceCount structure = SpaceSize::distinctCount(codec, 0);
        bool agrees = structure.exact ? !structure.huge && structure.value == count.value
                                      : structure.huge || structure.value >= count.value;
        if (!agrees) {
            std::fprintf(stderr, "size by structure %s, enumerated %s\n",
                         structure.toString().c_str(), count.toString().c_str());
            std::abort();
        }
    }
    Network net = codec.network(codec.defaultArchitecture());
    NetworkCost cost = NetworkCost::of(net);
    (void)cost;
    (void)codec.encode(codec.defaultArchitecture());
}

} // namespace

// UndefinedBehaviorSanitizer only prints by default; make each report a
// finding (the environment's UBSAN_OPTIONS still override this).
extern "C" const char* __ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        checkSpace(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const archscape::SpaceError&) {
        // A clear error for a bad space: the expected outcome.
    }
    return 0;
}
