// headway-render-icons: the build-time tool that turns the scalable application
// icon into the hicolor theme's PNG sizes, so no binary icon is kept in git.
//   headway-render-icons ICON.svg OUTDIR NAME SIZE...  writes OUTDIR/SIZExSIZE/apps/NAME.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // Runs on build machines without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QGuiApplication::arguments().mid(1);
    if (arguments.size() < 4) {
        err << "usage: headway-render-icons ICON.svg OUTDIR NAME SIZE...\n";
        return 64;
    }
    QSvgRenderer renderer(arguments.at(0));
    if (!renderer.isValid()) {
        err << "headway-render-icons: cannot read " << arguments.at(0) << " as SVG\n";
        return 65;
    }
    for (const QString &argument : arguments.mid(3)) {
        const int size = argument.toInt();
        if (size <= 0) {
            err << "headway-render-icons: '" << argument << "' is not a size\n";
            return 64;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString directory = QStringLiteral("%1/%2x%2/apps").arg(arguments.at(1)).arg(size);
        const QString file = QStringLiteral("%1/%2.png").arg(directory, arguments.at(2));
        if (!QDir().mkpath(directory) || !image.save(file, "PNG")) {
            err << "headway-render-icons: cannot write " << file << '\n';
            return 73;
        }
    }
    return 0;
}
