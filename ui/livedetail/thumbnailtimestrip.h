#pragma once

#include <QDateTime>
#include <QList>
#include <QPixmap>
#include <QWidget>

namespace avld {

// What visitors saw at each check, laid out under the chart on the chart's own time axis: each picture is
// centred on the moment it was taken. Where pictures would overlap, the newer one is kept.
class ThumbnailTimeStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumbWidth = 112;

    struct Thumbnail {
        QDateTime at;
        QImage image;
        QString note; // shown as the tooltip, e.g. what the picture was classified as
    };

    explicit ThumbnailTimeStrip(QWidget* parent = nullptr);

    void setThumbnails(const QList<Thumbnail>& thumbnails);
    // The chart's time axis: `from` is drawn at x = `left` and `to` at x = `right` (this widget's pixels).
    void setAxis(const QDateTime& from, const QDateTime& to, int left, int right);

    // The pictures drawn now, oldest first: when each was taken and its centre's x.
    QList<QPair<QDateTime, int>> placed() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Placed {
        int index;
        int centre;
        QRect box;
    };
    void layOut();
    int xOf(const QDateTime& at) const;

    QList<Thumbnail> m_thumbnails;
    QList<QPixmap> m_pixmaps;
    QList<Placed> m_placed;
    QDateTime m_from;
    QDateTime m_to;
    int m_left = 0;
    int m_right = 0;
};

} // namespace avld
