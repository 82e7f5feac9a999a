#pragma once

#include "encoders/encoderimage.h"
#include "result.h"

#include <QDeadlineTimer>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace avld {

// What asking the encoder to regenerate one live's image did.
struct EncoderRenewal {
    QUrl stream{};
    Result<EncoderImageVerdict> first{Error{}}; // the answer to renew=1: the encoder's previous image (§1.5)
    Result<EncoderImageVerdict> last{Error{}};  // the answer once the new image was ready, or at the deadline
    // The encoder now serves a real frame: a different one, or (when it already served a real frame that
    // stays the same: a regeneration within the same stream segment gives the same picture) after a few
    // polls.
    bool refreshed = false;
    int polls = 0;
};

// Asks the site's encoder to regenerate live images (getImage.php with renew=1, §1.5, §4) and waits, up to a
// deadline, until it serves the new ones. The encoder answers renew at once with its previous image and
// runs ffmpeg in the background, so we poll without renew until the answer changes.
// Destroying it cancels: the requests under way are aborted and `done` does not run.
class EncoderRenew : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString format = QStringLiteral("jpg");
        int requestTimeoutMs = 5000;
        int settleDeadlineMs = 12000; // how long to wait for the regenerated images
        int pollIntervalMs = 1000;
        int pollsToAcceptUnchanged = 3; // an unchanged real frame is accepted after this many polls
    };

    EncoderRenew(QNetworkAccessManager& network, QObject* parent = nullptr);
    EncoderRenew(QNetworkAccessManager& network, Options options, QObject* parent = nullptr);
    ~EncoderRenew() override;

    // `done` runs once, with one entry per stream in the same order.
    void renew(const QUrl& encoderUrl, const QList<QUrl>& streams,
               std::function<void(QList<EncoderRenewal>)> done);

Q_SIGNALS:
    // Another stream is settled (new image, deadline, or error): `done` of `total`.
    void progress(int done, int total);

private:
    using Answer = std::function<void(Result<EncoderImageVerdict>)>;
    void ask(const QUrl& url, Answer answer);
    void poll(const QUrl& encoderUrl, int index, QDeadlineTimer deadline);
    void settled();

    QNetworkAccessManager& m_network;
    Options m_options;
    QList<EncoderRenewal> m_renewals;
    int m_pending = 0;
    std::function<void(QList<EncoderRenewal>)> m_done;
    QList<QNetworkReply*> m_inFlight;
};

} // namespace avld
