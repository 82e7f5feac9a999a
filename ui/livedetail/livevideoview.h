#pragma once

#include "media/grabbedframe.h"

#include <QWidget>

namespace avld {

// Shows the newest frame of a playing live, fitted into the widget (aspect, sample aspect and rotation
// kept, black around it), or a line saying what the player is doing when there is no picture.
class LiveVideoView : public QWidget {
    Q_OBJECT
public:
    explicit LiveVideoView(QWidget* parent = nullptr);

    void showFrame(const GrabbedFrame& frame);
    // Shown over the picture (or alone when there is none); empty hides it.
    void setMessage(const QString& message);
    // Forgets the picture, e.g. when another live is opened.
    void clear(const QString& message);

    const GrabbedFrame& frame() const { return m_frame; }
    QString message() const { return m_message; }
    // Where the picture is drawn, in widget coordinates (empty when there is none).
    QRect pictureRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    GrabbedFrame m_frame;
    QString m_message;
};

} // namespace avld
