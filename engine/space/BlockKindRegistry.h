#pragma once
// The block kinds plugins add to the built-in ones. A kind is checked when
// it is added (its name free, its parameters well formed) and stays for the
// process's life, as its plugin does. Looking up a name that is not known
// loads the default plugin folders first, as the strategy registry does, so
// that any program on the engine reads spaces that use the built-in
// plugins' kinds.

#include "Block.h"
#include "BlockKindExtension.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archscape {

class BlockKindRegistry
{
public:
    // The kind as it will be known: the extension's description, checked
    // and completed. Throws std::invalid_argument naming what is wrong.
    static std::shared_ptr<const BlockKindInfo>
    describe(const std::shared_ptr<const BlockKindExtension>& extension);

    // Adds a described kind; throws std::invalid_argument if its name is
    // taken (by a built-in kind or one added before).
    static void add(const std::shared_ptr<const BlockKindInfo>& kind);
    static bool has(const std::string& name);

    // Plugins' kinds, in the order they were added.
    static std::vector<std::shared_ptr<const BlockKindInfo>> all();
    static std::shared_ptr<const BlockKindInfo> find(const std::string& name);

    // A fresh block of the named kind, built-in or a plugin's; nullopt when
    // no kind has that name.
    static std::optional<Block> blockOfKind(const std::string& name);
    // Every kind's name, built-in ones first, comma separated.
    static std::string knownNames();
};

} // namespace archscape
