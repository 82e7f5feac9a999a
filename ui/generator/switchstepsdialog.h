#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QPushButton;

namespace avld {

class EncoderUrlBox;

// How to point the site at an encoder, in one place: the steps (AVideo has no safe remote way to change
// its Encoder URL), the URL with its secret masked and a Copy button, a button that opens the site's Site
// Configurations page in the browser, and "I changed it — check now", which asks the app to re-read the
// site's Encoder URL (checkNowRequested). Esc or Close dismisses it.
class SwitchStepsDialog : public QDialog {
    Q_OBJECT
public:
    SwitchStepsDialog(const QUrl& siteUrl, const QString& siteName, const QUrl& encoderUrl,
                      QWidget* parent = nullptr);

    QUrl encoderUrl() const { return m_encoderUrl; }
    // Where "Open Site Configurations" goes.
    QUrl configurationsUrl() const { return m_configurationsUrl; }
    // What to know about that encoder before switching; shown above the steps. Empty hides it.
    void setCaveat(const QString& caveat);

Q_SIGNALS:
    void checkNowRequested();

private:
    QUrl m_encoderUrl;
    QUrl m_configurationsUrl;
    EncoderUrlBox* m_url;
    QLabel* m_steps;
    QLabel* m_caveat;
};

} // namespace avld
