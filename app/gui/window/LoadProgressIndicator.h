// The status bar's loading indicator: what is loading, how far it got, and a
// Cancel button. Shown only while the session is busy.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace headway {

class LoadProgressIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit LoadProgressIndicator(QWidget *parent = nullptr);

    void start(const QString &what);
    void setProgress(int done, int total);
    void setPhase(const QString &what); // e.g. "Laying out…": progress becomes indeterminate
    void finish();

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace headway
