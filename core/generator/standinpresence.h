#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace avld {

// Who a running stand-in is and whether anyone asks it for pictures: what a verification needs to tell this
// run's pictures from ones AVideo cached earlier. `/healthz` carries the same fields.
struct StandinPresence {
    QString instance{};      // this run's identity: every image it makes carries it in our marker
    qint64 images = 0;       // images answered since the run started
    QDateTime startedAt{};   // when the run started
    QDateTime lastImageAt{}; // the last image answered; invalid while none was

    // A new run's identity: 8 random hex digits (not a secret: it travels in every image).
    static QString newInstanceId();
    QJsonObject toJson() const;
    // From a /healthz answer; an error when the body is not one (an older build has no "instance").
    static Result<StandinPresence> fromHealthJson(const QByteArray& body);
};

// Reads the presence of the stand-in whose Encoder URL is `encoderUrl` from its {prefix}healthz, within
// `timeoutMs`. `done` is called once, on the calling thread.
void fetchStandinPresence(QNetworkAccessManager& network, const QUrl& encoderUrl, int timeoutMs,
                          std::function<void(Result<StandinPresence>)> done);

} // namespace avld
