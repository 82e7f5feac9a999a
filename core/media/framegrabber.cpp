#include "framegrabber.h"

#include "grabtask.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>

#include <optional>

namespace avld {

FrameGrabber::FrameGrabber(QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock) {}

QPointer<GrabTask> FrameGrabber::grab(const QUrl& url, const GrabOptions& options, Done done) {
    auto* task = new GrabTask(m_network, m_clock, url, options, std::move(done), this);
    QPointer<GrabTask> handle(task);
    task->start();
    return handle;
}

Result<GrabResult> FrameGrabber::grabAndWait(const QUrl& url, const GrabOptions& options) {
    QNetworkAccessManager network;
    FrameGrabber grabber(network);
    QEventLoop loop;
    std::optional<Result<GrabResult>> outcome;
    grabber.grab(url, options, [&](Result<GrabResult> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

QUrl FrameGrabber::urlFromUserInput(const QString& text) {
    const QString trimmed = text.trimmed();
    // Without a scheme it is a path, present or not: a missing file is "no such file", not a strange URL.
    if (QFileInfo::exists(trimmed) || QUrl(trimmed).scheme().isEmpty())
        return QUrl::fromLocalFile(QFileInfo(trimmed).absoluteFilePath());
    return QUrl(trimmed);
}

} // namespace avld
