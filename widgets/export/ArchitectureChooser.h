#pragma once
// Picks one architecture of a search space for the export dialog: the
// space's default, a random one drawn with a seed (as `archscape-cli export
// --arch random --seed S` draws it), or an encoding the user types, checked
// as they type by the engine's decoder, whose message is shown when it
// refuses. The seed also initialises the exported weights. Its inputs are
// rows of the dialog's form, so that they line up with the dialog's own.

#include "space/ArchitectureCodec.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace archscape {

class ArchitectureChooser : public QObject
{
    Q_OBJECT

public:
    enum class Source { Default, Random, Typed };

    // `codec` may be null: the space does not build, and `spaceError` says
    // why. The inputs are children of `parent`.
    ArchitectureChooser(std::shared_ptr<const ArchitectureCodec> codec, const QString& spaceError,
                        QWidget* parent = nullptr);

    // Inserts the rows into `form` from `row` on; returns the row after them.
    int insertRows(QFormLayout* form, int row);
    void setEnabled(bool enabled);

    std::shared_ptr<const ArchitectureCodec> codec() const { return codec_; }
    // The chosen architecture, or nullopt with error() saying why not.
    std::optional<Architecture> architecture() const { return architecture_; }
    QString error() const { return error_; }
    uint64_t seed() const;

    void setSource(Source source);
    Source source() const;

    QComboBox* sourceBox() const { return source_; }
    QSpinBox* seedBox() const { return seed_; }
    QLineEdit* encodingEdit() const { return encoding_; }
    QLabel* messageLabel() const { return message_; }

Q_SIGNALS:
    void architectureChanged();

private:
    void sourceChanged();
    void seedChanged();
    void check();
    Architecture parse(const std::string& text) const;

    std::shared_ptr<const ArchitectureCodec> codec_;
    QComboBox* source_;
    QSpinBox* seed_;
    QLineEdit* encoding_;
    QLabel* message_;
    std::optional<Architecture> architecture_;
    QString error_;
};

} // namespace archscape
