#include "gifdecoder.h"

#include "codecsupport.h"

#include <algorithm>
#include <cstring>
#include <gif_lib.h>
#include <memory>
#include <vector>

namespace avld {

namespace {

const QString kGif = QStringLiteral("GIF");

struct MemoryReader {
    const QByteArray& bytes;
    qsizetype at = 0;
    bool ranOut = false; // giflib asked for bytes past the end
};

int readFromMemory(GifFileType* gif, GifByteType* buffer, int count) {
    auto* reader = static_cast<MemoryReader*>(gif->UserData);
    const int available = int(std::min<qsizetype>(count, reader->bytes.size() - reader->at));
    std::memcpy(buffer, reader->bytes.constData() + reader->at, std::size_t(std::max(available, 0)));
    reader->at += available;
    reader->ranOut = reader->ranOut || available < count;
    return available;
}

void closeGif(GifFileType* gif) {
    int error = 0;
    DGifCloseFile(gif, &error);
}

Error failure(const MemoryReader& reader, int error) {
    // giflib names a short read after what it was reading ("no screen descriptor"): the reader knows better.
    if (reader.ranOut || error == D_GIF_ERR_READ_FAILED || error == D_GIF_ERR_EOF_TOO_SOON)
        return codec::cutOff(kGif, reader.bytes.size());
    const char* text = GifErrorString(error);
    return codec::damaged(kGif,
                          text ? QString::fromLatin1(text) : QStringLiteral("giflib error %1").arg(error));
}

// The colour index a graphic control extension marks as transparent, or -1.
int transparentIndex(GifByteType* extension) {
    GraphicsControlBlock control;
    if (extension == nullptr || extension[0] < 4 ||
        DGifExtensionToGCB(extension[0], extension + 1, &control) != GIF_OK)
        return -1;
    return control.TransparentColor;
}

// The rows of an interlaced frame come in four passes: every 8th from 0, every 8th from 4, every 4th from 2,
// every 2nd from 1.
std::vector<int> rowOrder(int height, bool interlaced) {
    std::vector<int> rows;
    rows.reserve(std::size_t(height));
    if (!interlaced) {
        for (int y = 0; y < height; ++y)
            rows.push_back(y);
        return rows;
    }
    constexpr int start[] = {0, 4, 2, 1};
    constexpr int step[] = {8, 8, 4, 2};
    for (int pass = 0; pass < 4; ++pass) {
        for (int y = start[pass]; y < height; y += step[pass])
            rows.push_back(y);
    }
    return rows;
}

Result<Bitmap> decodeFrame(const MemoryReader& reader, GifFileType* gif, int transparent,
                           const DecodeLimits& limits) {
    const GifImageDesc& frame = gif->Image;
    if (auto refusal =
            codec::refuseDeclaredSize(QStringLiteral("GIF's first frame"), frame.Width, frame.Height, limits))
        return *refusal;
    const ColorMapObject* palette = frame.ColorMap ? frame.ColorMap : gif->SColorMap;
    if (palette == nullptr || palette->Colors == nullptr)
        return codec::damaged(kGif, QStringLiteral("its first frame has no colour palette"));
    std::vector<Rgb> colours(256, rgb(0, 0, 0));
    for (int i = 0; i < std::min(palette->ColorCount, 256); ++i)
        colours[std::size_t(i)] =
            rgb(palette->Colors[i].Red, palette->Colors[i].Green, palette->Colors[i].Blue);
    Bitmap bitmap(gif->SWidth, gif->SHeight, limits.maxPixels);
    if (transparent >= 0 && transparent < 256)
        bitmap.fill(colours[std::size_t(transparent)]);
    else if (gif->SColorMap && gif->SBackGroundColor < gif->SColorMap->ColorCount)
        bitmap.fill(rgb(gif->SColorMap->Colors[gif->SBackGroundColor].Red,
                        gif->SColorMap->Colors[gif->SBackGroundColor].Green,
                        gif->SColorMap->Colors[gif->SBackGroundColor].Blue));
    std::vector<GifPixelType> line(std::size_t(frame.Width));
    for (const int row : rowOrder(frame.Height, frame.Interlace)) {
        if (DGifGetLine(gif, line.data(), frame.Width) != GIF_OK)
            return failure(reader, gif->Error);
        const int y = frame.Top + row;
        if (y >= bitmap.height())
            continue; // a frame reaching past the screen is clipped
        Rgb* out = bitmap.scanLine(y);
        for (int x = 0; x < frame.Width && frame.Left + x < bitmap.width(); ++x)
            out[frame.Left + x] = colours[line[std::size_t(x)]];
    }
    return bitmap;
}

} // namespace

Result<Bitmap> decodeGif(const QByteArray& bytes, const DecodeLimits& limits) {
    MemoryReader reader{bytes};
    int error = 0;
    const std::unique_ptr<GifFileType, void (*)(GifFileType*)> gif(DGifOpen(&reader, readFromMemory, &error),
                                                                   closeGif);
    if (!gif)
        return failure(reader, error);
    if (auto refusal = codec::refuseDeclaredSize(kGif, gif->SWidth, gif->SHeight, limits))
        return *refusal;
    int transparent = -1;
    for (;;) {
        GifRecordType type = UNDEFINED_RECORD_TYPE;
        if (DGifGetRecordType(gif.get(), &type) != GIF_OK)
            return failure(reader, gif->Error);
        if (type == IMAGE_DESC_RECORD_TYPE) {
            if (DGifGetImageDesc(gif.get()) != GIF_OK)
                return failure(reader, gif->Error);
            return decodeFrame(reader, gif.get(), transparent, limits);
        }
        if (type == EXTENSION_RECORD_TYPE) {
            int code = 0;
            GifByteType* extension = nullptr;
            if (DGifGetExtension(gif.get(), &code, &extension) != GIF_OK)
                return failure(reader, gif->Error);
            if (code == GRAPHICS_EXT_FUNC_CODE)
                transparent = transparentIndex(extension);
            while (extension != nullptr) {
                if (DGifGetExtensionNext(gif.get(), &extension) != GIF_OK)
                    return failure(reader, gif->Error);
            }
            continue;
        }
        if (type == TERMINATE_RECORD_TYPE)
            return codec::decodeError(QStringLiteral("picture-empty"),
                                      QStringLiteral("the GIF ends without a single frame"));
        return codec::damaged(kGif, QStringLiteral("it holds a record of unknown type"));
    }
}

} // namespace avld
