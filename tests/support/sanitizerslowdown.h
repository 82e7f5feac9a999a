#pragma once

namespace avld::test {

// The sanitized build (AVLD_SANITIZE: ASan + UBSan at -O1) runs the same code 2 to 5 times slower. A test
// whose bound is a product deadline checked as a function (the first answer is a picture, not an empty body)
// stretches that deadline by this factor there; the normal build checks the real one. GCC defines
// __SANITIZE_ADDRESS__ under -fsanitize=address, so no flag of our own is needed.
#ifdef __SANITIZE_ADDRESS__
inline constexpr int kSanitizerSlowdown = 3;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif

} // namespace avld::test
