#include "thumbnailclass.h"

#include <QCoreApplication>

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

QString thumbnailClassText(ThumbnailClass cls) {
    switch (cls) {
    case ThumbnailClass::RealFrame:
        return QCoreApplication::translate("avld::ThumbnailClass", "real frame");
    case ThumbnailClass::EncoderPlaceholder:
        return QCoreApplication::translate("avld::ThumbnailClass", "encoder placeholder");
    case ThumbnailClass::EncoderNotFound:
        return QCoreApplication::translate("avld::ThumbnailClass", "encoder not-found animation");
    case ThumbnailClass::EncoderCreatingImages:
        return QCoreApplication::translate("avld::ThumbnailClass", "encoder \"creating images\" card");
    case ThumbnailClass::OnlineCard:
        return QCoreApplication::translate("avld::ThumbnailClass", "ONLINE card");
    case ThumbnailClass::OfflineCard:
        return QCoreApplication::translate("avld::ThumbnailClass", "OFFLINE card");
    case ThumbnailClass::ComingSoonCard:
        return QCoreApplication::translate("avld::ThumbnailClass", "COMING SOON card");
    case ThumbnailClass::WaitingLoop:
        return QCoreApplication::translate("avld::ThumbnailClass", "AVideo's waiting loop");
    case ThumbnailClass::StaticPoster:
        return QCoreApplication::translate("avld::ThumbnailClass", "static poster");
    case ThumbnailClass::Blank:
        return QCoreApplication::translate("avld::ThumbnailClass", "blank picture");
    case ThumbnailClass::NotAnImage:
        return QCoreApplication::translate("avld::ThumbnailClass", "broken image");
    case ThumbnailClass::FetchFailed:
        return QCoreApplication::translate("avld::ThumbnailClass", "not fetched");
    }
    return {};
}

bool isPlaceholder(ThumbnailClass cls) {
    return cls != ThumbnailClass::RealFrame && cls != ThumbnailClass::FetchFailed;
}

} // namespace avld
