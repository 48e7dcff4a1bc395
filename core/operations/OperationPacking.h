// A file's operations packed into a few bytes, for keeping every file of a long
// history in memory: a MigrationOperation is some 330 bytes of string and list
// headers before its text, and a history of 100,000 Flask-Migrate files holds
// two million of them. Strings are UTF-8 with varint lengths, and a string
// repeated within the file (its table, in upgrade and downgrade) is written
// once and then referred to, so unpacking shares it too.
#pragma once

#include "MigrationOperation.h"

#include <QByteArray>

namespace headway {

namespace OperationPacking {

QByteArray pack(const MigrationOperations &operations);
// What pack() made, exactly (null and empty strings both come back null).
// Bytes that are not such a packing give what could be read before them.
MigrationOperations unpack(QByteArrayView packed);

} // namespace OperationPacking

} // namespace headway
