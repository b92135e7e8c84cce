#include "ParameterText.h"

#include <algorithm>
#include <cmath>

namespace archscape {

QString ParameterText::valueText(const Value& value)
{
    return QString::fromStdString(value.toString());
}

QString ParameterText::listText(const std::vector<Value>& values)
{
    QStringList parts;
    for (const auto& v : values)
        parts << valueText(v);
    return parts.join(QStringLiteral(", "));
}

std::optional<Value> ParameterText::parseValue(const QString& text, const ParamSpec& spec,
                                               QString* error)
{
    const QString t = text.trimmed();
    const QString name = QString::fromStdString(spec.name);
    auto fail = [&](const QString& why) -> std::optional<Value> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (t.isEmpty())
        return fail(tr("%1 needs a value.").arg(name));
    std::optional<Value> value;
    switch (spec.type) {
    case Value::Type::Int: {
        bool ok = false;
        const qlonglong v = t.toLongLong(&ok);
        if (!ok)
            return fail(tr("%1 takes whole numbers; '%2' is not one.").arg(name, t));
        value = Value::integer(v);
        break;
    }
    case Value::Type::Real: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            return fail(tr("%1 takes numbers; '%2' is not one.").arg(name, t));
        value = Value::real(v);
        break;
    }
    case Value::Type::Bool: {
        const QString l = t.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("yes") || l == QLatin1String("1"))
            value = Value::flag(true);
        else if (l == QLatin1String("false") || l == QLatin1String("no") || l == QLatin1String("0"))
            value = Value::flag(false);
        else
            return fail(tr("%1 is true or false; '%2' is neither.").arg(name, t));
        break;
    }
    case Value::Type::Text: {
        if (!spec.words.empty()
            && std::find(spec.words.begin(), spec.words.end(), t.toStdString())
                   == spec.words.end()) {
            QStringList words;
            for (const auto& w : spec.words)
                words << QString::fromStdString(w);
            return fail(tr("%1 is one of %2; '%3' is not.")
                            .arg(name, words.join(QStringLiteral(", ")), t));
        }
        value = Value::text(t.toStdString());
        break;
    }
    }
    if (value->isNumber() && spec.maximum > spec.minimum
        && (value->toReal() < spec.minimum || value->toReal() > spec.maximum))
        return fail(tr("%1 must lie between %2 and %3; %4 does not.")
                        .arg(name)
                        .arg(spec.minimum)
                        .arg(spec.maximum)
                        .arg(t));
    return value;
}

std::optional<std::vector<Value>> ParameterText::parseList(const QString& text,
                                                           const ParamSpec& spec, QString* error)
{
    std::vector<Value> values;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString& part : parts) {
        if (part.trimmed().isEmpty() && parts.size() > 1)
            continue; // "3, 5," reads as "3, 5"
        auto v = parseValue(part, spec, error);
        if (!v)
            return std::nullopt;
        if (std::find(values.begin(), values.end(), *v) != values.end()) {
            if (error)
                *error = tr("%1 appears twice in the list.").arg(part.trimmed());
            return std::nullopt;
        }
        values.push_back(*v);
    }
    if (values.empty()) {
        if (error)
            *error = tr("A choice needs at least one value.");
        return std::nullopt;
    }
    return values;
}

QString ParameterText::shortName(const std::string& param)
{
    if (param == "kernel")
        return QStringLiteral("k");
    if (param == "expansion")
        return QStringLiteral("e");
    if (param == "width")
        return QStringLiteral("w");
    if (param == "stride")
        return QStringLiteral("s");
    if (param == "activation")
        return QStringLiteral("act");
    return QString::fromStdString(param);
}

QStringList ParameterText::paramBrief(const Block& block, const SearchSpace& space)
{
    QStringList choices, fixed;
    auto compact = [](const std::vector<Value>& values) {
        QStringList parts;
        for (const auto& v : values)
            parts << valueText(v);
        return QStringLiteral("{") + parts.join(QLatin1Char(',')) + QStringLiteral("}");
    };
    for (const auto& spec : block.info().params) {
        if (block.kind == BlockKind::Cell && spec.name == "cell")
            continue; // the cell line says it
        const Parameter& p = block.param(spec.name);
        const QString name = shortName(spec.name);
        switch (p.mode) {
        case Parameter::Mode::Choice:
            choices << name + QStringLiteral(" ∈ ") + compact(p.options);
            break;
        case Parameter::Mode::Shared: {
            auto it = space.sharedChoices().find(p.sharedName);
            choices << name + QStringLiteral(" ∈ $") + QString::fromStdString(p.sharedName)
                           + (it == space.sharedChoices().end() ? QString()
                                                                : QLatin1Char(' ') + compact(it->second));
            break;
        }
        case Parameter::Mode::Fixed:
            if (p.value != spec.defaultValue)
                fixed << name + QLatin1Char('=') + valueText(p.value);
            break;
        }
    }
    return {choices.join(QStringLiteral("  ")), fixed.join(QStringLiteral("  "))};
}

QStringList ParameterText::brief(const Block& block, const SearchSpace& space)
{
    QStringList lines;
    switch (block.kind) {
    case BlockKind::Choice: {
        QStringList alternatives;
        for (const auto& alt : block.alternatives)
            alternatives << QString::fromStdString(alt.id);
        lines << tr("one of {%1}").arg(alternatives.join(QStringLiteral(", ")));
        break;
    }
    case BlockKind::Repeat: {
        const Parameter& depth = block.param("depth");
        QString depthText;
        if (depth.mode == Parameter::Mode::Fixed) {
            depthText = valueText(depth.value);
        } else if (depth.mode == Parameter::Mode::Choice) {
            depthText = QStringLiteral("{") + listText(depth.options).remove(QLatin1Char(' '))
                        + QStringLiteral("}");
        } else {
            depthText = QStringLiteral("$") + QString::fromStdString(depth.sharedName);
        }
        const QString body = block.body.empty()
                                 ? tr("(no body)")
                                 : QString::fromStdString(block.body.front().info().name);
        QString first = tr("%1 × %2").arg(body, depthText);
        if (!block.body.empty()) {
            const QStringList inner = paramBrief(block.body.front(), space);
            if (!inner[1].isEmpty())
                first += QStringLiteral("  ") + inner[1];
            lines << first;
            if (!inner[0].isEmpty())
                lines << inner[0];
        } else {
            lines << first;
        }
        return lines;
    }
    case BlockKind::Input:
        // The image shape reads better as one size than as three parameters.
        if (block.param("channels").mode == Parameter::Mode::Fixed
            && block.param("height").mode == Parameter::Mode::Fixed
            && block.param("width").mode == Parameter::Mode::Fixed) {
            lines << tr("%1×%2×%3 (C×H×W)")
                         .arg(valueText(block.param("channels").value),
                              valueText(block.param("height").value),
                              valueText(block.param("width").value));
            return lines;
        }
        break;
    case BlockKind::Cell: {
        const std::string cellName = block.param("cell").value.toText();
        auto it = space.cells().find(cellName);
        if (it == space.cells().end())
            lines << tr("cell '%1' (undefined)").arg(QString::fromStdString(cellName));
        else
            lines << tr("cell %1: %2 nodes, %3 ops")
                         .arg(QString::fromStdString(cellName))
                         .arg(it->second.nodes)
                         .arg(it->second.ops.size());
        break;
    }
    default:
        break;
    }
    for (const QString& line : paramBrief(block, space))
        if (!line.isEmpty())
            lines << line;
    return lines;
}

} // namespace archscape
