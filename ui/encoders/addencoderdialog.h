#pragma once

#include <QDialog>
#include <QUrl>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace avld {

// Asks for the URL of an encoder to watch; OK only for an http(s) URL with a host.
class AddEncoderDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddEncoderDialog(QWidget* parent = nullptr);

    // The encoder's root with a trailing slash, as AVideo's encoderURL.
    QUrl url() const;
    // The same check: nullopt with `why` filled when `text` is not an encoder URL.
    static std::optional<QUrl> encoderUrl(const QString& text, QString* why = nullptr);

private:
    void validate();

    QLineEdit* m_edit;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace avld
