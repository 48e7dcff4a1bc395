#include "config/Preferences.h"

#include <QSettings>

#include <algorithm>

namespace headway {

namespace {

const QLatin1String kEditorCommand("preferences/editorCommand");
const QLatin1String kLayoutDirection("preferences/layoutDirection");
const QLatin1String kCollapseThreshold("preferences/collapseThreshold");

} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_runDefaults(RunDefaultsStore::load())
{
    const QSettings settings(QStringLiteral("Headway"), QStringLiteral("Headway")); // beside the run settings
    m_editorCommand = settings.value(kEditorCommand).toString();
    // An unknown word (a hand edit, a newer Headway) keeps the default rather than failing.
    if (settings.value(kLayoutDirection).toString() == layoutDirectionKey(LayoutDirection::LeftRight))
        m_layoutDirection = LayoutDirection::LeftRight;
    bool isNumber = false;
    const int threshold = settings.value(kCollapseThreshold).toInt(&isNumber);
    if (isNumber)
        m_collapseThreshold = std::clamp(threshold, minCollapseThreshold, maxCollapseThreshold);
}

QString Preferences::layoutDirectionKey(LayoutDirection direction)
{
    return direction == LayoutDirection::LeftRight ? QStringLiteral("left-right") : QStringLiteral("top-down");
}

void Preferences::setEditorCommand(const QString &command)
{
    const QString trimmed = command.trimmed();
    if (trimmed == m_editorCommand)
        return;
    m_editorCommand = trimmed;
    store(kEditorCommand, trimmed);
    Q_EMIT editorCommandChanged(trimmed);
}

void Preferences::setLayoutDirection(LayoutDirection direction)
{
    if (direction == m_layoutDirection)
        return;
    m_layoutDirection = direction;
    store(kLayoutDirection, layoutDirectionKey(direction));
    Q_EMIT layoutDirectionChanged(direction);
}

void Preferences::setCollapseThreshold(int threshold)
{
    threshold = std::clamp(threshold, minCollapseThreshold, maxCollapseThreshold);
    if (threshold == m_collapseThreshold)
        return;
    m_collapseThreshold = threshold;
    store(kCollapseThreshold, threshold);
    Q_EMIT collapseThresholdChanged(threshold);
}

void Preferences::setRunDefaults(const RunDefaults &defaults)
{
    if (defaults == m_runDefaults)
        return;
    m_runDefaults = defaults;
    RunDefaultsStore::save(defaults);
    Q_EMIT runDefaultsChanged(defaults);
}

void Preferences::store(const QString &key, const QVariant &value)
{
    QSettings settings(QStringLiteral("Headway"), QStringLiteral("Headway"));
    settings.setValue(key, value);
    settings.sync();
}

} // namespace headway
