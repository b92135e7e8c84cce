#pragma once
// Parameters as the editor shows and reads them: "3, 5, 7" for a choice
// list, "k ∈ {3,5,7}" in a block's brief, and the parsing of typed text back
// into values, checked against the kind's ParamSpec (type, range, words).

#include "space/BlockKind.h"
#include "space/SearchSpace.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace archscape {

class ParameterText
{
    Q_DECLARE_TR_FUNCTIONS(ParameterText)
public:
    static QString valueText(const Value& value);
    static QString listText(const std::vector<Value>& values); // "3, 5, 7"

    // One value typed by the user; nullopt with `error` set when it does not fit `spec`.
    static std::optional<Value> parseValue(const QString& text, const ParamSpec& spec,
                                           QString* error);
    // Comma-separated values, at least one, no repeats.
    static std::optional<std::vector<Value>> parseList(const QString& text, const ParamSpec& spec,
                                                       QString* error);

    // The lines under a block's title: its open choices, then the
    // parameters set away from their defaults.
    static QStringList brief(const Block& block, const SearchSpace& space);

private:
    static QString shortName(const std::string& param);
    // {open choices, fixed values away from their defaults}, each possibly empty.
    static QStringList paramBrief(const Block& block, const SearchSpace& space);
};

} // namespace archscape
