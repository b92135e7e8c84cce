#pragma once
// The concrete network one architecture describes: a DAG of primitive
// layers with every shape resolved. The cost model counts it, the LibTorch
// builder and the ONNX exporter translate it layer by layer, and the
// architecture view draws it.

#include <cstdint>
#include <string>
#include <vector>

namespace archscape {

struct Shape
{
    int64_t channels = 0; // features, for a vector
    int64_t height = 1;
    int64_t width = 1;
    bool isVector = false;

    bool operator==(const Shape& o) const
    {
        return channels == o.channels && height == o.height && width == o.width
               && isVector == o.isVector;
    }
    bool operator!=(const Shape& o) const { return !(*this == o); }
    std::string toString() const;
};

enum class LayerOp {
    Input,
    Conv,       // 2-D convolution (groups > 1: depthwise)
    BatchNorm,
    Activation,
    Pool,       // max or average, padding (kernel-1)/2, average excludes padding
    GlobalPool, // C×H×W -> C (shape.isVector) or C×1×1 (squeeze-excite); maxPool: max, else average
    Linear,
    Dropout,
    Add,
    Concat,
    Mul,        // feature map times per-channel gate (squeeze-excite)
    Identity,
    Zero,       // zeros of its shape, no inputs: batch, dtype and device are the network input's
    Output,
};

enum class Activation { None, ReLU, ReLU6, Swish, HardSwish, Sigmoid };

Activation activationFromName(const std::string& name);
const char* activationName(Activation a);
const char* layerOpName(LayerOp op);

struct Layer
{
    LayerOp op = LayerOp::Identity;
    std::vector<int> inputs; // indices of earlier layers
    Shape shape;             // output shape

    // Conv / Pool / Linear attributes
    int64_t inChannels = 0;
    int64_t outChannels = 0;
    int kernel = 1;
    int stride = 1;
    int padding = 0;
    int64_t groups = 1;
    bool bias = false;
    bool maxPool = false;
    Activation activation = Activation::None;
    double dropout = 0.0;

    std::string blockId; // the top-level block this layer comes from
    std::string label;   // e.g. "cell3/2<-1 nor_conv_3x3", "r#1/expand"
    bool cellInternal = false;  // an edge operation inside a cell
};

struct Network
{
    std::vector<Layer> layers; // topologically ordered; layers[0] is the input
    int output = -1;           // index of the Output layer
    std::vector<int> activeDecisions; // sorted: the decisions the network depends on

    const Layer& inputLayer() const { return layers.front(); }
    Shape inputShape() const { return layers.front().shape; }
    Shape outputShape() const { return layers[static_cast<size_t>(output)].shape; }
};

} // namespace archscape
