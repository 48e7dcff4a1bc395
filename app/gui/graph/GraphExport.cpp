#include "GraphExport.h"

#include "io/AtomicFile.h"

#include <QBuffer>
#include <QGraphicsScene>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace headway {

namespace {

bool writeAtomically(const QString &path, const QByteArray &bytes)
{
    // The one atomic writer; the user chose the folder, so a missing one is an error.
    return AtomicFile::write(path, bytes, AtomicFile::MissingFolder::Fail).isEmpty();
}

} // namespace

bool writeSceneSvg(QGraphicsScene &scene, const QString &path, const QString &title)
{
    const QRectF source = scene.sceneRect();
    if (source.isEmpty())
        return false;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Alembic revision graph, drawn by Headway"));
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    {
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    }
    return writeAtomically(path, buffer.data());
}

bool writeScenePng(QGraphicsScene &scene, const QString &path, int maximumSide)
{
    const QRectF source = scene.sceneRect();
    if (source.isEmpty())
        return false;
    const qreal scale = std::min({2.0, maximumSide / source.width(), maximumSide / source.height()});
    const QSize size(std::max(1, int(std::ceil(source.width() * scale))),
                     std::max(1, int(std::ceil(source.height() * scale))));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false; // not enough memory for the picture
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), size), source);
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    return writer.write(image) && writeAtomically(path, buffer.data());
}

} // namespace headway
