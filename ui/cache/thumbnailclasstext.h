#pragma once

#include "media/thumbnailclass.h"

#include <QString>

namespace avld {

// What a site thumbnail is, in the user's language ("ONLINE card", "real frame", …). Core's
// thumbnailClassName() stays English: the JSON and the command line print it.
QString thumbnailClassText(ThumbnailClass cls);

} // namespace avld
