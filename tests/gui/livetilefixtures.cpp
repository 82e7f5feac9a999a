#include "livetilefixtures.h"

#include "bitmapqt/qimagebridge.h"

#include <QDir>
#include <QFont>
#include <QLinearGradient>
#include <QPainter>

namespace avld::test {

namespace {

const char* const kTitles[] = {"Sunday Service",   "Gaming Night", "City Council",   "Morning Yoga",
                               "Jazz at the Club", "Football U12", "Cooking Live",   "Tech Talk",
                               "Radio Studio",     "Church Choir", "Lecture Hall B", "Street Cam"};
const char* const kUsers[] = {"alice", "bob", "carol", "dave", "erin", "frank"};

QImage fitted(const QImage& image) {
    if (image.width() <= LiveTile::kMaxImageWidth)
        return image;
    return image.scaledToWidth(LiveTile::kMaxImageWidth, Qt::SmoothTransformation);
}

QImage drawnCard(const QString& text, QColor background) {
    QImage image(480, 252, QImage::Format_RGB32);
    image.fill(background);
    QPainter p(&image);
    QFont font;
    font.setPixelSize(56);
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(image.rect(), Qt::AlignCenter, text);
    return image;
}

} // namespace

QImage drawnFrame(QSize size, int seed, const QString& caption) {
    QImage image(size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, size.height());
    sky.setColorAt(0, QColor::fromHsv((seed * 37) % 360, 120, 230));
    sky.setColorAt(1, QColor::fromHsv((seed * 37 + 60) % 360, 200, 90));
    p.fillRect(image.rect(), sky);
    for (int i = 0; i < 5; ++i) {
        const int w = size.width() / (3 + i);
        const QRect r((seed * 53 + i * 97) % qMax(1, size.width() - w),
                      size.height() / 3 + (i * 29) % (size.height() / 2), w, w * 2 / 3);
        p.setBrush(QColor::fromHsv((seed * 71 + i * 50) % 360, 160, 200));
        p.setPen(Qt::NoPen);
        p.drawEllipse(r);
    }
    QFont font;
    font.setPixelSize(qMax(10, size.height() / 10));
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(image.rect().adjusted(8, 8, -8, -8), Qt::AlignLeft | Qt::AlignTop, caption);
    return image;
}

QImage cardImage(ThumbnailClass cls, const QString& referenceDir) {
    const QString file = cls == ThumbnailClass::OnlineCard    ? QStringLiteral("avideo-OnAir.jpg")
                         : cls == ThumbnailClass::OfflineCard ? QStringLiteral("avideo-Offline.jpg")
                                                              : QStringLiteral("encoder-OnAir.jpg");
    if (!referenceDir.isEmpty()) {
        const QImage reference(QDir(referenceDir).filePath(file));
        if (!reference.isNull())
            return fitted(reference.convertToFormat(QImage::Format_RGB32));
    }
    if (cls == ThumbnailClass::OnlineCard)
        return drawnCard(QStringLiteral("ONLINE"), QColor(0x60, 0x60, 0x60));
    if (cls == ThumbnailClass::OfflineCard)
        return drawnCard(QStringLiteral("OFFLINE"), QColor(0x40, 0x40, 0x40));
    return drawnCard(QStringLiteral("On Air"), QColor(0x90, 0x30, 0x20));
}

LiveTile makeTile(int number, TileBadge badge, const QString& referenceDir) {
    LiveTile tile;
    tile.key = QStringLiteral("live-%1").arg(number, 2, 10, QLatin1Char('0'));
    tile.title = QString::fromLatin1(kTitles[number % std::size(kTitles)]);
    tile.user = QString::fromLatin1(kUsers[number % std::size(kUsers)]);
    tile.viewers = (number * 7) % 40;
    tile.bitrateBps = 800000 + number * 350000;
    tile.checkedAt = QDateTime::currentDateTimeUtc();
    tile.badge = badge;
    tile.ourImage = fromQImage(drawnFrame({480, 270}, number, QStringLiteral("ours #%1").arg(number)));
    tile.ourImageHash = size_t(number) + 1;
    tile.ourFrameAgeMs = 1200 + number * 100;
    tile.assessment = {LiveProblem::None, Severity::Ok, {}};
    switch (badge) {
    case TileBadge::Real:
    case TileBadge::Frozen:
    case TileBadge::Stale:
        tile.siteClass = ThumbnailClass::RealFrame;
        tile.siteImage = fromQImage(drawnFrame({480, 270}, number, QStringLiteral("site #%1").arg(number)));
        break;
    case TileBadge::OnlineCard:
        tile.siteClass = ThumbnailClass::OnlineCard;
        tile.siteImage = fromQImage(cardImage(tile.siteClass, referenceDir));
        break;
    case TileBadge::OfflineCard:
        tile.siteClass = ThumbnailClass::OfflineCard;
        tile.siteImage = fromQImage(cardImage(tile.siteClass, referenceDir));
        break;
    case TileBadge::EncoderPlaceholder:
    case TileBadge::OtherCard:
        tile.siteClass = ThumbnailClass::EncoderPlaceholder;
        tile.siteImage = fromQImage(cardImage(tile.siteClass, referenceDir));
        break;
    case TileBadge::Poster:
        tile.siteClass = ThumbnailClass::StaticPoster;
        tile.siteImage =
            fromQImage(drawnFrame({480, 270}, number + 50, QStringLiteral("poster #%1").arg(number)));
        break;
    case TileBadge::Black:
        tile.siteClass = ThumbnailClass::Blank;
        tile.siteImage = Bitmap(480, 270);
        break;
    case TileBadge::Unknown:
        tile.siteClass = ThumbnailClass::FetchFailed;
        tile.siteDetail = QStringLiteral("the site did not answer in 5 s");
        break;
    }
    tile.siteImageHash = tile.siteImage.isNull()
                             ? 0
                             : qHashBits(tile.siteImage.constBits(), size_t(tile.siteImage.sizeInBytes()));
    if (badge == TileBadge::Stale)
        tile.siteImageAgeMs = 3 * 60 * 1000;
    if (isCardBadge(badge)) {
        tile.assessment = {
            LiveProblem::EncoderNotProducing, Severity::Critical,
            tile.title + QStringLiteral(": the site shows ") + thumbnailClassName(tile.siteClass) +
                QStringLiteral(" while the stream has pictures; the encoder gives AVideo no frame")};
    } else if (badge == TileBadge::Frozen) {
        tile.assessment = {
            LiveProblem::None, Severity::Warning,
            QStringLiteral("the site has shown the same picture for longer than AVideo caches it")};
    } else if (badge == TileBadge::Unknown) {
        tile.ourImage = {};
        tile.ourImageHash = 0;
        tile.ourError = QStringLiteral("Timeout: no segment within 6 s");
        tile.assessment = {LiveProblem::StreamUnplayable, Severity::Critical,
                           tile.title + QStringLiteral(": our own grab fails (timeout)")};
    }
    return tile;
}

} // namespace avld::test
