#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

namespace avld::test {

// The pictures the simulated site serves instead of a live frame (avideo-protocol.md §1.4):
// plugin/Live/view/OnAir.jpg ("ONLINE"), Offline.jpg ("OFFLINE") and ComingSoon.jpg, read from the shared
// reference-images folder when it is there. Without it (a clone of the repository for the demo), grey
// 1280x720 stand-ins with the big word are drawn instead; FrameChecks does not take those for the real
// cards.
class SiteCardImages {
public:
    static constexpr QSize kCardSize{1280, 720};
    // Facebook's Open Graph size, to which getImage.php scales its fallback (§1.2 steps 2, 3, 6, 9).
    static constexpr QSize kScaledSize{1200, 630};

    explicit SiteCardImages(const QString& referenceDir = {});

    bool fromReference() const { return m_fromReference; }
    QByteArray onAir() const { return m_onAir; }
    QByteArray offline() const { return m_offline; }
    QByteArray comingSoon() const { return m_comingSoon; }
    // OnAir.jpg scaled to 1200x630, JPEG: what getImage.php answers when the encoder gave nothing.
    QByteArray onAirScaled() const { return m_onAirScaled; }

    // Scales a picture to exactly `size` (the aspect ratio is not kept: 16:9 to 1200x630 is what AVideo
    // shows) and encodes it as JPEG.
    static QByteArray scaledJpeg(const QByteArray& picture, QSize size);

private:
    bool m_fromReference = false;
    QByteArray m_onAir;
    QByteArray m_offline;
    QByteArray m_comingSoon;
    QByteArray m_onAirScaled;
};

} // namespace avld::test
