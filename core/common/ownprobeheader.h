#pragma once

namespace avld {

// The header this tool's encoder probe sends with its requests (AVideo never does): our stand-in serves
// such a request alike but does not count it as a picture a site took.
inline constexpr char kOwnProbeHeader[] = "X-Avld-Probe";

} // namespace avld
