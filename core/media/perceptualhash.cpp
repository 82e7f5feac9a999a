#include "perceptualhash.h"

#include "bitmap/bitmapscale.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <numbers>

// Hand-written: Debian 12 packages no pHash for QImage (OpenCV contrib img_hash wants cv::Mat and Qt 5).

namespace avld {

namespace {

constexpr int kN = PerceptualHash::kSide;
constexpr int kB = PerceptualHash::kBlock;
constexpr double kNoiseFloor = 64.0;

// cos((2x + 1) u pi / 2N) for the DCT-II; only the kB lowest frequencies are ever needed.
const std::array<std::array<double, kN>, kB>& cosineTable() {
    static const auto table = [] {
        std::array<std::array<double, kN>, kB> t{};
        for (int u = 0; u < kB; ++u)
            for (int x = 0; x < kN; ++x)
                t[u][x] = std::cos((2 * x + 1) * u * std::numbers::pi / (2.0 * kN));
        return t;
    }();
    return table;
}

} // namespace

quint64 PerceptualHash::compute(const Bitmap& image) {
    if (image.isNull())
        return 0;
    const Bitmap small = scaled(image, kN, kN);
    if (small.isNull())
        return 0;

    std::array<std::array<double, kN>, kN> grey{};
    for (int y = 0; y < kN; ++y) {
        const Rgb* line = small.constScanLine(y);
        for (int x = 0; x < kN; ++x)
            grey[y][x] = 0.299 * redOf(line[x]) + 0.587 * greenOf(line[x]) + 0.114 * blueOf(line[x]);
    }

    // Separable DCT-II, rows then columns, computing only the low-frequency block.
    const auto& c = cosineTable();
    std::array<std::array<double, kB>, kN> rows{}; // rows[y][u]
    for (int y = 0; y < kN; ++y)
        for (int u = 0; u < kB; ++u) {
            double sum = 0;
            for (int x = 0; x < kN; ++x)
                sum += grey[y][x] * c[u][x];
            rows[y][u] = sum;
        }
    std::array<double, kB * kB - 1> coefficients{}; // (u, v) at index 8 * v + u - 1, DC left out
    for (int v = 0; v < kB; ++v)
        for (int u = 0; u < kB; ++u) {
            if (u == 0 && v == 0)
                continue;
            double sum = 0;
            for (int y = 0; y < kN; ++y)
                sum += rows[y][u] * c[v][y];
            coefficients[kB * v + u - 1] = sum;
        }

    // Coefficients this small are rounding noise (a cosine a quarter of a grey level high gives 64 or more):
    // taken as exactly 0 so that they cannot flip bits. Pictures with little structure (gradients, a black
    // picture with small text) then hash to few set bits and stay stable instead of hashing to noise.
    for (double& coefficient : coefficients)
        if (std::abs(coefficient) < kNoiseFloor)
            coefficient = 0;

    auto sorted = coefficients;
    const auto middle = sorted.begin() + sorted.size() / 2;
    std::nth_element(sorted.begin(), middle, sorted.end());
    const double median = *middle;

    quint64 hash = 0;
    for (std::size_t i = 0; i < coefficients.size(); ++i)
        if (coefficients[i] > median)
            hash |= quint64(1) << i;
    return hash;
}

int PerceptualHash::distance(quint64 a, quint64 b) {
    return std::popcount(a ^ b);
}

int PerceptualHash::structureBits(quint64 hash) {
    return std::popcount(hash);
}

} // namespace avld
