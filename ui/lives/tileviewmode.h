#pragma once

namespace avld {

// Which pictures a Lives tile shows: what visitors see beside our own frame, or one of them large.
enum class TileViewMode { SideBySide, SiteOnly, OursOnly };

} // namespace avld
