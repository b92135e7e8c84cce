#include "PropertyEditor.h"

#include "BlockHelpText.h"
#include "BlockStyle.h"
#include "EditBlockCommand.h"
#include "ParameterText.h"
#include "RenameCommand.h"
#include "SetCellCommand.h"
#include "SetParameterCommand.h"
#include "SetSharedChoiceCommand.h"
#include "SetSpaceInfoCommand.h"
#include "SpaceDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
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

// Hiding a focused field ends its editing, which would commit its text
// again: after an undo, the value the undo just took back.
void retire(QWidget* widget, const QObject* editor)
{
    widget->disconnect(editor);
    for (QObject* child : widget->findChildren<QObject*>())
        child->disconnect(editor);
    widget->hide();
    widget->deleteLater();
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
    buildIdentityForms(content);
    layout->addWidget(identity_);
    layout->addWidget(cellForm_);
    layout->addWidget(spaceForm_);
    layout->addWidget(form_);
    layout->addWidget(error_);
    layout->addStretch(1);
    scroll->setWidget(content);

    connect(document_, &SpaceDocument::spaceReset, this, [this] { setBlock({}); });
    connect(document_, &SpaceDocument::blockRemoved, this, [this](const QString& id) {
        if (id == blockId_)
            setBlock({});
    });
    connect(document_, &SpaceDocument::blockRenamed, this, [this](const QString& from, const QString& to) {
        if (SpaceDocument::topLevelId(blockId_.toStdString()) != from.toStdString())
            return;
        blockId_ = to + blockId_.mid(from.size());
        rebuild();
    });
    connect(document_, &SpaceDocument::spaceInfoChanged, this, &PropertyEditor::refreshIdentity);
    connect(document_, &SpaceDocument::cellsChanged, this, &PropertyEditor::refreshIdentity);
    connect(document_, &SpaceDocument::sharedChoicesChanged, this, [this] {
        // A new or renamed shared choice changes the mode and link lists.
        if (!refreshQueued_) {
            refreshQueued_ = true;
            QTimer::singleShot(0, this, [this] {
                refreshQueued_ = false;
                rebuild();
            });
        }
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
    // Later, not now: a row's own editor may be what asked for the rebuild.
    while (formLayout_->rowCount() > 0) {
        const QFormLayout::TakeRowResult taken = formLayout_->takeRow(0);
        for (QLayoutItem* item : {taken.labelItem, taken.fieldItem}) {
            if (item && item->widget())
                retire(item->widget(), this);
            delete item;
        }
    }
    rows_.clear();
    showError({});
    refreshIdentity();

    const Block* block = document_->blockAt(blockId_.toStdString());
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
    help_->setText(BlockHelpText::of(info));

    QStringList details;
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
        // Two lines: mode and value, then (for choices) sharing, so the
        // dock stays narrow.
        auto* fieldLines = new QVBoxLayout(field);
        fieldLines->setContentsMargins(0, 0, 0, 0);
        fieldLines->setSpacing(2);
        auto* fieldLayout = new QHBoxLayout;
        fieldLines->addLayout(fieldLayout);
        row.extrasHolder = new QHBoxLayout;
        fieldLines->addLayout(row.extrasHolder);
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
        QString tip = BlockHelpText::of(spec);
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
    const Block* block = document_->blockAt(blockId_.toStdString());
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
    for (QWidget** old : {&row.editor, &row.extras}) {
        if (*old) {
            row.holder->removeWidget(*old);
            row.extrasHolder->removeWidget(*old);
            retire(*old, this);
            *old = nullptr;
        }
    }
    row.sharedValues = nullptr;
    row.shownMode = value.mode;
    QWidget* parent = row.mode->parentWidget();
    const std::string name = row.name;
    const Block* block = document_->blockAt(blockId_.toStdString());
    QWidget* editor = nullptr;

    if (value.mode == Parameter::Mode::Choice) {
        auto* line = new QLineEdit(ParameterText::listText(value.options), parent);
        line->setPlaceholderText(tr("values, comma-separated: 3, 5, 7"));
        connect(line, &QLineEdit::editingFinished, this,
                [this, name, line] { commitChoiceText(name, line->text()); });
        connect(line, &QLineEdit::textEdited, this, [this, name, line](const QString& text) {
            const Block* b = document_->blockAt(blockId_.toStdString());
            const ParamSpec* s = b ? b->info().param(name) : nullptr;
            if (!s)
                return;
            QString why;
            const bool ok = ParameterText::parseList(text, *s, &why).has_value();
            line->setStyleSheet(ok ? QString() : QString::fromLatin1(kErrorStyle));
            showError(ok ? QString() : why);
        });
        editor = line;
        auto* share = new QToolButton(parent);
        share->setObjectName(QStringLiteral("share"));
        share->setText(tr("Share…"));
        share->setToolTip(tr("Make this list a named shared choice that other parameters can "
                             "link to: one decision, several places."));
        connect(share, &QToolButton::clicked, this, [this, name] { askSharedName(name); });
        row.extras = share;
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
        auto* extras = new QWidget(parent);
        auto* extrasLayout = new QHBoxLayout(extras);
        extrasLayout->setContentsMargins(0, 0, 0, 0);
        auto* values = new QLineEdit(extras);
        values->setToolTip(tr("The shared choice's values, comma-separated; every linked "
                              "parameter takes the same one."));
        if (auto it = document_->space().sharedChoices().find(value.sharedName);
            it != document_->space().sharedChoices().end())
            values->setText(ParameterText::listText(it->second));
        const QString shared = QString::fromStdString(value.sharedName);
        connect(values, &QLineEdit::editingFinished, this,
                [this, shared, values] { setSharedValues(shared, values->text()); });
        auto* rename = new QToolButton(extras);
        rename->setObjectName(QStringLiteral("renameShared"));
        rename->setText(tr("Rename…"));
        connect(rename, &QToolButton::clicked, this, [this, name] { askSharedRename(name); });
        extrasLayout->addWidget(values, 1);
        extrasLayout->addWidget(rename);
        row.extras = extras;
        row.sharedValues = values;
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
    editor->setToolTip(BlockHelpText::of(spec));
    row.holder->addWidget(editor, 1);
    row.editor = editor;
    if (row.extras && value.mode == Parameter::Mode::Shared)
        row.extrasHolder->addWidget(row.extras, 1);
    else if (row.extras)
        row.extrasHolder->addWidget(row.extras, 0, Qt::AlignRight);
}

void PropertyEditor::modeChosen(const std::string& name, int index)
{
    const Block* block = document_->blockAt(blockId_.toStdString());
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
    const Block* block = document_->blockAt(blockId_.toStdString());
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
    const Block* block = document_->blockAt(blockId_.toStdString());
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
                makeEditor(row, *spec, document_->blockAt(blockId_.toStdString())->param(name));
}

} // namespace archscape

namespace archscape {

namespace {

QLineEdit* lineIn(QWidget* parent, const QString& objectName, const QString& tip)
{
    auto* line = new QLineEdit(parent);
    line->setObjectName(objectName);
    line->setToolTip(tip);
    return line;
}

} // namespace

void PropertyEditor::buildIdentityForms(QWidget* content)
{
    identity_ = new QWidget(content);
    auto* identity = new QFormLayout(identity_);
    identity->setContentsMargins(0, 4, 0, 0);
    idEdit_ = lineIn(identity_, QStringLiteral("blockId"),
                     tr("The block's id: letters, digits, '_' and '-'; unique in the space"));
    labelEdit_ = lineIn(identity_, QStringLiteral("blockLabel"), tr("A free label shown on the canvas"));
    identity->addRow(tr("id"), idEdit_);
    identity->addRow(tr("label"), labelEdit_);
    connect(idEdit_, &QLineEdit::editingFinished, this, [this] { renameBlock(idEdit_->text()); });
    connect(labelEdit_, &QLineEdit::editingFinished, this, [this] { setLabel(labelEdit_->text()); });

    cellForm_ = new QWidget(content);
    auto* cell = new QFormLayout(cellForm_);
    cell->setContentsMargins(0, 4, 0, 0);
    auto* heading = new QLabel(tr("<b>Cell definition</b> (shared by every Cell block naming it; "
                                  "double-click the block to see its graph)"),
                               cellForm_);
    heading->setWordWrap(true);
    cell->addRow(heading);
    cellNameEdit_ = lineIn(cellForm_, QStringLiteral("cellName"), tr("The cell definition's name"));
    cell->addRow(tr("cell"), cellNameEdit_);
    connect(cellNameEdit_, &QLineEdit::editingFinished, this,
            [this] { renameCell(cellNameEdit_->text()); });
    cellNodes_ = new QSpinBox(cellForm_);
    cellNodes_->setRange(2, 12);
    cellNodes_->setKeyboardTracking(false);
    cellNodes_->setToolTip(tr("Nodes, the input and output included; every pair is an edge"));
    cell->addRow(tr("nodes"), cellNodes_);
    connect(cellNodes_, qOverload<int>(&QSpinBox::valueChanged), this,
            [this](int n) { setCellNodes(n); });
    auto* ops = new QWidget(cellForm_);
    auto* opsLayout = new QVBoxLayout(ops);
    opsLayout->setContentsMargins(0, 0, 0, 0);
    opsLayout->setSpacing(0);
    for (const std::string& op : allCellOpNames()) {
        auto* box = new QCheckBox(QString::fromStdString(op), ops);
        const QString name = QString::fromStdString(op);
        connect(box, &QCheckBox::toggled, this, [this, name](bool on) { setCellOp(name, on); });
        opsLayout->addWidget(box);
        cellOps_.push_back(box);
    }
    cell->addRow(tr("edge ops"), ops);

    spaceForm_ = new QWidget(content);
    auto* space = new QFormLayout(spaceForm_);
    space->setContentsMargins(0, 4, 0, 0);
    space->addRow(new QLabel(tr("<b>Search space</b>"), spaceForm_));
    spaceNameEdit_ = lineIn(spaceForm_, QStringLiteral("spaceName"), tr("The space's name"));
    spaceDescriptionEdit_ = lineIn(spaceForm_, QStringLiteral("spaceDescription"),
                                   tr("What the space is for"));
    space->addRow(tr("name"), spaceNameEdit_);
    space->addRow(tr("description"), spaceDescriptionEdit_);
    auto commitInfo = [this] { setSpaceInfo(spaceNameEdit_->text(), spaceDescriptionEdit_->text()); };
    connect(spaceNameEdit_, &QLineEdit::editingFinished, this, commitInfo);
    connect(spaceDescriptionEdit_, &QLineEdit::editingFinished, this, commitInfo);
}

const CellDefinition* PropertyEditor::shownCell() const
{
    const Block* block = document_->space().block(blockId_.toStdString());
    if (!block || block->kind != BlockKind::Cell)
        return nullptr;
    auto it = document_->space().cells().find(block->param("cell").value.toText());
    return it == document_->space().cells().end() ? nullptr : &it->second;
}

void PropertyEditor::refreshIdentity()
{
    const std::string path = blockId_.toStdString();
    const Block* block = document_->blockAt(path);
    identity_->setVisible(block != nullptr);
    if (block) {
        const QSignalBlocker a(idEdit_), b(labelEdit_);
        idEdit_->setText(QString::fromStdString(block->id));
        labelEdit_->setText(QString::fromStdString(block->name));
    }
    const CellDefinition* cell = shownCell();
    cellForm_->setVisible(block && block->kind == BlockKind::Cell
                          && SpaceDocument::topLevelId(path) == path);
    if (cellForm_->isVisibleTo(this) || cell) {
        const QSignalBlocker a(cellNameEdit_), b(cellNodes_);
        cellNameEdit_->setText(block ? QString::fromStdString(block->param("cell").value.toText())
                                     : QString());
        cellNodes_->setEnabled(cell != nullptr);
        cellNodes_->setValue(cell ? cell->nodes : 4);
        for (QCheckBox* box : cellOps_) {
            const QSignalBlocker c(box);
            box->setEnabled(cell != nullptr);
            box->setChecked(cell && std::find(cell->ops.begin(), cell->ops.end(),
                                              box->text().toStdString())
                                        != cell->ops.end());
        }
    }
    spaceForm_->setVisible(!block && selectionCount_ <= 1);
    if (!block) {
        const QSignalBlocker a(spaceNameEdit_), b(spaceDescriptionEdit_);
        spaceNameEdit_->setText(QString::fromStdString(document_->space().name));
        spaceDescriptionEdit_->setText(QString::fromStdString(document_->space().description));
        spaceDescriptionEdit_->setCursorPosition(0);
    }
}

QCheckBox* PropertyEditor::cellOpBox(const QString& op) const
{
    for (QCheckBox* box : cellOps_)
        if (box->text() == op)
            return box;
    return nullptr;
}

QLineEdit* PropertyEditor::sharedValuesEditor(const QString& param) const
{
    for (const Row& row : rows_)
        if (row.name == param.toStdString())
            return row.sharedValues;
    return nullptr;
}

const ParamSpec* PropertyEditor::specOf(const std::string& param) const
{
    const Block* block = document_->blockAt(blockId_.toStdString());
    return block ? block->info().param(param) : nullptr;
}

bool PropertyEditor::renameBlock(const QString& newId)
{
    const std::string path = blockId_.toStdString();
    const Block* block = document_->blockAt(path);
    const std::string id = newId.trimmed().toStdString();
    if (!block || id == block->id)
        return block != nullptr;
    if (!SearchSpace::isValidId(id)) {
        showError(tr("'%1' is not a valid id: use letters, digits, '_' and '-'.").arg(newId));
        refreshIdentity();
        return false;
    }
    const std::string top = SpaceDocument::topLevelId(path);
    if (top == path) {
        if (document_->space().block(id)) {
            showError(tr("There is already a block %1.").arg(newId));
            refreshIdentity();
            return false;
        }
        showError({});
        document_->undoStack()->push(
            new RenameCommand(document_, RenameCommand::Target::Block, path, id));
        return true;
    }
    Block owner = *document_->space().block(top);
    for (auto* list : {&owner.alternatives, &owner.body}) {
        for (const Block& b : *list)
            if (b.id == id) {
                showError(tr("%1 already has an inner block %2.")
                              .arg(QString::fromStdString(top), newId));
                refreshIdentity();
                return false;
            }
        for (Block& b : *list)
            if (b.id == block->id)
                b.id = id;
    }
    showError({});
    const QString newPath = QString::fromStdString(top + "/" + id);
    document_->undoStack()->push(new EditBlockCommand(
        document_, std::move(owner), tr("Rename %1 to %2").arg(blockId_, newPath)));
    setBlock(newPath);
    return true;
}

bool PropertyEditor::setLabel(const QString& label)
{
    const std::string path = blockId_.toStdString();
    const Block* block = document_->blockAt(path);
    if (!block || block->name == label.toStdString())
        return block != nullptr;
    const std::string top = SpaceDocument::topLevelId(path);
    Block owner = *document_->space().block(top);
    Block* target = &owner;
    for (auto* list : {&owner.alternatives, &owner.body})
        for (Block& b : *list)
            if (path != top && b.id == block->id)
                target = &b;
    target->name = label.toStdString();
    document_->undoStack()->push(
        new EditBlockCommand(document_, std::move(owner), tr("Label %1").arg(blockId_)));
    return true;
}

bool PropertyEditor::shareChoice(const QString& param, const QString& sharedName)
{
    const std::string name = param.toStdString();
    const std::string shared = sharedName.trimmed().toStdString();
    const Block* block = document_->blockAt(blockId_.toStdString());
    if (!block || !specOf(name))
        return false;
    if (!SearchSpace::isValidId(shared)) {
        showError(tr("'%1' is not a valid name for a shared choice.").arg(sharedName));
        return false;
    }
    if (document_->space().sharedChoices().count(shared)) {
        showError(tr("There is already a shared choice %1; link to it with the Shared mode.")
                      .arg(sharedName));
        return false;
    }
    const Parameter& current = block->param(name);
    const std::vector<Value> values = current.mode == Parameter::Mode::Choice
                                          ? current.options
                                          : std::vector<Value>{current.value};
    showError({});
    auto* both = new QUndoCommand(tr("Share %1 of %2 as %3").arg(param, blockId_, sharedName));
    new SetSharedChoiceCommand(document_, shared, values, both);
    new SetParameterCommand(document_, blockId_.toStdString(), name, Parameter::shared(shared), both);
    document_->undoStack()->push(both);
    return true;
}

bool PropertyEditor::renameSharedChoice(const QString& from, const QString& to)
{
    const std::string target = to.trimmed().toStdString();
    if (!document_->space().sharedChoices().count(from.toStdString()))
        return false;
    if (!SearchSpace::isValidId(target) || document_->space().sharedChoices().count(target)) {
        showError(tr("'%1' is not a free name for a shared choice.").arg(to));
        return false;
    }
    showError({});
    document_->undoStack()->push(new RenameCommand(document_, RenameCommand::Target::SharedChoice,
                                                   from.toStdString(), target));
    return true;
}

bool PropertyEditor::setSharedValues(const QString& sharedName, const QString& text)
{
    const std::string shared = sharedName.toStdString();
    auto it = document_->space().sharedChoices().find(shared);
    if (it == document_->space().sharedChoices().end())
        return false;
    // Checked against the first parameter linked to it here.
    const ParamSpec* spec = nullptr;
    const Block* block = document_->blockAt(blockId_.toStdString());
    if (block)
        for (const auto& [name, p] : block->params)
            if (p.mode == Parameter::Mode::Shared && p.sharedName == shared)
                spec = block->info().param(name);
    if (!spec)
        return false;
    QString why;
    auto values = ParameterText::parseList(text, *spec, &why);
    if (!values) {
        showError(why);
        return false;
    }
    showError({});
    if (*values != it->second)
        document_->undoStack()->push(new SetSharedChoiceCommand(document_, shared, *values));
    return true;
}

bool PropertyEditor::renameCell(const QString& newName)
{
    const Block* block = document_->space().block(blockId_.toStdString());
    if (!block || block->kind != BlockKind::Cell)
        return false;
    const std::string from = block->param("cell").value.toText();
    const std::string to = newName.trimmed().toStdString();
    if (to == from)
        return true;
    if (!SearchSpace::isValidId(to) || document_->space().cells().count(to)
        || !document_->space().cells().count(from)) {
        showError(tr("'%1' is not a free name for a cell definition.").arg(newName));
        refreshIdentity();
        return false;
    }
    showError({});
    document_->undoStack()->push(
        new RenameCommand(document_, RenameCommand::Target::Cell, from, to));
    return true;
}

bool PropertyEditor::setCellNodes(int nodes)
{
    const CellDefinition* cell = shownCell();
    if (!cell || nodes < 2 || nodes > 12)
        return false;
    if (cell->nodes == nodes)
        return true;
    CellDefinition changed = *cell;
    changed.nodes = nodes;
    document_->undoStack()->push(new SetCellCommand(document_, changed.name, changed));
    return true;
}

bool PropertyEditor::setCellOp(const QString& op, bool on)
{
    const CellDefinition* cell = shownCell();
    if (!cell)
        return false;
    const std::string name = op.toStdString();
    const bool has = std::find(cell->ops.begin(), cell->ops.end(), name) != cell->ops.end();
    if (has == on)
        return true;
    if (!on && cell->ops.size() == 1) {
        showError(tr("A cell's edges need at least one operation to choose from."));
        refreshIdentity();
        return false;
    }
    CellDefinition changed = *cell;
    changed.ops.clear();
    for (const std::string& known : allCellOpNames()) {
        const bool was = std::find(cell->ops.begin(), cell->ops.end(), known) != cell->ops.end();
        if (known == name ? on : was)
            changed.ops.push_back(known);
    }
    showError({});
    document_->undoStack()->push(new SetCellCommand(document_, changed.name, changed));
    return true;
}

void PropertyEditor::setSpaceInfo(const QString& name, const QString& description)
{
    const SearchSpace& space = document_->space();
    if (space.name == name.toStdString() && space.description == description.toStdString())
        return;
    document_->undoStack()->push(
        new SetSpaceInfoCommand(document_, name.toStdString(), description.toStdString()));
}

void PropertyEditor::askSharedName(const std::string& param)
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Share a choice"),
        tr("Name of the shared choice (other parameters link to it by this name):"),
        QLineEdit::Normal, QString::fromStdString(param), &ok);
    if (ok)
        shareChoice(QString::fromStdString(param), name);
}

void PropertyEditor::askSharedRename(const std::string& param)
{
    const Block* block = document_->blockAt(blockId_.toStdString());
    if (!block)
        return;
    const QString from = QString::fromStdString(block->param(param).sharedName);
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename a shared choice"),
                                             tr("New name for %1 (every link follows):").arg(from),
                                             QLineEdit::Normal, from, &ok);
    if (ok)
        renameSharedChoice(from, to);
}

} // namespace archscape
