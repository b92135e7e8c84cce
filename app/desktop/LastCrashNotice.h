#pragma once
// The app's side of the crash handler (engine/plugin/PluginCrashHandler):
// where it writes why the app crashed, and, at the next start, that
// message shown once ("The last session ended because ...").

#include <QString>

class QWidget;

namespace archscape {

class LastCrashNotice
{
public:
    // last-crash.txt in the app's data folder (created here, before any
    // crash); empty when there is no writable data folder.
    static QString reportFile();
    // Shows the last crash's message, if one was left, and removes it.
    static void showIfAny(QWidget* parent);
};

} // namespace archscape
