#include "OperationPacking.h"

#include <QHash>

namespace headway::OperationPacking {

namespace {

constexpr char kVersion = 1; // the first byte; anything else unpacks as nothing

class Writer
{
public:
    explicit Writer(QByteArray &out)
        : m_out(out)
    {
    }

    void number(quint64 value)
    {
        while (value >= 0x80) {
            m_out += char((value & 0x7f) | 0x80);
            value >>= 7;
        }
        m_out += char(value);
    }
    void signedNumber(qint64 value) { number((quint64(value) << 1) ^ quint64(value >> 63)); }
    void flag(bool value) { m_out += char(value ? 1 : 0); }

    // Even: a new string of value/2 bytes follows; odd: the (value/2)th string written before.
    void string(const QString &text)
    {
        if (text.isEmpty()) {
            number(0);
            return;
        }
        if (const auto seen = m_seen.constFind(text); seen != m_seen.cend()) {
            number(quint64(*seen) * 2 + 1);
            return;
        }
        m_seen.insert(text, int(m_seen.size()));
        const QByteArray utf8 = text.toUtf8();
        number(quint64(utf8.size()) * 2);
        m_out += utf8;
    }
    void strings(const QStringList &list)
    {
        number(quint64(list.size()));
        for (const QString &text : list)
            string(text);
    }

private:
    QByteArray &m_out;
    QHash<QString, int> m_seen;
};

class Reader
{
public:
    explicit Reader(QByteArrayView in)
        : m_in(in)
    {
    }

    bool ok() const { return m_ok; }

    quint64 number()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_in.size())
                return fail();
            const auto byte = quint8(m_in.at(m_at++));
            value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        return fail();
    }
    qint64 signedNumber()
    {
        const quint64 value = number();
        return qint64(value >> 1) ^ -qint64(value & 1);
    }
    int integer() { return int(signedNumber()); }
    bool flag()
    {
        if (m_at >= m_in.size())
            return fail();
        return m_in.at(m_at++) != 0;
    }
    // A count of things that each take at least one byte: never more than the bytes left.
    qsizetype count()
    {
        const quint64 value = number();
        return value <= quint64(m_in.size() - m_at) ? qsizetype(value) : qsizetype(fail());
    }
    QString string()
    {
        const quint64 value = number();
        if (value == 0)
            return {};
        if (value & 1) {
            const quint64 index = value / 2;
            return index < quint64(m_seen.size()) ? m_seen.at(qsizetype(index)) : (fail(), QString());
        }
        const quint64 size = value / 2;
        if (size > quint64(m_in.size() - m_at))
            return fail(), QString();
        QString text = QString::fromUtf8(m_in.sliced(m_at, qsizetype(size)));
        m_at += qsizetype(size);
        m_seen.append(text);
        return text;
    }
    QStringList strings()
    {
        QStringList list;
        const qsizetype size = count();
        list.reserve(size);
        for (qsizetype i = 0; i < size && m_ok; ++i)
            list.append(string());
        return list;
    }

private:
    quint64 fail()
    {
        m_ok = false;
        m_at = m_in.size();
        return 0;
    }

    QByteArrayView m_in;
    qsizetype m_at = 0;
    bool m_ok = true;
    QList<QString> m_seen;
};

void write(Writer &out, const MigrationOperation &operation)
{
    out.number(quint64(operation.kind));
    out.signedNumber(operation.line);
    out.signedNumber(operation.endLine);
    out.flag(operation.batch);
    for (const QString *text : {&operation.table, &operation.schema, &operation.name, &operation.newName,
                                &operation.referredTable, &operation.constraintType, &operation.text})
        out.string(*text);
    out.strings(operation.columns);
    out.strings(operation.changes);
    out.strings(operation.ignored);
    out.number(quint64(operation.tableColumns.size()));
    for (const ColumnSpec &column : operation.tableColumns) {
        out.string(column.name);
        out.string(column.type);
        out.flag(column.index);
        out.flag(column.unique);
        out.string(column.foreignKey);
    }
    out.number(quint64(operation.inlineConstraints.size()));
    for (const InlineConstraint &constraint : operation.inlineConstraints) {
        out.string(constraint.kind);
        out.string(constraint.name);
        out.strings(constraint.columns);
    }
}

MigrationOperation read(Reader &in)
{
    MigrationOperation operation;
    const quint64 kind = in.number();
    operation.kind = kind <= quint64(MigrationOperation::Kind::NotAnalysed) ? MigrationOperation::Kind(kind)
                                                                             : MigrationOperation::Kind::NotAnalysed;
    operation.line = in.integer();
    operation.endLine = in.integer();
    operation.batch = in.flag();
    for (QString *text : {&operation.table, &operation.schema, &operation.name, &operation.newName,
                          &operation.referredTable, &operation.constraintType, &operation.text})
        *text = in.string();
    operation.columns = in.strings();
    operation.changes = in.strings();
    operation.ignored = in.strings();
    const qsizetype columns = in.count();
    operation.tableColumns.reserve(columns);
    for (qsizetype i = 0; i < columns && in.ok(); ++i) {
        ColumnSpec column;
        column.name = in.string();
        column.type = in.string();
        column.index = in.flag();
        column.unique = in.flag();
        column.foreignKey = in.string();
        operation.tableColumns.append(std::move(column));
    }
    const qsizetype constraints = in.count();
    operation.inlineConstraints.reserve(constraints);
    for (qsizetype i = 0; i < constraints && in.ok(); ++i) {
        InlineConstraint constraint;
        constraint.kind = in.string();
        constraint.name = in.string();
        constraint.columns = in.strings();
        operation.inlineConstraints.append(std::move(constraint));
    }
    return operation;
}

} // namespace

QByteArray pack(const MigrationOperations &operations)
{
    QByteArray packed;
    packed += kVersion;
    Writer out(packed);
    out.flag(operations.hasUpgrade);
    out.flag(operations.hasDowngrade);
    for (const QList<MigrationOperation> *list : {&operations.upgrade, &operations.downgrade}) {
        out.number(quint64(list->size()));
        for (const MigrationOperation &operation : *list)
            write(out, operation);
    }
    packed.squeeze();
    return packed;
}

MigrationOperations unpack(QByteArrayView packed)
{
    MigrationOperations operations;
    if (packed.isEmpty() || packed.front() != kVersion)
        return operations;
    Reader in(packed.sliced(1));
    operations.hasUpgrade = in.flag();
    operations.hasDowngrade = in.flag();
    for (QList<MigrationOperation> *list : {&operations.upgrade, &operations.downgrade}) {
        const qsizetype size = in.count();
        list->reserve(size);
        for (qsizetype i = 0; i < size && in.ok(); ++i) {
            MigrationOperation operation = read(in);
            if (in.ok())
                list->append(std::move(operation));
        }
    }
    return operations;
}

} // namespace headway::OperationPacking
