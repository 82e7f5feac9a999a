#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QPixmap>
#include <QTimer>

namespace avld {

// The animated preview of the one tile being hovered or selected: loading, playing (looping) or failed.
// Holds the clip's frames as pixmaps scaled once to the picture area they are drawn in, so a paint only
// blits; a timer at the clip's rate moves on and asks for a repaint of that tile alone.
class TilePreview : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Loading, Playing, Failed };

    explicit TilePreview(QObject* parent = nullptr);

    // A preview of `key` was asked for: the tile shows that it is on its way.
    void load(const QString& key);
    // The clip for `key` arrived; false (and ignored) when `key` is not the one loading or shown.
    bool play(const QString& key, const QList<QImage>& frames, int fps);
    // No clip for `key`; false when `key` is not the one loading.
    bool fail(const QString& key, const QString& reason);
    // Back to the tile's normal picture.
    void stop();

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }
    const QString& key() const { return m_key; }
    const QString& reason() const { return m_reason; }
    int frameCount() const { return int(m_frames.size()); }
    int currentFrame() const { return m_current; }
    int fps() const { return m_fps; }

    // Scales the frames for `box` (device-independent pixels) at `devicePixelRatio` unless already done.
    void prepare(QSize box, qreal devicePixelRatio);
    // The current frame fitted into `box`; prepares first when the box changed (the tile was resized).
    QPixmap framePixmap(QSize box, qreal devicePixelRatio);

Q_SIGNALS:
    // The tile of `key` looks different now: repaint it.
    void changed(const QString& key);

private:
    void advance();
    void reset(State state, const QString& key);

    State m_state = State::Idle;
    QString m_key;
    QString m_reason;
    QList<QImage> m_frames;
    int m_fps = 5;
    int m_current = 0;
    QTimer m_timer;
    QList<QPixmap> m_pixmaps; // m_frames fitted into m_box
    QSize m_box;
    qreal m_devicePixelRatio = 0;
};

} // namespace avld
