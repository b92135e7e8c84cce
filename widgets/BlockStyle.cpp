#include "BlockStyle.h"

#include <QCoreApplication>

namespace archscape {

namespace {

enum class Family { InOut, Convolution, Pooling, Search, Merge, PassThrough, Classifier, Plugin };

Family familyOf(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Input:
    case BlockKind::Output:
        return Family::InOut;
    case BlockKind::Stem:
    case BlockKind::Conv:
    case BlockKind::SepConv:
    case BlockKind::MBConv:
        return Family::Convolution;
    case BlockKind::Pool:
    case BlockKind::GlobalPool:
        return Family::Pooling;
    case BlockKind::Choice:
    case BlockKind::Repeat:
    case BlockKind::Cell:
        return Family::Search;
    case BlockKind::Add:
    case BlockKind::Concat:
        return Family::Merge;
    case BlockKind::Identity:
    case BlockKind::Zero:
        return Family::PassThrough;
    case BlockKind::Linear:
    case BlockKind::Head:
        return Family::Classifier;
    case BlockKind::Extension:
        return Family::Plugin;
    }
    return Family::PassThrough;
}

} // namespace

QColor BlockStyle::familyColor(BlockKind kind)
{
    switch (familyOf(kind)) {
    case Family::InOut: return QColor(0x5d, 0x6d, 0x7e);
    case Family::Convolution: return QColor(0x35, 0x7a, 0xb8);
    case Family::Pooling: return QColor(0x23, 0x8f, 0x84);
    case Family::Search: return QColor(0xc9, 0x7b, 0x1f);
    case Family::Merge: return QColor(0x85, 0x5f, 0xb5);
    case Family::PassThrough: return QColor(0x6f, 0x76, 0x7d);
    case Family::Classifier: return QColor(0xb8, 0x4a, 0x4a);
    case Family::Plugin: return QColor(0x7d, 0x94, 0x2c);
    }
    return Qt::gray;
}

QString BlockStyle::familyName(BlockKind kind)
{
    switch (familyOf(kind)) {
    case Family::InOut: return QCoreApplication::translate("BlockStyle", "Input and output");
    case Family::Convolution: return QCoreApplication::translate("BlockStyle", "Convolution");
    case Family::Pooling: return QCoreApplication::translate("BlockStyle", "Pooling");
    case Family::Search: return QCoreApplication::translate("BlockStyle", "Searchable structure");
    case Family::Merge: return QCoreApplication::translate("BlockStyle", "Merge");
    case Family::PassThrough: return QCoreApplication::translate("BlockStyle", "Pass-through");
    case Family::Classifier: return QCoreApplication::translate("BlockStyle", "Classifier");
    case Family::Plugin: return QCoreApplication::translate("BlockStyle", "Plugins");
    }
    return {};
}

QColor BlockStyle::portColor(PortType type)
{
    switch (type) {
    case PortType::Map: return QColor(0x6f, 0xb6, 0xf0);
    case PortType::Vector: return QColor(0xf0, 0xc8, 0x5a);
    case PortType::Any:
    case PortType::None: break;
    }
    return QColor(0xc8, 0xc8, 0xc8);
}

} // namespace archscape
