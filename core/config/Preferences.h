// The application-wide choices of the Preferences dialog: the editor command
// that opens migration files, the graph's layout direction and collapse
// threshold, and the RunDefaults a repository without Run Settings starts
// from. Each setter stores at once and signals only a real change, so what
// shows the graph can follow without a restart. Qt Core only: headway-cli
// reads the same file (~/.config/Headway/Headway.conf).
#pragma once

#include "runner/RunDefaults.h"

#include <QObject>

namespace headway {

class Preferences : public QObject
{
    Q_OBJECT

public:
    enum class LayoutDirection { TopDown, LeftRight };
    Q_ENUM(LayoutDirection)

    static constexpr int defaultCollapseThreshold = 200;
    static constexpr int minCollapseThreshold = 1;
    static constexpr int maxCollapseThreshold = 1'000'000;

    explicit Preferences(QObject *parent = nullptr); // reads what was stored

    // Empty: the desktop's default application. Otherwise a command line with {file}
    // and {line} placeholders (EditorCommand).
    QString editorCommand() const { return m_editorCommand; }
    LayoutDirection layoutDirection() const { return m_layoutDirection; }
    // Revisions above which linear runs are collapsed in the graph.
    int collapseThreshold() const { return m_collapseThreshold; }
    RunDefaults runDefaults() const { return m_runDefaults; }

    void setEditorCommand(const QString &command);
    void setLayoutDirection(LayoutDirection direction);
    void setCollapseThreshold(int threshold); // clamped to [min, max]
    void setRunDefaults(const RunDefaults &defaults);

    static QString layoutDirectionKey(LayoutDirection direction); // "top-down", "left-right"

Q_SIGNALS:
    void editorCommandChanged(const QString &command);
    void layoutDirectionChanged(headway::Preferences::LayoutDirection direction);
    void collapseThresholdChanged(int threshold);
    void runDefaultsChanged(const headway::RunDefaults &defaults);

private:
    void store(const QString &key, const QVariant &value);

    QString m_editorCommand;
    LayoutDirection m_layoutDirection = LayoutDirection::TopDown;
    int m_collapseThreshold = defaultCollapseThreshold;
    RunDefaults m_runDefaults;
};

} // namespace headway
