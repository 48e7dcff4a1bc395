// The find bar under the graph (Ctrl+F): finds revisions by id or message as
// the user types, steps through the matches ("3 of 7"), and closes on Escape.
// Finding itself is the graph view's; this bar only asks and counts.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace headway {

class GraphView;

class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(GraphView *view, QWidget *parent = nullptr);

    // Shows the bar and puts the cursor in it, its text selected.
    void activate();
    void findNext();
    void findPrevious();
    // The graph was reloaded: matches are found again on the next step.
    void invalidate();

    void setText(const QString &text);
    int matchCount() const { return m_count; }
    int currentMatch() const { return m_current; } // 1-based; 0 without matches
    QString statusText() const;

Q_SIGNALS:
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void find(const QString &text);
    void step(int direction);
    void updateStatus();
    void dismiss();

    GraphView *m_view;
    QLineEdit *m_edit;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    int m_count = 0;
    int m_current = 0;
    bool m_stale = false;
};

} // namespace headway
