#include "webpcodec.h"

#include "codecsupport.h"

#include <cstring>
#include <memory>
#include <utility>
#include <webp/decode.h>
#include <webp/demux.h>
#include <webp/encode.h>

namespace avld {

namespace {

const QString kWebp = QStringLiteral("WebP");

QString statusText(VP8StatusCode status) {
    switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY:
        return QStringLiteral("out of memory");
    case VP8_STATUS_INVALID_PARAM:
        return QStringLiteral("invalid parameter");
    case VP8_STATUS_BITSTREAM_ERROR:
        return QStringLiteral("its bitstream is invalid");
    case VP8_STATUS_UNSUPPORTED_FEATURE:
        return QStringLiteral("it uses a feature libwebp does not support");
    case VP8_STATUS_SUSPENDED:
    case VP8_STATUS_USER_ABORT:
        return QStringLiteral("decoding stopped");
    case VP8_STATUS_NOT_ENOUGH_DATA:
        return QStringLiteral("not enough data");
    case VP8_STATUS_OK:
        break;
    }
    return QStringLiteral("status %1").arg(int(status));
}

// The RIFF header says how long the file is: fewer bytes than that means it was cut off.
bool shorterThanDeclared(const QByteArray& bytes) {
    if (bytes.size() < 12)
        return true;
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    const qint64 declared =
        qint64(data[4]) | (qint64(data[5]) << 8) | (qint64(data[6]) << 16) | (qint64(data[7]) << 24);
    return bytes.size() < declared + 8;
}

Error failure(const QByteArray& bytes, VP8StatusCode status) {
    if (status == VP8_STATUS_NOT_ENOUGH_DATA || shorterThanDeclared(bytes))
        return codec::cutOff(kWebp, bytes.size());
    if (status == VP8_STATUS_OUT_OF_MEMORY)
        return codec::decodeError(QStringLiteral("out-of-memory"),
                                  QStringLiteral("there was not enough memory to decode the WebP"));
    return codec::damaged(kWebp, statusText(status));
}

Result<Bitmap> decodeStill(const QByteArray& bytes, Bitmap bitmap) {
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config))
        return codec::decodeError(QStringLiteral("decoder-unavailable"),
                                  QStringLiteral("the WebP decoder does not match its header"));
    config.output.colorspace = MODE_BGRA;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = bitmap.bits();
    config.output.u.RGBA.stride = int(bitmap.bytesPerLine());
    config.output.u.RGBA.size = std::size_t(bitmap.sizeInBytes());
    const VP8StatusCode status =
        WebPDecode(reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()), &config);
    WebPFreeDecBuffer(&config.output);
    if (status != VP8_STATUS_OK)
        return failure(bytes, status);
    return bitmap;
}

Result<Bitmap> decodeFirstFrame(const QByteArray& bytes, Bitmap bitmap) {
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options))
        return codec::decodeError(QStringLiteral("decoder-unavailable"),
                                  QStringLiteral("the WebP animation decoder does not match its header"));
    options.color_mode = MODE_BGRA;
    options.use_threads = 0;
    const WebPData data{reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size())};
    const std::unique_ptr<WebPAnimDecoder, void (*)(WebPAnimDecoder*)> decoder(
        WebPAnimDecoderNew(&data, &options), WebPAnimDecoderDelete);
    if (!decoder)
        return failure(bytes, VP8_STATUS_BITSTREAM_ERROR);
    WebPAnimInfo info;
    if (!WebPAnimDecoderGetInfo(decoder.get(), &info) || int(info.canvas_width) != bitmap.width() ||
        int(info.canvas_height) != bitmap.height())
        return codec::damaged(kWebp, QStringLiteral("its animation canvas does not match its header"));
    uint8_t* canvas = nullptr;
    int timestamp = 0;
    if (!WebPAnimDecoderGetNext(decoder.get(), &canvas, &timestamp))
        return failure(bytes, VP8_STATUS_BITSTREAM_ERROR);
    // The canvas is packed B,G,R,A rows of the bitmap's width, the bitmap's own layout.
    std::memcpy(bitmap.bits(), canvas, std::size_t(bitmap.sizeInBytes()));
    return bitmap;
}

// A simple lossy file's key frame declares its size in 14 bits; libwebp calls a zero there an invalid
// bitstream, and a person is better told the size. -1 when the file is not of that kind.
std::pair<int, int> lossyKeyFrameSize(const QByteArray& bytes) {
    const auto* data = reinterpret_cast<const uchar*>(bytes.constData());
    if (bytes.size() < 30 || bytes.mid(12, 4) != "VP8 " || data[23] != 0x9d || data[24] != 0x01 ||
        data[25] != 0x2a)
        return {-1, -1};
    return {(data[26] | (data[27] << 8)) & 0x3fff, (data[28] | (data[29] << 8)) & 0x3fff};
}

} // namespace

Result<Bitmap> decodeWebp(const QByteArray& bytes, const DecodeLimits& limits) {
    if (const auto [width, height] = lossyKeyFrameSize(bytes); width == 0 || height == 0)
        return *codec::refuseDeclaredSize(kWebp, width, height, limits);
    WebPBitstreamFeatures features;
    const VP8StatusCode status = WebPGetFeatures(reinterpret_cast<const uint8_t*>(bytes.constData()),
                                                 std::size_t(bytes.size()), &features);
    if (status != VP8_STATUS_OK)
        return failure(bytes, status);
    // For an animation these are the canvas's: every frame lies inside it.
    if (auto refusal = codec::refuseDeclaredSize(kWebp, features.width, features.height, limits))
        return *refusal;
    Bitmap bitmap(features.width, features.height, limits.maxPixels);
    Result<Bitmap> decoded = features.has_animation ? decodeFirstFrame(bytes, std::move(bitmap))
                                                    : decodeStill(bytes, std::move(bitmap));
    if (decoded.ok() && (features.has_alpha || features.has_animation))
        codec::dropAlpha(decoded.value());
    return decoded;
}

Result<QByteArray> encodeWebp(const Bitmap& bitmap, int quality) {
    if (auto refusal = codec::refuseEncoding(kWebp, bitmap, quality))
        return *refusal;
    if (bitmap.width() > WEBP_MAX_DIMENSION || bitmap.height() > WEBP_MAX_DIMENSION)
        return codec::encodeError(kWebp,
                                  QStringLiteral("WebP allows at most %1 pixels a side, and the picture is "
                                                 "%2×%3")
                                      .arg(WEBP_MAX_DIMENSION)
                                      .arg(bitmap.width())
                                      .arg(bitmap.height()));
    WebPConfig config;
    WebPPicture picture;
    if (!WebPConfigPreset(&config, WEBP_PRESET_DEFAULT, float(quality)) || !WebPPictureInit(&picture))
        return codec::encodeError(kWebp, QStringLiteral("the WebP encoder does not match its header"));
    picture.width = bitmap.width();
    picture.height = bitmap.height();
    // BGRX: the fourth byte is ignored, so the file never carries an alpha channel.
    if (!WebPPictureImportBGRX(&picture, bitmap.constBits(), int(bitmap.bytesPerLine()))) {
        WebPPictureFree(&picture);
        return codec::encodeError(kWebp, QStringLiteral("out of memory"));
    }
    WebPMemoryWriter writer;
    WebPMemoryWriterInit(&writer);
    picture.writer = WebPMemoryWrite;
    picture.custom_ptr = &writer;
    const bool done = WebPEncode(&config, &picture) != 0;
    const WebPEncodingError error = picture.error_code;
    WebPPictureFree(&picture);
    QByteArray encoded;
    if (done)
        encoded = QByteArray(reinterpret_cast<const char*>(writer.mem), qsizetype(writer.size));
    WebPMemoryWriterClear(&writer);
    if (!done)
        return codec::encodeError(kWebp, QStringLiteral("libwebp error %1").arg(int(error)));
    return encoded;
}

} // namespace avld
