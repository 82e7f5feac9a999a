#pragma once

#include "result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace avld {

class LogBuffer;
class LogFilterModel;
class LogModel;

// The Log page: the process's log records as a table with level, category and search filters, following
// the newest record unless the user scrolled up; copy (Ctrl+C) and export of what is shown.
class LogPage : public QWidget {
    Q_OBJECT
public:
    explicit LogPage(LogBuffer& buffer, QWidget* parent = nullptr);

    LogModel* model() const { return m_model; }
    LogFilterModel* filterModel() const { return m_filter; }

    // Writes the visible rows as text lines to `path`; says what happened in the status line.
    Status exportTo(const QString& path);
    // The selected rows as text lines, in view order.
    QString selectedText() const;
    bool isFollowingNewest() const { return m_follow; }

public Q_SLOTS:
    void exportWithDialog();
    void copySelection();
    void clearView();
    void focusSearch();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildFilterBar();
    QWidget* buildActionBar();
    void setupView();
    void addCategory(const QString& category);
    void applyLevel();
    void applyCategory();
    void afterRowsInserted();
    void updateCount();
    void showStatus(const QString& text);

    LogModel* m_model = nullptr;
    LogFilterModel* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_level = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_status = nullptr;
    bool m_follow = true;
};

} // namespace avld
