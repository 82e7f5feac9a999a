#include "thumbnailclasstext.h"

#include <QCoreApplication>

namespace avld {

namespace {

struct ThumbnailClassWords {
    Q_DECLARE_TR_FUNCTIONS(ThumbnailClassWords)
};

} // namespace

QString thumbnailClassText(ThumbnailClass cls) {
    switch (cls) {
    case ThumbnailClass::RealFrame:
        return ThumbnailClassWords::tr("real frame");
    case ThumbnailClass::EncoderPlaceholder:
        return ThumbnailClassWords::tr("encoder placeholder");
    case ThumbnailClass::EncoderNotFound:
        return ThumbnailClassWords::tr("encoder not-found animation");
    case ThumbnailClass::EncoderCreatingImages:
        return ThumbnailClassWords::tr("encoder \"creating images\" card");
    case ThumbnailClass::OnlineCard:
        return ThumbnailClassWords::tr("ONLINE card");
    case ThumbnailClass::OfflineCard:
        return ThumbnailClassWords::tr("OFFLINE card");
    case ThumbnailClass::ComingSoonCard:
        return ThumbnailClassWords::tr("COMING SOON card");
    case ThumbnailClass::WaitingLoop:
        return ThumbnailClassWords::tr("AVideo's waiting loop");
    case ThumbnailClass::StaticPoster:
        return ThumbnailClassWords::tr("static poster");
    case ThumbnailClass::Blank:
        return ThumbnailClassWords::tr("blank picture");
    case ThumbnailClass::NotAnImage:
        return ThumbnailClassWords::tr("broken image");
    case ThumbnailClass::FetchFailed:
        return ThumbnailClassWords::tr("not fetched");
    }
    return {};
}

} // namespace avld
