#include "SourceEncoding.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <cstdint>
#include <cstring>

namespace headway {

namespace {

int lineOf(QByteArrayView bytes, qsizetype position)
{
    return static_cast<int>(bytes.first(position).count('\n')) + 1;
}

// The encoding named by a coding cookie on the first two lines, lower-cased.
QByteArray codingCookie(QByteArrayView source)
{
    static const QRegularExpression cookie(
        QStringLiteral("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)"));
    qsizetype start = 0;
    for (int line = 0; line < 2 && start < source.size(); ++line) {
        qsizetype end = source.indexOf('\n', start);
        if (end < 0)
            end = source.size();
        const QByteArrayView bytes = source.sliced(start, end - start);
        const QByteArrayView trimmed = bytes.trimmed();
        if (trimmed.isEmpty()) {
            start = end + 1;
            continue;
        }
        if (trimmed.front() != '#')
            break; // code: no cookie can follow
        if (!bytes.contains("coding")) {
            start = end + 1;
            continue;
        }
        const QString text = QString::fromLatin1(bytes);
        const auto match = cookie.match(text);
        if (match.hasMatch())
            return match.captured(1).toLower().toLatin1();
        start = end + 1;
    }
    return {};
}

bool isLatin1Name(const QByteArray &name)
{
    static const QList<QByteArray> names{"latin-1", "latin1", "iso-8859-1", "iso8859-1",
                                         "iso_8859_1", "l1", "cp819", "iso-latin-1"};
    return names.contains(name) || name.startsWith("latin-1-") || name.startsWith("iso-8859-1-");
}

bool isUtf8Name(const QByteArray &name)
{
    return name.isEmpty() || name == "utf-8" || name == "utf8" || name == "utf_8"
           || name.startsWith("utf-8-") || name == "ascii" || name == "us-ascii";
}

} // namespace

qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        // ASCII runs eight bytes at a time: migration files are nearly all ASCII.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, data + i, 8);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) { length = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { length = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { length = 4; min = 0x10000; }
        else
            return i;
        if (i + length > size)
            return i;
        char32_t code = c & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (data[i + k] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

SourceText decodeSource(const QString &path, QByteArrayView source, QByteArray &converted,
                        Diagnostics &diagnostics)
{
    if (source.startsWith("\xEF\xBB\xBF"))
        source = source.sliced(3);
    const QByteArray cookie = codingCookie(source);
    QByteArrayView text = source;
    if (isLatin1Name(cookie) || cookie == "cp1252" || cookie == "windows-1252") {
        converted = QString::fromLatin1(source).toUtf8();
        text = converted;
    } else {
        const qsizetype bad = firstInvalidUtf8(source);
        if (bad >= 0) {
            const bool declaredOther = !isUtf8Name(cookie);
            diagnostics += Diagnostic::error(
                QStringLiteral("encoding-error"),
                declaredOther
                    ? QStringLiteral("%1 declares the encoding '%2', which Headway cannot decode; "
                                     "byte 0x%3 is read as a replacement character")
                          .arg(QFileInfo(path).fileName(), QString::fromLatin1(cookie))
                          .arg(static_cast<unsigned char>(source[bad]), 2, 16, QLatin1Char('0'))
                    : QStringLiteral("%1 is not valid UTF-8 (byte 0x%2); Python refuses to import "
                                     "it")
                          .arg(QFileInfo(path).fileName())
                          .arg(static_cast<unsigned char>(source[bad]), 2, 16, QLatin1Char('0')),
                path, lineOf(source, bad),
                QStringLiteral("Re-save the file as UTF-8, or declare its encoding on the first "
                               "line (# -*- coding: latin-1 -*-)."));
        }
    }
    const bool blank = text.trimmed().isEmpty();
    return SourceText{std::string_view(text.data(), static_cast<std::size_t>(text.size())), blank};
}

} // namespace headway
