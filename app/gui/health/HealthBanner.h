// The strip above the graph that says, in one line per problem, what is wrong
// with the repository (green when all is well), with the action that fixes it
// and a Details expander for the fix in words: a calm line by default, the
// whole explanation on request. Clicking a problem asks the window to select
// what it concerns.
#pragma once

#include "health/HealthProblems.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace headway {

class HealthBanner : public QFrame
{
    Q_OBJECT

public:
    // Beyond this many problems the banner folds the rest behind "Show all".
    static constexpr int foldedLines = 4;

    explicit HealthBanner(QWidget *parent = nullptr);

    void showProblems(const QList<HealthProblem> &problems);
    // The fork's flow (ForkFlow's rich text with action links), below the problems; empty: none.
    void setForkFlow(const QString &html);
    // Everything the banner shows, as plain text (for tests and screen readers).
    QString text() const;
    // Opens or closes the fix under every problem line.
    void setDetailsShown(bool shown);
    // How many lines the banner shows (problems, fixes opened, the fold and the fork flow).
    int lineCount() const { return int(m_labels.size()); }

Q_SIGNALS:
    void problemActivated(const QList<int> &revisions, const QString &path, int line);
    void actionRequested(const QString &action); // a problem's action link ("merge-heads")

private:
    void rebuild();
    QLabel *addLine(const QString &html, HealthProblem::Level level);
    void activateLink(const QString &link);

    QVBoxLayout *m_lines;
    QList<QLabel *> m_labels;
    QList<HealthProblem> m_problems;
    bool m_expanded = false;
    QList<bool> m_detailsOpen; // per problem: its fix is shown
    QString m_forkFlow;
};

} // namespace headway
