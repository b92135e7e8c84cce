#pragma once
// Shared by the widget tests: the bundled spaces, a document's space as
// text (the exact comparison undo must pass), and synthetic mouse drags.

#include "SpaceDocument.h"
#include "space/SpaceFile.h"

#include <QApplication>
#include <QMouseEvent>
#include <QString>
#include <QWidget>
#include <QtGlobal>

#include <string>

namespace widgettest {

inline QString bundledSpacePath(const QString& fileName)
{
    return qEnvironmentVariable("ARCHSCAPE_SOURCE_DIR") + QStringLiteral("/resources/spaces/")
           + fileName;
}

inline std::string text(const archscape::SpaceDocument& document)
{
    return archscape::SpaceFile::serialize(document.space());
}

// A press, moves in steps and a release with the left button held, sent
// as events: QTest's own mouse moves do not carry the pressed button.
inline void leftDrag(QWidget* widget, QPoint from, QPoint to, int steps = 8,
                     Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons held) {
        QMouseEvent event(type, QPointF(at), QPointF(widget->mapToGlobal(at)), button, held,
                          modifiers);
        QApplication::sendEvent(widget, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= steps; ++i)
        send(QEvent::MouseMove, from + (to - from) * i / steps, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

} // namespace widgettest
