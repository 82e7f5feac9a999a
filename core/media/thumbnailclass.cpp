#include "thumbnailclass.h"

namespace avld {

QString thumbnailClassName(ThumbnailClass cls) {
    switch (cls) {
    case ThumbnailClass::RealFrame:
        return QStringLiteral("real frame");
    case ThumbnailClass::EncoderPlaceholder:
        return QStringLiteral("encoder placeholder");
    case ThumbnailClass::EncoderNotFound:
        return QStringLiteral("encoder not-found animation");
    case ThumbnailClass::EncoderCreatingImages:
        return QStringLiteral("encoder \"creating images\" card");
    case ThumbnailClass::OnlineCard:
        return QStringLiteral("ONLINE card");
    case ThumbnailClass::OfflineCard:
        return QStringLiteral("OFFLINE card");
    case ThumbnailClass::ComingSoonCard:
        return QStringLiteral("COMING SOON card");
    case ThumbnailClass::WaitingLoop:
        return QStringLiteral("AVideo's waiting loop");
    case ThumbnailClass::StaticPoster:
        return QStringLiteral("static poster");
    case ThumbnailClass::Blank:
        return QStringLiteral("blank picture");
    case ThumbnailClass::NotAnImage:
        return QStringLiteral("broken image");
    case ThumbnailClass::FetchFailed:
        return QStringLiteral("not fetched");
    }
    return {};
}

bool isPlaceholder(ThumbnailClass cls) {
    return cls != ThumbnailClass::RealFrame && cls != ThumbnailClass::FetchFailed;
}

} // namespace avld
