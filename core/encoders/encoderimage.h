#pragma once

#include "media/thumbnailclass.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace avld {

// AVideo gives the encoder this long to answer a live thumbnail request, then shows its ONLINE card
// (url_get_contents(..., 2), avideo-protocol.md §1.2 step 8).
inline constexpr int kAVideoEncoderBudgetMs = 2000;

// The request AVideo makes to its encoder for a live's thumbnail (§1.2 step 8, §1.5):
// {encoderUrl}objects/getImage.php?base64Url=<base64(stream URL)>&format=<format>[&renew=1].
// Unlike AVideo we percent-encode the base64 ('+' would arrive as a space).
QUrl encoderImageUrl(const QUrl& encoderUrl, const QUrl& streamUrl, const QString& format,
                     bool renew = false);

// What an encoder's getImage answer means for the site.
struct EncoderImageVerdict {
    QString frameClass{}; // "real-frame", "encoder-placeholder", "blank", "not-an-image", "empty"
    ThumbnailClass cls = ThumbnailClass::NotAnImage;
    qint64 bytes = 0;
    QString detail{};

    bool isRealFrame() const { return frameClass == QStringLiteral("real-frame"); }
};

// Classifies the body the way it matters to AVideo: empty (AVideo shows its card), a placeholder by
// AVideo's byte windows or by picture (§1.3; AVideo shows it but does not cache it), or a real frame.
EncoderImageVerdict judgeEncoderImage(const QByteArray& body);

} // namespace avld
