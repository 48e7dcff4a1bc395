// A status-bar progress indicator: what is running, how far it got (or an
// indeterminate bar while that is unknown), and a Cancel button. Shown only
// between start() and finish(); loading and the project's commands each have one.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace headway {

class ProgressIndicator : public QWidget
{
    Q_OBJECT

public:
    // `cancelTip` says what Cancel stops and what is left afterwards.
    ProgressIndicator(const QString &accessibleName, const QString &cancelTip, QWidget *parent = nullptr);

    void start(const QString &what);
    void setProgress(int done, int total, const QString &tip = {});
    void setPhase(const QString &what); // e.g. "Laying out…": progress becomes indeterminate
    void finish();

    QString text() const; // what is shown as running
    bool isRunning() const { return !isHidden(); }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace headway
