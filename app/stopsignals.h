#pragma once

#include <QObject>

class QSocketNotifier;

namespace avld {

// Turns SIGTERM and SIGINT into a Qt signal, for long-running headless commands (serve, encoders --watch):
// the handler only writes a byte to a pipe, the event loop reads it (the self-pipe pattern from Qt's "Calling
// Qt Functions From Unix Signal Handlers"). One instance per process.
class StopSignals : public QObject {
    Q_OBJECT
public:
    explicit StopSignals(QObject* parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace avld
