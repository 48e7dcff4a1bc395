#include "DiagnosticCodes.h"

namespace headway {

const QList<DiagnosticCode> &diagnosticCodes()
{
    // In the order a load meets them: where the migrations are, each file, then the graph.
    static const QList<DiagnosticCode> codes{
        {QStringLiteral("no-migrations"), QStringLiteral("No Alembic migrations found"),
         QStringLiteral("The path holds no alembic.ini, migrations directory or versions directory. Point Headway at the project root.")},
        {QStringLiteral("no-script-location"), QStringLiteral("script_location missing or wrong"),
         QStringLiteral("alembic.ini must name the directory holding env.py in script_location, and that directory must exist.")},
        {QStringLiteral("no-versions-directory"), QStringLiteral("No versions directory"),
         QStringLiteral("The script directory has no versions directory (or version_locations names none that exists).")},
        {QStringLiteral("missing-version-location"), QStringLiteral("Version location does not exist"),
         QStringLiteral("A directory in version_locations does not exist; Alembic skips it silently, so its migrations are missing.")},
        {QStringLiteral("version-locations-newline"), QStringLiteral("version_locations spans lines without a separator"),
         QStringLiteral("Older Alembic does not split version_locations on line breaks: set version_path_separator = newline.")},
        {QStringLiteral("unreadable-config"), QStringLiteral("alembic.ini cannot be read"),
         QStringLiteral("Headway and Alembic cannot read the configuration file; check its permissions.")},
        {QStringLiteral("invalid-config"), QStringLiteral("alembic.ini is invalid"),
         QStringLiteral("Alembic's configuration parser would refuse this file: a line that is not key = value, a repeated key or "
                        "section, a bad %(...)s substitution or an unknown version_path_separator.")},
        {QStringLiteral("sourceless"), QStringLiteral("sourceless = true"),
         QStringLiteral("Headway reads only .py migration files, not compiled .pyc files.")},
        {QStringLiteral("unreadable-directory"), QStringLiteral("Versions directory cannot be listed"),
         QStringLiteral("A versions directory cannot be read; check its permissions.")},
        {QStringLiteral("not-a-file"), QStringLiteral("Not a regular file in the versions directory"),
         QStringLiteral("A pipe, socket or device sits among the migrations; Alembic would hang or fail on it. Move it out.")},
        {QStringLiteral("file-loaded-twice"), QStringLiteral("Migration file loaded twice"),
         QStringLiteral("version_locations lists the same directory twice (or one inside another); make its entries unique.")},
        {QStringLiteral("unreadable-file"), QStringLiteral("Migration file cannot be read"),
         QStringLiteral("A migration file cannot be read: check its permissions and that it is not a broken symbolic link.")},
        {QStringLiteral("file-too-large"), QStringLiteral("File far too large for a migration"),
         QStringLiteral("A file in the versions directory is too large to be a migration script; move data files elsewhere.")},
        {QStringLiteral("binary-file"), QStringLiteral("Binary file in the versions directory"),
         QStringLiteral("A .py file contains NUL bytes, so Python cannot import it. Restore it from git or move it out.")},
        {QStringLiteral("encoding-error"), QStringLiteral("Migration file not valid in its encoding"),
         QStringLiteral("The file is not valid UTF-8 (or the encoding it declares); Python refuses to import it. Save it as UTF-8.")},
        {QStringLiteral("empty-file"), QStringLiteral("Empty migration file"),
         QStringLiteral("An empty .py file declares no revision; Alembic stops on it. Restore its content or delete it.")},
        {QStringLiteral("syntax-error"), QStringLiteral("Migration file does not parse"),
         QStringLiteral("Python cannot import the file (often unresolved git conflict markers); Alembic stops on it.")},
        {QStringLiteral("no-revision-variable"), QStringLiteral("No revision variable"),
         QStringLiteral("Every migration declares `revision = '<id>'`; Alembic cannot load a file without it.")},
        {QStringLiteral("invalid-revision"), QStringLiteral("revision is not a single id"),
         QStringLiteral("`revision` must be one revision id string; the file is left out of the graph.")},
        {QStringLiteral("missing-down-revision"), QStringLiteral("No down_revision variable"),
         QStringLiteral("Every migration declares `down_revision` (None for a base); Alembic fails with AttributeError without it.")},
        {QStringLiteral("revision-id-too-long"), QStringLiteral("Revision id longer than 32 characters"),
         QStringLiteral("alembic_version.version_num holds 32 characters: upgrading to a longer id fails on PostgreSQL and MySQL.")},
        {QStringLiteral("non-literal-value"), QStringLiteral("Revision identifier is not a literal"),
         QStringLiteral("A revision identifier is computed, not written literally; write it literally or resolve it with "
                        "`headway-cli resolve`.")},
        {QStringLiteral("resolved-from-module"), QStringLiteral("Identifier read from the project's modules"),
         QStringLiteral("A revision identifier names a constant that Headway read statically from the project's own modules.")},
        {QStringLiteral("resolved-through-python"), QStringLiteral("Identifier resolved through Python"),
         QStringLiteral("A revision identifier was resolved by importing the file with the project's interpreter, on request.")},
        {QStringLiteral("header-mismatch"), QStringLiteral("Docstring header disagrees with the variables"),
         QStringLiteral("The \"Revision ID\" or \"Revises\" header says something else than the variables Alembic uses; fix the header.")},
        {QStringLiteral("illegal-revision-id"), QStringLiteral("Illegal character in a revision id"),
         QStringLiteral("Revision ids may not contain '@', '-' or '+'; Alembic refuses the whole history.")},
        {QStringLiteral("duplicate-revision"), QStringLiteral("Revision id declared twice"),
         QStringLiteral("Two files declare the same revision id and Alembic silently uses one; give one of them a new id.")},
        {QStringLiteral("self-loop"), QStringLiteral("Revision follows itself"),
         QStringLiteral("A revision names itself as its down_revision; set it to the revision it follows.")},
        {QStringLiteral("dependency-self-loop"), QStringLiteral("Revision depends on itself"),
         QStringLiteral("A revision names itself in depends_on; remove it.")},
        {QStringLiteral("cycle"), QStringLiteral("Cycle in down_revision"),
         QStringLiteral("Revisions follow each other in a circle; one of them names a later revision as its down_revision.")},
        {QStringLiteral("dependency-cycle"), QStringLiteral("Cycle through depends_on"),
         QStringLiteral("Revisions depend on each other in a circle through depends_on; remove one of the dependencies.")},
        {QStringLiteral("branch-label-conflict"), QStringLiteral("Branch label used twice"),
         QStringLiteral("Branch labels must be unique and differ from every revision id; Alembic refuses the history.")},
        {QStringLiteral("missing-revision"), QStringLiteral("down_revision names a missing revision"),
         QStringLiteral("A migration's parent is missing: pull the latest changes or restore the file from git. Never delete "
                        "migration files.")},
        {QStringLiteral("missing-dependency"), QStringLiteral("depends_on names a missing revision"),
         QStringLiteral("A revision or branch label in depends_on exists nowhere; restore it or remove the dependency.")},
        {QStringLiteral("multiple-heads"), QStringLiteral("Several heads to merge"),
         QStringLiteral("Branches of the history were never merged, so `flask db upgrade` refuses to run. Create a merge migration "
                        "(`headway-cli merge`, or Merge Heads in Headway) and commit it.")},
        {QStringLiteral("named-branches"), QStringLiteral("Named branches kept on purpose"),
         QStringLiteral("Several heads, one per branch label: upgrade with `heads` or `<label>@head`; do not merge them.")},
        // What git knows and the work tree lacks: a migration file deleted or moved.
        {QStringLiteral("tracked-file-missing"), QStringLiteral("A migration file git tracks is gone"),
         QStringLiteral("git still tracks a migration file the work tree lacks; databases that ran it will miss it. Put it back "
                        "(git checkout -- PATH, or headway-cli restore REV).")},
        // A merge preview's own: the two sides changed the same migration file differently.
        {QStringLiteral("git-merge-conflict"), QStringLiteral("git will stop on a migration file"),
         QStringLiteral("Both sides of the merge changed the same migration file differently: git merge will stop on it. "
                        "Resolve it by hand after the merge, keeping one revision id per file.")},
    };
    return codes;
}

const DiagnosticCode *diagnosticCode(const QString &code)
{
    for (const DiagnosticCode &known : diagnosticCodes())
        if (known.code == code)
            return &known;
    return nullptr;
}

} // namespace headway
