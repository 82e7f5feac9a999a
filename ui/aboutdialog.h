#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace avld {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    // The versions text, also offered for copying into bug reports.
    QString versionsText() const;

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace avld
