#include "BreadcrumbBar.h"

#include "SpaceDocument.h"
#include "SpaceScene.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace archscape {

BreadcrumbBar::BreadcrumbBar(SpaceScene* scene, QWidget* parent)
    : QWidget(parent), scene_(scene), top_(new QToolButton(this)), current_(new QLabel(this))
{
    setObjectName(QStringLiteral("breadcrumb"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(
        QStringLiteral("#breadcrumb { background: rgba(27,29,32,230); border: 1px solid #555b63; "
                       "border-radius: 5px; }"
                       "QLabel, QToolButton { color: #eeeeee; }"
                       "QToolButton { border: none; text-decoration: underline; padding: 2px 4px; }"
                       "QToolButton:hover { color: #ffb347; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 8, 3);
    layout->setSpacing(4);
    top_->setText(tr("Search space"));
    top_->setToolTip(tr("Back to the top-level graph (Esc)"));
    top_->setCursor(Qt::PointingHandCursor);
    layout->addWidget(top_);
    layout->addWidget(current_);
    connect(top_, &QToolButton::clicked, scene_, &SpaceScene::leaveScope);
    connect(scene_, &SpaceScene::scopeChanged, this, &BreadcrumbBar::showScope);
    showScope(scene_->scope());
}

QString BreadcrumbBar::text() const
{
    return top_->text() + QStringLiteral(" ") + current_->text();
}

void BreadcrumbBar::showScope(const QString& scope)
{
    const Block* b = scene_->document()->space().block(scope.toStdString());
    setVisible(b != nullptr);
    if (!b)
        return;
    QString what = QString::fromStdString(b->info().displayName);
    if (b->kind == BlockKind::Cell)
        what += QStringLiteral(" ") + QString::fromStdString(b->param("cell").value.toText());
    current_->setText(
        QStringLiteral("› <b>%1</b> (%2)").arg(scope.toHtmlEscaped(), what.toHtmlEscaped()));
    adjustSize();
}

} // namespace archscape
