#pragma once

#include <QByteArray>
#include <QString>

namespace avld::test {

// The static files of an AVideo-Encoder that the fake encoder serves (avideo-protocol.md §1.5, §2.5):
// view/img/OnAir.jpg (exactly 70 808 bytes), OnAir.png, notfound.gif (exactly 2 095 341 bytes) and
// creatingImages.jpg (147 137 bytes). Read from the shared reference-images folder when it is there;
// otherwise drawn, and the jpg and gif padded to the exact sizes that AVideo recognises (§1.3).
class EncoderPlaceholders {
public:
    static constexpr qint64 kOnAirJpgSize = 70'808;
    static constexpr qint64 kNotFoundGifSize = 2'095'341;

    explicit EncoderPlaceholders(const QString& referenceDir = {});

    bool fromReference() const { return m_fromReference; }
    QByteArray onAirJpg() const { return m_onAirJpg; }
    QByteArray onAirPng() const { return m_onAirPng; }
    QByteArray notFoundGif() const { return m_notFoundGif; }
    QByteArray creatingImagesJpg() const { return m_creatingImages; }

private:
    bool m_fromReference = false;
    QByteArray m_onAirJpg;
    QByteArray m_onAirPng;
    QByteArray m_notFoundGif;
    QByteArray m_creatingImages;
};

} // namespace avld::test
