#pragma once

#include <QUrl>
#include <QWidget>

class QLineEdit;
class QPushButton;

namespace avld {

// The Encoder URL to give AVideo, read-only, its secret path masked until "Show" is on, and a Copy button
// that puts the real URL on the clipboard.
class EncoderUrlBox : public QWidget {
    Q_OBJECT
public:
    explicit EncoderUrlBox(QWidget* parent = nullptr);

    void setUrl(const QUrl& url); // an empty URL clears the field
    QUrl url() const { return m_url; }
    bool secretVisible() const;
    void setSecretVisible(bool visible);

    // scheme://host:port/•••…/ — the URL with its path hidden.
    static QString masked(const QUrl& url);
    // The URL as shown: masked unless `visible`.
    static QString shown(const QUrl& url, bool visible);

Q_SIGNALS:
    void secretVisibleChanged(bool visible);
    void copied();

private:
    void refresh();

    QUrl m_url;
    QLineEdit* m_field;
    QPushButton* m_show;
    QPushButton* m_copy;
};

} // namespace avld
