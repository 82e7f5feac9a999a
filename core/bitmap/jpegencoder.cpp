#include "bitmapcodec.h"
#include "codecsupport.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <jpeglib.h>

namespace avld {

namespace {

// libjpeg's default error handler ends the process; this one jumps back to compress() with the message.
struct JpegFailure {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jumpBack(j_common_ptr info) {
    auto* failure = reinterpret_cast<JpegFailure*>(info->err);
    info->err->format_message(info, failure->message);
    std::longjmp(failure->jump, 1);
}

void ignoreMessage(j_common_ptr, int) {}

// No object with a destructor may live in this function: a longjmp out of libjpeg would skip it. The output
// is malloc'ed by libjpeg (jpeg_mem_dest); the caller frees it, even on failure.
bool compress(const Bitmap& bitmap, int quality, unsigned char** output, unsigned long* outputSize,
              JpegFailure* failure) {
    jpeg_compress_struct info;
    info.err = jpeg_std_error(&failure->manager);
    failure->manager.error_exit = jumpBack;
    failure->manager.emit_message = ignoreMessage;
    if (setjmp(failure->jump)) {
        jpeg_destroy_compress(&info);
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, output, outputSize);
    info.image_width = JDIMENSION(bitmap.width());
    info.image_height = JDIMENSION(bitmap.height());
    info.input_components = 4;
    info.in_color_space = JCS_EXT_BGRX;
    jpeg_set_defaults(&info); // 4:2:0, baseline
    jpeg_set_quality(&info, quality, TRUE);
    // Huffman tables fitted to the picture: about 5-10 % smaller, what Qt's OptimizedWrite did.
    info.optimize_coding = TRUE;
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        // libjpeg takes rows as non-const but only reads them.
        JSAMPROW row =
            const_cast<JSAMPROW>(bitmap.constBits() + qsizetype(info.next_scanline) * bitmap.bytesPerLine());
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}

} // namespace

Result<QByteArray> encodeJpeg(const Bitmap& bitmap, int quality) {
    const QString format = QStringLiteral("JPEG");
    if (auto refusal = codec::refuseEncoding(format, bitmap, quality))
        return *refusal;
    unsigned char* output = nullptr;
    unsigned long outputSize = 0;
    JpegFailure failure{};
    const bool done = compress(bitmap, std::max(quality, 1), &output, &outputSize, &failure);
    QByteArray encoded;
    if (done)
        encoded = QByteArray(reinterpret_cast<const char*>(output), qsizetype(outputSize));
    std::free(output);
    if (!done)
        return codec::encodeError(format, QString::fromLocal8Bit(failure.message));
    return encoded;
}

} // namespace avld
