#include "PropertyEditor.h"

#include "BlockStyle.h"
#include "ParameterText.h"
#include "SetParameterCommand.h"
#include "SpaceDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace archscape {

namespace {

const char* const kErrorStyle = "border: 1px solid #e5484d;";

int clampToInt(double v)
{
    return static_cast<int>(std::clamp<double>(v, INT_MIN, INT_MAX));
}

// A Cell block's "cell" parameter names one of the space's cell definitions.
std::vector<std::string> wordsFor(const ParamSpec& spec, const Block& block, const SearchSpace& space)
{
    if (block.kind == BlockKind::Cell && spec.name == "cell") {
        std::vector<std::string> names;
        for (const auto& [name, cell] : space.cells())
            names.push_back(name);
        return names;
    }
    return spec.words;
}

bool fixedOnly(const Block& block, const ParamSpec& spec)
{
    // The number of ports is structure, not something to search over; a
    // cell's definition is chosen by its edges, not as a parameter.
    return (block.info().variableInputs && spec.name == "inputs")
           || (block.kind == BlockKind::Cell && spec.name == "cell");
}

} // namespace

PropertyEditor::PropertyEditor(SpaceDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);

    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    title_ = new QLabel(content);
    title_->setTextFormat(Qt::RichText);
    help_ = new QLabel(content);
    help_->setWordWrap(true);
    help_->setStyleSheet(QStringLiteral("color: #666;"));
    details_ = new QLabel(content);
    details_->setWordWrap(true);
    details_->setTextFormat(Qt::RichText);
    form_ = new QWidget(content);
    formLayout_ = new QFormLayout(form_);
    formLayout_->setContentsMargins(0, 4, 0, 0);
    formLayout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    error_ = new QLabel(content);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #e5484d;"));
    error_->hide();
    layout->addWidget(title_);
    layout->addWidget(help_);
    layout->addWidget(details_);
    layout->addWidget(form_);
    layout->addWidget(error_);
    layout->addStretch(1);
    scroll->setWidget(content);

    connect(document_, &SpaceDocument::spaceReset, this, [this] { setBlock({}); });
    connect(document_, &SpaceDocument::blockRemoved, this, [this](const QString& id) {
        if (id == blockId_)
            setBlock({});
    });
    connect(document_, &SpaceDocument::blockChanged, this, [this](const QString& id) {
        if (id != blockId_ || refreshQueued_)
            return;
        // Later, not now: the change may come from one of our editors' signals.
        refreshQueued_ = true;
        QTimer::singleShot(0, this, [this] {
            refreshQueued_ = false;
            refreshValues();
        });
    });
    rebuild();
}

void PropertyEditor::setBlock(const QString& id)
{
    if (id == blockId_ && !rows_.empty())
        return;
    blockId_ = id;
    selectionCount_ = id.isEmpty() ? 0 : 1;
    rebuild();
}

void PropertyEditor::setSelectionCount(int count)
{
    if (count == 1)
        return; // setBlock says which
    if (count == selectionCount_ && blockId_.isEmpty())
        return; // a rubber band sweeping on: nothing new to show
    selectionCount_ = count;
    blockId_.clear();
    rebuild();
}

QComboBox* PropertyEditor::modeBox(const QString& param) const
{
    for (const Row& row : rows_)
        if (row.name == param.toStdString())
            return row.mode;
    return nullptr;
}

QWidget* PropertyEditor::valueEditor(const QString& param) const
{
    for (const Row& row : rows_)
        if (row.name == param.toStdString())
            return row.editor;
    return nullptr;
}

QString PropertyEditor::errorText() const
{
    return error_->isVisible() ? error_->text() : QString();
}

void PropertyEditor::showError(const QString& message)
{
    error_->setText(message);
    error_->setVisible(!message.isEmpty());
}

QStringList PropertyEditor::sharedNames() const
{
    QStringList names;
    for (const auto& [name, values] : document_->space().sharedChoices())
        names << QString::fromStdString(name);
    return names;
}

void PropertyEditor::rebuild()
{
    while (formLayout_->rowCount() > 0)
        formLayout_->removeRow(0);
    rows_.clear();
    showError({});

    const Block* block = document_->space().block(blockId_.toStdString());
    if (!block) {
        title_->setText(selectionCount_ > 1
                            ? tr("<b>%n blocks selected</b>", nullptr, selectionCount_)
                            : tr("<b>No block selected</b>"));
        help_->setText(tr("Select a block on the canvas to edit its parameters."));
        details_->clear();
        details_->hide();
        form_->hide();
        return;
    }
    const BlockKindInfo& info = block->info();
    title_->setText(QStringLiteral("<span style='color:%1'>■</span> <b>%2</b> &nbsp;%3")
                        .arg(BlockStyle::familyColor(block->kind).name(),
                             QString::fromStdString(info.displayName).toHtmlEscaped(),
                             blockId_.toHtmlEscaped()));
    help_->setText(QString::fromStdString(info.help));

    QStringList details;
    if (!block->name.empty())
        details << tr("Label: %1").arg(QString::fromStdString(block->name).toHtmlEscaped());
    if (block->kind == BlockKind::Choice) {
        QStringList alternatives;
        for (const auto& alt : block->alternatives)
            alternatives << QStringLiteral("%1 (%2)").arg(QString::fromStdString(alt.id),
                                                          QString::fromStdString(alt.info().displayName));
        details << tr("Alternatives: %1").arg(alternatives.join(QStringLiteral(", ")).toHtmlEscaped());
    } else if (block->kind == BlockKind::Repeat && !block->body.empty()) {
        details << tr("Body: %1 (%2)")
                       .arg(QString::fromStdString(block->body.front().id),
                            QString::fromStdString(block->body.front().info().displayName))
                       .toHtmlEscaped();
    }
    details_->setText(details.join(QStringLiteral("<br>")));
    details_->setVisible(!details.isEmpty());

    for (const ParamSpec& spec : info.params) {
        Row row;
        row.name = spec.name;
        auto* field = new QWidget(form_);
        auto* fieldLayout = new QHBoxLayout(field);
        fieldLayout->setContentsMargins(0, 0, 0, 0);
        row.mode = new QComboBox(field);
        row.mode->addItem(tr("Fixed"), static_cast<int>(Parameter::Mode::Fixed));
        if (!fixedOnly(*block, spec)) {
            row.mode->addItem(tr("Choice"), static_cast<int>(Parameter::Mode::Choice));
            if (!document_->space().sharedChoices().empty()
                || block->param(spec.name).mode == Parameter::Mode::Shared)
                row.mode->addItem(tr("Shared"), static_cast<int>(Parameter::Mode::Shared));
        }
        row.mode->setEnabled(row.mode->count() > 1);
        row.mode->setToolTip(tr("Fixed: one value. Choice: the search picks one of a list. "
                                "Shared: one decision used by several blocks."));
        row.mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        fieldLayout->addWidget(row.mode);
        row.holder = new QHBoxLayout;
        fieldLayout->addLayout(row.holder, 1);

        auto* label = new QLabel(QString::fromStdString(spec.name), form_);
        QString tip = QString::fromStdString(spec.help);
        if (spec.type != Value::Type::Text && spec.type != Value::Type::Bool
            && spec.maximum > spec.minimum)
            tip += tr(" (%1 to %2)").arg(spec.minimum).arg(spec.maximum);
        label->setToolTip(tip);
        formLayout_->addRow(label, field);
        rows_.push_back(row);
        const std::string name = spec.name;
        connect(row.mode, qOverload<int>(&QComboBox::activated), this,
                [this, name](int index) { modeChosen(name, index); });
    }
    form_->setVisible(!rows_.empty());
    refreshValues();
}

void PropertyEditor::refreshValues()
{
    const Block* block = document_->space().block(blockId_.toStdString());
    if (!block)
        return;
    for (Row& row : rows_) {
        const ParamSpec* spec = block->info().param(row.name);
        if (!spec)
            continue;
        const Parameter& p = block->param(row.name);
        {
            const QSignalBlocker blocker(row.mode);
            row.mode->setCurrentIndex(row.mode->findData(static_cast<int>(p.mode)));
        }
        if (row.shownMode != p.mode) {
            makeEditor(row, *spec, p);
            continue;
        }
        const QSignalBlocker blocker(row.editor);
        if (auto* spin = qobject_cast<QSpinBox*>(row.editor))
            spin->setValue(clampToInt(p.value.toReal()));
        else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(row.editor))
            dspin->setValue(p.value.toReal());
        else if (auto* check = qobject_cast<QCheckBox*>(row.editor))
            check->setChecked(p.value.toBool());
        else if (auto* combo = qobject_cast<QComboBox*>(row.editor))
            combo->setCurrentIndex(combo->findData(p.mode == Parameter::Mode::Shared
                                                       ? QString::fromStdString(p.sharedName)
                                                       : ParameterText::valueText(p.value)));
        else if (auto* line = qobject_cast<QLineEdit*>(row.editor)) {
            line->setText(p.mode == Parameter::Mode::Choice ? ParameterText::listText(p.options)
                                                            : ParameterText::valueText(p.value));
            line->setStyleSheet({});
        }
    }
}

void PropertyEditor::makeEditor(Row& row, const ParamSpec& spec, const Parameter& value)
{
    if (row.editor) {
        row.holder->removeWidget(row.editor);
        row.editor->hide();
        row.editor->deleteLater();
        row.editor = nullptr;
    }
    row.shownMode = value.mode;
    QWidget* parent = row.mode->parentWidget();
    const std::string name = row.name;
    const Block* block = document_->space().block(blockId_.toStdString());
    QWidget* editor = nullptr;

    if (value.mode == Parameter::Mode::Choice) {
        auto* line = new QLineEdit(ParameterText::listText(value.options), parent);
        line->setPlaceholderText(tr("values, comma-separated: 3, 5, 7"));
        connect(line, &QLineEdit::editingFinished, this,
                [this, name, line] { commitChoiceText(name, line->text()); });
        connect(line, &QLineEdit::textEdited, this, [this, name, line](const QString& text) {
            const Block* b = document_->space().block(blockId_.toStdString());
            const ParamSpec* s = b ? b->info().param(name) : nullptr;
            if (!s)
                return;
            QString why;
            const bool ok = ParameterText::parseList(text, *s, &why).has_value();
            line->setStyleSheet(ok ? QString() : QString::fromLatin1(kErrorStyle));
            showError(ok ? QString() : why);
        });
        editor = line;
    } else if (value.mode == Parameter::Mode::Shared) {
        auto* combo = new QComboBox(parent);
        for (const auto& [sharedName, values] : document_->space().sharedChoices())
            combo->addItem(QStringLiteral("%1  {%2}").arg(QString::fromStdString(sharedName),
                                                           ParameterText::listText(values)),
                           QString::fromStdString(sharedName));
        if (combo->findData(QString::fromStdString(value.sharedName)) < 0)
            combo->addItem(tr("%1 (missing)").arg(QString::fromStdString(value.sharedName)),
                           QString::fromStdString(value.sharedName));
        combo->setCurrentIndex(combo->findData(QString::fromStdString(value.sharedName)));
        connect(combo, qOverload<int>(&QComboBox::activated), this, [this, name, combo](int i) {
            commit(name, Parameter::shared(combo->itemData(i).toString().toStdString()));
        });
        editor = combo;
    } else {
        const std::vector<std::string> words =
            block ? wordsFor(spec, *block, document_->space()) : spec.words;
        switch (spec.type) {
        case Value::Type::Int: {
            auto* spin = new QSpinBox(parent);
            if (spec.maximum > spec.minimum)
                spin->setRange(clampToInt(spec.minimum), clampToInt(spec.maximum));
            else
                spin->setRange(INT_MIN, INT_MAX);
            spin->setValue(clampToInt(value.value.toReal()));
            spin->setKeyboardTracking(false);
            connect(spin, qOverload<int>(&QSpinBox::valueChanged), this,
                    [this, name](int v) { commit(name, Parameter::fixed(Value::integer(v))); });
            editor = spin;
            break;
        }
        case Value::Type::Real: {
            auto* spin = new QDoubleSpinBox(parent);
            spin->setDecimals(4);
            if (spec.maximum > spec.minimum)
                spin->setRange(spec.minimum, spec.maximum);
            else
                spin->setRange(-1e9, 1e9);
            spin->setSingleStep(0.05);
            spin->setValue(value.value.toReal());
            spin->setKeyboardTracking(false);
            connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                    [this, name](double v) { commit(name, Parameter::fixed(Value::real(v))); });
            editor = spin;
            break;
        }
        case Value::Type::Bool: {
            auto* check = new QCheckBox(parent);
            check->setChecked(value.value.toBool());
            connect(check, &QCheckBox::toggled, this,
                    [this, name](bool on) { commit(name, Parameter::fixed(Value::flag(on))); });
            editor = check;
            break;
        }
        case Value::Type::Text: {
            if (!words.empty()) {
                auto* combo = new QComboBox(parent);
                for (const auto& w : words)
                    combo->addItem(QString::fromStdString(w), QString::fromStdString(w));
                const QString current = ParameterText::valueText(value.value);
                if (combo->findData(current) < 0)
                    combo->addItem(tr("%1 (unknown)").arg(current), current);
                combo->setCurrentIndex(combo->findData(current));
                connect(combo, qOverload<int>(&QComboBox::activated), this,
                        [this, name, combo](int i) {
                            commit(name, Parameter::fixed(Value::text(
                                             combo->itemData(i).toString().toStdString())));
                        });
                editor = combo;
            } else {
                auto* line = new QLineEdit(ParameterText::valueText(value.value), parent);
                connect(line, &QLineEdit::editingFinished, this, [this, name, line] {
                    commit(name, Parameter::fixed(Value::text(line->text().trimmed().toStdString())));
                });
                editor = line;
            }
            break;
        }
        }
    }
    editor->setToolTip(QString::fromStdString(spec.help));
    row.holder->addWidget(editor);
    row.editor = editor;
}

void PropertyEditor::modeChosen(const std::string& name, int index)
{
    const Block* block = document_->space().block(blockId_.toStdString());
    if (!block)
        return;
    const ParamSpec* spec = block->info().param(name);
    Row* row = nullptr;
    for (Row& r : rows_)
        if (r.name == name)
            row = &r;
    if (!spec || !row)
        return;
    const auto mode = static_cast<Parameter::Mode>(row->mode->itemData(index).toInt());
    const Parameter& current = block->param(name);
    if (mode == current.mode)
        return;
    // Carry what is there over to the new mode.
    std::vector<Value> values;
    if (current.mode == Parameter::Mode::Fixed)
        values = {current.value};
    else if (current.mode == Parameter::Mode::Choice)
        values = current.options;
    else if (auto it = document_->space().sharedChoices().find(current.sharedName);
             it != document_->space().sharedChoices().end())
        values = it->second;
    if (values.empty())
        values = {spec->defaultValue};

    if (mode == Parameter::Mode::Fixed) {
        commit(name, Parameter::fixed(values.front()));
    } else if (mode == Parameter::Mode::Choice) {
        commit(name, Parameter::choice(values));
        if (auto* line = qobject_cast<QLineEdit*>(valueEditor(QString::fromStdString(name)))) {
            line->setFocus();
            line->selectAll();
        }
    } else {
        const QStringList names = sharedNames();
        if (!names.isEmpty())
            commit(name, Parameter::shared(names.front().toStdString()));
    }
}

void PropertyEditor::commitChoiceText(const std::string& name, const QString& text)
{
    const Block* block = document_->space().block(blockId_.toStdString());
    const ParamSpec* spec = block ? block->info().param(name) : nullptr;
    if (!spec)
        return;
    QString why;
    auto values = ParameterText::parseList(text, *spec, &why);
    auto* line = qobject_cast<QLineEdit*>(valueEditor(QString::fromStdString(name)));
    if (!values) {
        showError(why);
        if (line)
            line->setStyleSheet(QString::fromLatin1(kErrorStyle));
        return;
    }
    if (line)
        line->setStyleSheet({});
    commit(name, Parameter::choice(*values));
}

void PropertyEditor::commit(const std::string& name, const Parameter& value)
{
    const Block* block = document_->space().block(blockId_.toStdString());
    if (!block)
        return;
    showError({});
    if (block->param(name) == value)
        return;
    document_->undoStack()->push(
        new SetParameterCommand(document_, blockId_.toStdString(), name, value));
    // A mode change needs a new editor now, not after the queued refresh.
    for (Row& row : rows_)
        if (row.name == name && row.shownMode != value.mode)
            if (const ParamSpec* spec = block->info().param(name))
                makeEditor(row, *spec, document_->space().block(blockId_.toStdString())->param(name));
}

} // namespace archscape
