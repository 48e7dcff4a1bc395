// Writes a whole graph scene to a picture file: SVG through Qt Svg, PNG
// through a QImage. Full detail whatever the view's zoom, on white, written
// atomically (QSaveFile) so a failed export never leaves half a file.
#pragma once

#include <QString>

class QGraphicsScene;

namespace headway {

bool writeSceneSvg(QGraphicsScene &scene, const QString &path, const QString &title);

// At twice the scene's size for sharp text, scaled down when that would exceed
// `maximumSide` pixels on a side (large histories are tall).
bool writeScenePng(QGraphicsScene &scene, const QString &path, int maximumSide = 16384);

} // namespace headway
