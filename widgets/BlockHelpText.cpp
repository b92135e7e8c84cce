#include "BlockHelpText.h"

namespace archscape {

namespace {

// Copied from engine/space/BlockKind.cpp, word for word: the engine has no
// Qt, so lupdate cannot read them there.
const char* const kTexts[] = {
    QT_TRANSLATE_NOOP("BlockHelpText", "The network input: an image of C×H×W."),
    QT_TRANSLATE_NOOP("BlockHelpText", "image channels"),
    QT_TRANSLATE_NOOP("BlockHelpText", "image height"),
    QT_TRANSLATE_NOOP("BlockHelpText", "image width"),
    QT_TRANSLATE_NOOP("BlockHelpText", "First convolution: conv, batch norm, activation."),
    QT_TRANSLATE_NOOP("BlockHelpText", "output channels"),
    QT_TRANSLATE_NOOP("BlockHelpText", "kernel size"),
    QT_TRANSLATE_NOOP("BlockHelpText", "stride"),
    QT_TRANSLATE_NOOP("BlockHelpText", "activation function"),
    QT_TRANSLATE_NOOP("BlockHelpText", "batch norm after the convolution"),
    QT_TRANSLATE_NOOP("BlockHelpText", "the convolution has a bias"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Convolution with batch norm and activation."),
    QT_TRANSLATE_NOOP("BlockHelpText", "post: conv-BN-act; pre: act-conv-BN (ReLU-Conv-BN)"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Depthwise k×k conv, then pointwise 1×1 conv, each with "
                                       "batch norm and activation."),
    QT_TRANSLATE_NOOP("BlockHelpText",
                      "Inverted residual: 1×1 expansion, depthwise k×k, optional "
                      "squeeze-excite, 1×1 projection; residual when shapes allow."),
    QT_TRANSLATE_NOOP("BlockHelpText", "expansion ratio"),
    QT_TRANSLATE_NOOP("BlockHelpText", "squeeze-excite ratio (0: none)"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Max or average pooling."),
    QT_TRANSLATE_NOOP("BlockHelpText", "pooling type"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Passes its input through."),
    QT_TRANSLATE_NOOP("BlockHelpText", "Outputs zeros: removes the path it is on."),
    QT_TRANSLATE_NOOP("BlockHelpText", "One of several alternative blocks."),
    QT_TRANSLATE_NOOP("BlockHelpText", "Its body block stacked depth times; only the first "
                                       "repetition strides."),
    QT_TRANSLATE_NOOP("BlockHelpText", "number of repetitions"),
    QT_TRANSLATE_NOOP("BlockHelpText", "A reusable cell: each edge of its inner DAG chooses an "
                                       "operation."),
    QT_TRANSLATE_NOOP("BlockHelpText", "name of the cell definition"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Element-wise sum of its inputs."),
    QT_TRANSLATE_NOOP("BlockHelpText", "number of inputs"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Concatenates its inputs along channels."),
    QT_TRANSLATE_NOOP("BlockHelpText", "Pools each channel to one value."),
    QT_TRANSLATE_NOOP("BlockHelpText", "Fully connected layer."),
    QT_TRANSLATE_NOOP("BlockHelpText", "output features"),
    QT_TRANSLATE_NOOP("BlockHelpText", "Classifier: optional BN+ReLU, global average pooling, "
                                       "dropout, linear."),
    QT_TRANSLATE_NOOP("BlockHelpText", "number of classes"),
    QT_TRANSLATE_NOOP("BlockHelpText", "batch norm and ReLU before pooling"),
    QT_TRANSLATE_NOOP("BlockHelpText", "dropout before the classifier"),
    QT_TRANSLATE_NOOP("BlockHelpText", "The network output."),
};

QString translated(const std::string& english)
{
    return QCoreApplication::translate("BlockHelpText", english.c_str());
}

} // namespace

QString BlockHelpText::of(const BlockKindInfo& info)
{
    // A plugin brings its own text, in its own language: no catalogue has it.
    if (info.kind == BlockKind::Extension)
        return QString::fromStdString(info.help);
    return translated(info.help);
}

QString BlockHelpText::of(const ParamSpec& spec)
{
    return translated(spec.help);
}

QStringList BlockHelpText::listed()
{
    QStringList texts;
    for (const char* text : kTexts)
        texts << QString::fromUtf8(text);
    return texts;
}

} // namespace archscape
