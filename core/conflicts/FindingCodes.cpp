#include "FindingCodes.h"

namespace headway {

const QList<FindingCode> &findingCodes()
{
    static const QList<FindingCode> codes{
        {QStringLiteral("duplicate-table"), QStringLiteral("Table created on two branches"),
         QStringLiteral("Both branches create the same table; whichever runs second fails with \"already exists\". Keep it on one branch.")},
        {QStringLiteral("duplicate-column"), QStringLiteral("Column added on two branches"),
         QStringLiteral("Both branches add the same column; the second add fails. Keep it on one branch.")},
        {QStringLiteral("duplicate-index"), QStringLiteral("Index created on two branches"),
         QStringLiteral("Both branches create an index of the same name; the second fails with \"already exists\". Keep it on one branch.")},
        {QStringLiteral("duplicate-constraint"), QStringLiteral("Constraint created on two branches"),
         QStringLiteral("Both branches create the same constraint; the second fails or leaves a redundant copy. Keep it on one branch.")},
        {QStringLiteral("created-and-dropped"), QStringLiteral("Object created on one branch, dropped on another"),
         QStringLiteral("Whether the object exists after the merge depends on the order the branches run in.")},
        {QStringLiteral("dropped-twice"), QStringLiteral("Object dropped on two branches"),
         QStringLiteral("Both branches drop the same object; the second drop fails.")},
        {QStringLiteral("dropped-while-used"), QStringLiteral("Object dropped while another branch uses it"),
         QStringLiteral("One branch drops what the other branch alters, extends or indexes.")},
        {QStringLiteral("renamed-while-used"), QStringLiteral("Object renamed while another branch uses its old name"),
         QStringLiteral("One branch renames what the other branch still refers to by its old name.")},
        {QStringLiteral("renamed-twice"), QStringLiteral("Object renamed on two branches"),
         QStringLiteral("Both branches rename the same object; the second rename fails.")},
        {QStringLiteral("altered-twice"), QStringLiteral("Column altered on two branches"),
         QStringLiteral("Both branches alter the same column or table; the final definition depends on the order.")},
        {QStringLiteral("destructive"), QStringLiteral("Destructive operation"),
         QStringLiteral("The upgrade drops a table or a column and its data."), false},
        {QStringLiteral("downgrade-incomplete"), QStringLiteral("downgrade() does not undo upgrade()"),
         QStringLiteral("Something upgrade() creates is not dropped by downgrade()."), false},
    };
    return codes;
}

const FindingCode *findingCode(const QString &code)
{
    for (const FindingCode &known : findingCodes())
        if (known.code == code)
            return &known;
    return nullptr;
}

} // namespace headway
