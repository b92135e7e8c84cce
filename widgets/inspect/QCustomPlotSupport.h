#pragma once
// <qcustomplot.h> for a build with QT_NO_KEYWORDS: the header itself uses
// `signals:` and `foreach`, so they are defined around the include only.

#ifndef signals
#define signals Q_SIGNALS
#define ARCHSCAPE_UNDEF_SIGNALS
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define ARCHSCAPE_UNDEF_FOREACH
#endif

#include <qcustomplot.h>

#ifdef ARCHSCAPE_UNDEF_SIGNALS
#undef signals
#undef ARCHSCAPE_UNDEF_SIGNALS
#endif
#ifdef ARCHSCAPE_UNDEF_FOREACH
#undef foreach
#undef ARCHSCAPE_UNDEF_FOREACH
#endif
