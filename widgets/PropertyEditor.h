#pragma once
// The property editor: the selected block's parameters, one row per entry
// of its kind's ParamSpec table. Each parameter is a fixed value (typed
// editor), a choice list ("3, 5, 7", checked against the spec's type and
// range) or a shared choice; every edit is a SetParameterCommand.

#include "space/Parameter.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;

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

public Q_SLOTS:
    // "" shows nothing; several selected blocks show how many.
    void setBlock(const QString& id);
    void setSelectionCount(int count);

private:
    struct Row
    {
        std::string name;
        QComboBox* mode = nullptr;
        QHBoxLayout* holder = nullptr;
        QWidget* editor = nullptr;
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
};

} // namespace archscape
