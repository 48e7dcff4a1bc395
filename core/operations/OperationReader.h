// Reads a migration's upgrade() and downgrade() into MigrationOperations,
// statically (no Python runs): op.* calls and batch_op.* calls inside
// `with op.batch_alter_table(...) as name:`, their positional and keyword
// arguments as Alembic names them, op.f("...") names, sa.Column(...) with its
// index= / unique= / sa.ForeignKey, constraints inline in create_table, and
// schema=. Any other statement in a body is NotAnalysed, with its line.
#pragma once

#include "MigrationOperation.h"

#include <string_view>

namespace headway {

class OperationReader
{
public:
    static MigrationOperations read(std::string_view source);
};

} // namespace headway
