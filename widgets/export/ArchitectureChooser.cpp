#include "ArchitectureChooser.h"

#include "cost/NetworkCost.h"
#include "space/ArchitectureSampler.h"
#include "space/Nb201Format.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <exception>
#include <initializer_list>
#include <limits>
#include <random>

namespace archscape {

ArchitectureChooser::ArchitectureChooser(std::shared_ptr<const ArchitectureCodec> codec,
                                         const QString& spaceError, QWidget* parent)
    : QObject(parent), codec_(std::move(codec)), source_(new QComboBox(parent)),
      seed_(new QSpinBox(parent)), encoding_(new QLineEdit(parent)), message_(new QLabel(parent))
{
    source_->setObjectName(QStringLiteral("architectureSource"));
    source_->addItem(tr("The space's default"), int(Source::Default));
    source_->addItem(tr("Random, drawn with the seed"), int(Source::Random));
    source_->addItem(tr("Typed encoding"), int(Source::Typed));
    seed_->setObjectName(QStringLiteral("architectureSeed"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("Draws the random architecture and initialises the weights"));
    encoding_->setObjectName(QStringLiteral("architectureEncoding"));
    encoding_->setPlaceholderText(tr("key=option;key=option (left out: the default)"));
    encoding_->setClearButtonEnabled(true);
    // Room for a typical encoding (the Fashion-MNIST example's is 75 characters).
    encoding_->setMinimumWidth(encoding_->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 64);
    message_->setObjectName(QStringLiteral("architectureMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(source_, &QComboBox::currentIndexChanged, this, &ArchitectureChooser::sourceChanged);
    connect(seed_, &QSpinBox::valueChanged, this, &ArchitectureChooser::seedChanged);
    connect(encoding_, &QLineEdit::textEdited, this, &ArchitectureChooser::check);

    if (!codec_) {
        setEnabled(false);
        error_ = spaceError;
        message_->setText(tr("<b style='color:#b00020'>This space cannot be exported:</b> %1")
                              .arg(spaceError.toHtmlEscaped()));
        return;
    }
    sourceChanged();
}

int ArchitectureChooser::insertRows(QFormLayout* form, int row)
{
    form->insertRow(row++, tr("Architecture:"), source_);
    form->insertRow(row++, tr("Encoding:"), encoding_);
    form->insertRow(row++, tr("Seed:"), seed_);
    form->insertRow(row++, message_);
    return row;
}

void ArchitectureChooser::setEnabled(bool enabled)
{
    for (QWidget* input : std::initializer_list<QWidget*>{source_, seed_, encoding_})
        input->setEnabled(enabled && codec_);
}

uint64_t ArchitectureChooser::seed() const
{
    return uint64_t(seed_->value());
}

void ArchitectureChooser::setSource(Source source)
{
    source_->setCurrentIndex(source_->findData(int(source)));
}

ArchitectureChooser::Source ArchitectureChooser::source() const
{
    return Source(source_->currentData().toInt());
}

void ArchitectureChooser::sourceChanged()
{
    if (!codec_)
        return;
    const Source chosen = source();
    encoding_->setReadOnly(chosen != Source::Typed);
    if (chosen == Source::Default) {
        encoding_->setText(QString::fromStdString(codec_->encode(codec_->defaultArchitecture())));
    } else if (chosen == Source::Random) {
        std::mt19937_64 rng(seed());
        encoding_->setText(
            QString::fromStdString(codec_->encode(ArchitectureSampler(*codec_).sample(rng))));
    } else {
        encoding_->setFocus();
    }
    encoding_->setCursorPosition(0);
    check();
}

void ArchitectureChooser::seedChanged()
{
    if (source() == Source::Random)
        sourceChanged();
}

Architecture ArchitectureChooser::parse(const std::string& text) const
{
    if (Nb201Format::looksLikeNb201(text))
        return Nb201Format::parse(*codec_, text);
    return codec_->decode(text);
}

void ArchitectureChooser::check()
{
    if (!codec_)
        return;
    try {
        const Architecture arch = parse(encoding_->text().trimmed().toStdString());
        const NetworkCost cost = NetworkCost::of(codec_->network(arch, false));
        architecture_ = arch;
        error_.clear();
        message_->setText(tr("%L1 parameters, %L2 multiply-adds.").arg(cost.params).arg(cost.macs));
    } catch (const std::exception& e) {
        architecture_.reset();
        error_ = QString::fromUtf8(e.what());
        message_->setText(tr("<b style='color:#b00020'>Not an architecture of this space:</b> %1")
                              .arg(error_.toHtmlEscaped()));
    }
    Q_EMIT architectureChanged();
}

} // namespace archscape
