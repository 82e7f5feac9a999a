#pragma once

#include <QProxyStyle>

namespace avld {

// The application's style with a focus ring a keyboard user can see: 2 px in the palette's highlight colour
// around the focused button, check box, list item or other control, where the base style (Fusion) draws a
// faint dotted or 1 px outline. Everything else is the base style's.
class FocusRingStyle : public QProxyStyle {
    Q_OBJECT
public:
    explicit FocusRingStyle(QStyle* base = nullptr);

    static constexpr int RingWidth = 2;

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
};

} // namespace avld
