#include "framechecks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace avld {

namespace {

double correlation(const std::array<quint8, FrameSample::kCoarsePixels>& a,
                   const std::array<quint8, FrameSample::kCoarsePixels>& b) {
    double meanA = 0, meanB = 0;
    for (int i = 0; i < FrameSample::kCoarsePixels; ++i) {
        meanA += a[i];
        meanB += b[i];
    }
    meanA /= FrameSample::kCoarsePixels;
    meanB /= FrameSample::kCoarsePixels;
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < FrameSample::kCoarsePixels; ++i) {
        const double da = a[i] - meanA, db = b[i] - meanB;
        ab += da * db;
        aa += da * da;
        bb += db * db;
    }
    return (aa <= 0 || bb <= 0) ? 0.0 : ab / std::sqrt(aa * bb);
}

// The nearest reference by pHash; failing that, the "Creating Images" texture.
FrameChecks::CardMatch matchCard(const FrameSample& sample) {
    FrameChecks::CardMatch match;
    const bool structured = PerceptualHash::structureBits(sample.hash) >= FrameChecks::kMinStructureBits;
    for (const CardReference& reference : KnownCards::references()) {
        if (!structured || PerceptualHash::structureBits(reference.hash) < FrameChecks::kMinStructureBits)
            continue;
        const int distance = PerceptualHash::distance(sample.hash, reference.hash);
        if (distance < match.distance) {
            match.distance = distance;
            match.nearest = &reference;
        }
    }
    if (match.nearest && match.distance <= FrameChecks::kCardMaxDistance) {
        match.card = match.nearest->card;
        return match;
    }
    match.creatingImagesCorrelation =
        correlation(sample.coarseGrey(), KnownCards::creatingImagesCoarseGrey());
    if (match.creatingImagesCorrelation >= FrameChecks::kTextureMinCorrelation)
        match.card = KnownCard::EncoderCreatingImages;
    return match;
}

} // namespace

FrameChecks::Luma FrameChecks::measure(const FrameSample& sample) {
    Luma luma;
    if (sample.isNull())
        return luma;
    double greySum = 0, greySquares = 0;
    double channelSum[3] = {0, 0, 0}, channelSquares[3] = {0, 0, 0};
    int dark = 0;
    for (int y = 0; y < FrameSample::kHeight; ++y) {
        const Rgb* line = sample.thumbnail.constScanLine(y);
        for (int x = 0; x < FrameSample::kWidth; ++x) {
            const double g = sample.grey[y * FrameSample::kWidth + x];
            greySum += g;
            greySquares += g * g;
            const int channels[3] = {redOf(line[x]), greenOf(line[x]), blueOf(line[x])};
            for (int c = 0; c < 3; ++c) {
                channelSum[c] += channels[c];
                channelSquares[c] += double(channels[c]) * channels[c];
            }
            if (std::max({channels[0], channels[1], channels[2]}) < kDarkLevel)
                ++dark;
        }
    }
    constexpr double n = FrameSample::kPixels;
    const auto deviation = [n](double sum, double squares) {
        const double mean = sum / n;
        return std::sqrt(std::max(0.0, squares / n - mean * mean));
    };
    luma.mean = greySum / n;
    luma.stdDev = deviation(greySum, greySquares);
    luma.darkFraction = dark / n;
    for (int c = 0; c < 3; ++c)
        luma.colourStdDev = std::max(luma.colourStdDev, deviation(channelSum[c], channelSquares[c]));
    return luma;
}

bool FrameChecks::isBlack(const Luma& luma) {
    return luma.darkFraction >= kBlackMinDarkFraction && luma.mean < kBlackMaxMeanLuma;
}

bool FrameChecks::isFlat(const Luma& luma) {
    return luma.colourStdDev < kFlatMaxStdDev;
}

FrameChecks::Difference FrameChecks::difference(const FrameSample& a, const FrameSample& b) {
    Difference d;
    long sum = 0;
    for (int i = 0; i < FrameSample::kPixels; ++i) {
        const int delta = std::abs(int(a.grey[i]) - int(b.grey[i]));
        sum += delta;
        d.maxAbs = std::max(d.maxAbs, delta);
    }
    d.meanAbs = double(sum) / FrameSample::kPixels;
    return d;
}

bool FrameChecks::samePicture(const FrameSample& a, const FrameSample& b) {
    if (a.isNull() || b.isNull())
        return false;
    const Difference d = difference(a, b);
    return d.meanAbs <= kSameMaxMeanDiff && d.maxAbs <= kSameMaxPixelDiff;
}

bool FrameChecks::samePicture(const Bitmap& a, const Bitmap& b) {
    return samePicture(FrameSample::of(a), FrameSample::of(b));
}

FrameChecks::CardMatch FrameChecks::recognizeCard(const FrameSample& sample) {
    if (sample.isNull() || isFlat(measure(sample)))
        return {};
    return matchCard(sample);
}

FrameVerdict FrameChecks::classify(const FrameSample& sample) {
    FrameVerdict verdict;
    if (sample.isNull())
        return verdict;
    verdict.hasPicture = true;
    const Luma luma = measure(sample);
    verdict.meanLuma = luma.mean;
    verdict.black = isBlack(luma);
    verdict.flat = isFlat(luma);
    if (!verdict.flat) {
        const CardMatch match = matchCard(sample);
        verdict.card = match.card;
        verdict.cardDistance = match.distance;
    }
    return verdict;
}

FrameVerdict FrameChecks::classify(const Bitmap& frame) {
    return classify(FrameSample::of(frame));
}

} // namespace avld
