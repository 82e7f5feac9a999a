#pragma once

#include <QWidget>

namespace avld {

// A page that is not built yet: it says plainly what will be there, so nothing looks broken.
class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString& title, const QString& iconPath, const QString& description,
                    QWidget* parent = nullptr);
};

} // namespace avld
