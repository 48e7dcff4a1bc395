// The strip above the graph that says, in one line per problem, what is wrong
// with the repository and how to fix it (green when all is well). Clicking a
// problem asks the window to select what it concerns.
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
    // What to do when no repository is open yet.
    void showWelcome();
    // The fork's flow (ForkFlow's rich text with action links), below the problems; empty: none.
    void setForkFlow(const QString &html);
    // Everything the banner says, as plain text (for tests and screen readers).
    QString text() const;

Q_SIGNALS:
    void problemActivated(const QList<int> &revisions, const QString &path, int line);
    void openRequested();
    void demoRequested();
    void actionRequested(const QString &action); // a problem's action link ("merge-heads")

private:
    void rebuild();
    QLabel *addLine(const QString &html, HealthProblem::Level level);
    void activateLink(const QString &link);

    QVBoxLayout *m_lines;
    QList<QLabel *> m_labels;
    QList<HealthProblem> m_problems;
    bool m_expanded = false;
    QString m_forkFlow;
};

} // namespace headway
