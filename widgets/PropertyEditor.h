#pragma once
// The property editor: the selected block's parameters, one row per entry
// of its kind's ParamSpec table. Each parameter is a fixed value (typed
// editor), a choice list ("3, 5, 7", checked against the spec's type and
// range) or a shared choice; every edit is a SetParameterCommand. Above the
// parameters: the block's id and label; for a Cell, its cell definition
// (the inner graph: name, nodes, operations); with nothing selected, the
// space's name and description. A choice list can be turned into a named
// shared choice, and a shared choice renamed or its values changed.

#include "space/CellDefinition.h"
#include "space/Parameter.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace archscape {

class SpaceDocument;
struct ParamSpec;

class PropertyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PropertyEditor(SpaceDocument* document, QWidget* parent = nullptr);

    QString blockId() const { return blockId_; }
    // The editors of one parameter (for tests and keyboard navigation).
    QComboBox* modeBox(const QString& param) const;
    QWidget* valueEditor(const QString& param) const;
    QString errorText() const;
    QLineEdit* idEditor() const { return idEdit_; }
    QLineEdit* labelEditor() const { return labelEdit_; }
    QLineEdit* cellNameEditor() const { return cellNameEdit_; }
    QSpinBox* cellNodesEditor() const { return cellNodes_; }
    QCheckBox* cellOpBox(const QString& op) const;
    QLineEdit* spaceNameEditor() const { return spaceNameEdit_; }
    QLineEdit* spaceDescriptionEditor() const { return spaceDescriptionEdit_; }
    // The values of the shared choice a Shared parameter is linked to.
    QLineEdit* sharedValuesEditor(const QString& param) const;

public Q_SLOTS:
    // "" shows nothing; several selected blocks show how many.
    void setBlock(const QString& id);
    void setSelectionCount(int count);

    // Each an undo command; false (with errorText) when refused.
    bool renameBlock(const QString& newId);
    bool setLabel(const QString& label);
    // Creates shared choice `sharedName` from the parameter's choice list
    // and links the parameter to it, in one step.
    bool shareChoice(const QString& param, const QString& sharedName);
    bool renameSharedChoice(const QString& from, const QString& to);
    bool setSharedValues(const QString& sharedName, const QString& text);
    bool renameCell(const QString& newName);
    bool setCellNodes(int nodes);
    bool setCellOp(const QString& op, bool on);
    void setSpaceInfo(const QString& name, const QString& description);

private:
    struct Row
    {
        std::string name;
        QComboBox* mode = nullptr;
        QHBoxLayout* holder = nullptr;
        QWidget* editor = nullptr;
        QHBoxLayout* extrasHolder = nullptr; // the line under the editor
        QWidget* extras = nullptr; // Share / Rename buttons, a shared choice's values
        QLineEdit* sharedValues = nullptr;
        std::optional<Parameter::Mode> shownMode;
    };

    void rebuild();
    void refreshValues();
    void makeEditor(Row& row, const ParamSpec& spec, const Parameter& value);
    void modeChosen(const std::string& name, int index);
    void commit(const std::string& name, const Parameter& value);
    void commitChoiceText(const std::string& name, const QString& text);
    void showError(const QString& message);
    QStringList sharedNames() const;
    void buildIdentityForms(QWidget* content);
    void refreshIdentity();
    void askSharedName(const std::string& param);
    void askSharedRename(const std::string& param);
    const CellDefinition* shownCell() const;
    const ParamSpec* specOf(const std::string& param) const;

    SpaceDocument* document_;
    QString blockId_;
    int selectionCount_ = 0;
    bool refreshQueued_ = false;
    QLabel* title_;
    QLabel* help_;
    QLabel* details_;
    QWidget* form_;
    QFormLayout* formLayout_;
    QLabel* error_;
    std::vector<Row> rows_;
    QWidget* identity_ = nullptr;
    QLineEdit* idEdit_ = nullptr;
    QLineEdit* labelEdit_ = nullptr;
    QWidget* cellForm_ = nullptr;
    QLineEdit* cellNameEdit_ = nullptr;
    QSpinBox* cellNodes_ = nullptr;
    std::vector<QCheckBox*> cellOps_;
    QWidget* spaceForm_ = nullptr;
    QLineEdit* spaceNameEdit_ = nullptr;
    QLineEdit* spaceDescriptionEdit_ = nullptr;
};

} // namespace archscape
