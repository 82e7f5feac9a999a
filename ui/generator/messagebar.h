#pragma once

#include <QFrame>

class QLabel;

namespace avld {

// A dismissible strip at the top of a page: what went wrong and what to do about it.
class MessageBar : public QFrame {
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);

    void showError(const QString& message, const QString& hint);
    QString text() const;

private:
    QLabel* m_label;
};

} // namespace avld
