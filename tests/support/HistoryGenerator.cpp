#include "HistoryGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

namespace headway::testsupport {
namespace {

using L1 = QLatin1String;

// Our own draws on top of mt19937_64: std::uniform_*_distribution differ between
// standard libraries, so they would not keep "same seed, same history" portable.
class Rng {
public:
    explicit Rng(quint64 seed) : m_engine(seed) {}

    quint64 next() { return m_engine(); }
    int below(qsizetype n) { return int(m_engine() % quint64(n)); } // n > 0
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return double(m_engine() >> 11) * 0x1.0p-53 < p; }

    template <std::size_t N>
    L1 pick(const char *const (&words)[N]) { return L1(words[below(N)]); }
    template <typename T>
    const T &pick(const QList<T> &list) { return list.at(below(list.size())); }

private:
    std::mt19937_64 m_engine;
};

const char *const kTables[] = {"users", "orders", "invoices", "products", "payments", "customers",
                               "sessions", "audit_log", "shipments", "line_items", "tenants", "api_keys"};
const char *const kColumns[] = {"email", "status", "created_at", "updated_at", "amount", "currency",
                                "is_active", "notes", "external_id", "priority", "deleted_at", "owner_id"};
const char *const kTypes[] = {"sa.Integer()", "sa.String(length=120)", "sa.Boolean()", "sa.DateTime()",
                              "sa.Numeric(precision=10, scale=2)", "sa.Text()", "sa.JSON()"};
const char *const kLabelWords[] = {"billing", "reporting", "auth", "search", "inventory", "analytics"};

// ---------------------------------------------------------------------------
// Graph: ids, parents, labels, dependencies and the requested breakage.

class GraphBuilder {
public:
    explicit GraphBuilder(const HistorySpec &spec) : m_spec(spec), m_rng(spec.seed) {}

    QList<GeneratedRevision> build()
    {
        const int count = std::max(1, m_spec.revisionCount);
        const int finalMerge = m_spec.leaveOpenHeads ? 0 : 1;
        int basesLeft = std::clamp(m_spec.extraBases, 0, std::max(0, count - 1 - finalMerge));
        for (int i = 0; i < count; ++i) {
            if (i == 0) {
                add({});
            } else if (i == count - 1 && !m_spec.leaveOpenHeads && m_openHeads.size() > 1) {
                add(m_openHeads);
            } else if (basesLeft > 0 && m_rng.below(count - finalMerge - i) < basesLeft) {
                // spreads the extra roots uniformly; forced once the steps run out
                add({});
                --basesLeft;
            } else {
                step();
            }
        }
        applyBreakage();
        return m_revs;
    }

private:
    void step()
    {
        if (m_openHeads.size() >= 2 && m_rng.chance(m_spec.mergeProbability)) {
            QList<int> heads = m_openHeads;
            const int widest = int(std::clamp<qsizetype>(m_spec.maxMergeWidth, 2, heads.size()));
            const int width = m_rng.between(2, widest);
            for (int i = 0; i < width; ++i) // partial Fisher-Yates: random heads in random order
                heads.swapItemsAt(i, i + m_rng.below(heads.size() - i));
            add(heads.first(width));
        } else if (m_rng.chance(m_spec.branchProbability)) {
            // mostly recent branch points, sometimes ancient ones
            const int size = int(m_revs.size());
            const int window = m_rng.chance(0.1) ? size : std::min(size, 40);
            add({size - 1 - m_rng.below(window)});
        } else {
            add({m_rng.pick(m_openHeads)});
        }
    }

    void add(const QList<int> &parents)
    {
        const int index = int(m_revs.size());
        GeneratedRevision rev;
        rev.id = freshId();
        for (int parent : parents) {
            rev.downRevisions << m_revs.at(parent).id;
            m_openHeads.removeOne(parent);
        }
        m_revs << rev;
        m_parents.push_back(parents);
        m_openHeads << index;
        if (m_rng.chance(m_spec.branchLabelProbability))
            addLabels(index);
        if (m_rng.chance(m_spec.dependsOnProbability))
            addDependency(index);
    }

    QString freshId()
    {
        QString id;
        do {
            id = QString::number(m_rng.next() & 0xffffffffffffULL, 16).rightJustified(12, u'0');
        } while (m_ids.contains(id));
        m_ids.insert(id);
        return id;
    }

    void addLabels(int index)
    {
        const int count = m_rng.chance(0.2) ? 2 : 1;
        for (int i = 0; i < count; ++i)
            m_revs[index].branchLabels << m_rng.pick(kLabelWords) + u'_' + QString::number(++m_labelCount);
    }

    // Depends on an earlier revision that is not an ancestor, i.e. on another branch.
    void addDependency(int index)
    {
        // Other open heads are never ancestors. Retiring the one depended on keeps it an
        // "effective head" (in get_heads(), not in _real_heads) unless one head is wanted.
        QList<int> otherHeads = m_openHeads;
        otherHeads.removeOne(index);
        if (!otherHeads.isEmpty() && m_rng.chance(0.3)) {
            const int target = m_rng.pick(otherHeads);
            dependOn(index, target);
            if (m_spec.leaveOpenHeads)
                m_openHeads.removeOne(target);
            return;
        }
        markAncestors(index);
        for (int attempt = 0; attempt < 8 && index > 0; ++attempt) {
            const int target = m_rng.below(index);
            if (m_mark[target] != m_stamp) {
                dependOn(index, target);
                return;
            }
        }
    }

    void dependOn(int index, int target)
    {
        const QStringList &labels = m_revs.at(target).branchLabels;
        m_revs[index].dependsOn = {!labels.isEmpty() && m_rng.chance(0.5) ? m_rng.pick(labels)
                                                                           : m_revs.at(target).id};
    }

    void markAncestors(int index)
    {
        m_mark.resize(m_revs.size(), 0);
        ++m_stamp; // a new stamp instead of clearing keeps this O(ancestors)
        std::vector<int> todo{index};
        while (!todo.empty()) {
            const int rev = todo.back();
            todo.pop_back();
            if (m_mark[rev] == m_stamp)
                continue;
            m_mark[rev] = m_stamp;
            todo.insert(todo.end(), m_parents[rev].cbegin(), m_parents[rev].cend());
        }
    }

    void applyBreakage()
    {
        using Breakage = HistorySpec::Breakage;
        switch (m_spec.breakage) {
        case Breakage::None:
            return;
        case Breakage::MissingParent: {
            QList<int> children;
            for (int i = 0; i < m_revs.size(); ++i) {
                if (!m_parents[i].isEmpty())
                    children << i;
            }
            QStringList &downs = m_revs[children.isEmpty() ? 0 : m_rng.pick(children)].downRevisions;
            const QString missing = freshId();
            if (downs.isEmpty())
                downs << missing;
            else
                downs[m_rng.below(downs.size())] = missing;
            return;
        }
        case Breakage::Cycle: {
            // An earlier non-base revision P is re-pointed at its descendant D: P -> D -> ... -> P.
            // P stays non-base so the rest of the graph keeps its root.
            QList<int> descendants;
            for (int i = 0; i < m_revs.size(); ++i) {
                if (!m_parents[i].isEmpty() && !m_parents[m_parents[i].first()].isEmpty())
                    descendants << i;
            }
            if (descendants.isEmpty())
                throw std::invalid_argument("Breakage::Cycle needs a chain of at least three revisions");
            const int descendant = m_rng.pick(descendants);
            int ancestor = m_parents[descendant].first();
            while (!m_parents[m_parents[ancestor].first()].isEmpty() && m_rng.chance(0.7))
                ancestor = m_parents[ancestor].first();
            m_revs[ancestor].downRevisions = {m_revs.at(descendant).id};
            return;
        }
        case Breakage::DuplicateId: {
            // The last revision (nothing refers to it) becomes a hand-made copy of an earlier
            // one: same identifiers, own message and file name. Labels are dropped so Alembic
            // reports the duplicate rather than a branch-name clash.
            if (m_revs.size() < 2)
                throw std::invalid_argument("Breakage::DuplicateId needs at least two revisions");
            const GeneratedRevision &original = m_revs.at(m_rng.below(m_revs.size() - 1));
            GeneratedRevision &copy = m_revs.last();
            copy.id = original.id;
            copy.downRevisions = original.downRevisions;
            copy.dependsOn = original.dependsOn;
            copy.branchLabels.clear();
            return;
        }
        }
    }

    const HistorySpec &m_spec;
    Rng m_rng;
    QList<GeneratedRevision> m_revs;
    std::vector<QList<int>> m_parents; // by index, for cheap ancestry walks
    QList<int> m_openHeads;            // revisions nothing names as down_revision yet
    QSet<QString> m_ids;
    std::vector<int> m_mark;
    int m_stamp = 0;
    int m_labelCount = 0;
};

// ---------------------------------------------------------------------------
// Text: messages, file names and file contents.

// Alembic's slug: "_".join(re.findall(r"\w+", message)).lower(), cut to 40 on a word boundary.
QString slugFor(const QString &message)
{
    QStringList words;
    QString word;
    for (QChar c : message) {
        if (c.isLetterOrNumber() || c == u'_') {
            word += c;
        } else if (!word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        words << word;
    QString slug = words.join(u'_').toLower();
    if (slug.size() > 40) {
        slug.truncate(40);
        const qsizetype cut = slug.lastIndexOf(u'_');
        if (cut >= 0)
            slug.truncate(cut);
        slug += u'_';
    }
    return slug;
}

struct Message {
    QString doc;   // first docstring paragraph
    QString given; // what `-m` said; empty gives Alembic's "empty message" and a `<rev>_.py` name
};

// Python literal for one or more strings; `tuple` forces tuple syntax for a single item.
QString pyLiteral(const QStringList &items, bool typed, bool tuple = false, bool multiline = false)
{
    if (items.isEmpty())
        return QStringLiteral("None");
    const L1 quote = typed ? L1("\"") : L1("'");
    if (items.size() == 1 && !tuple)
        return quote + items.first() + quote;
    if (multiline) {
        QString text = QStringLiteral("(\n");
        for (const QString &item : items)
            text += L1("    ") + quote + item + quote + L1(",\n");
        return text + u')';
    }
    QStringList quoted;
    for (const QString &item : items)
        quoted << quote + item + quote;
    return u'(' + quoted.join(L1(", ")) + (items.size() == 1 ? L1(",)") : L1(")"));
}

class Writer {
public:
    explicit Writer(const HistorySpec &spec)
        // a separate stream so cosmetic options never change the graph of a seed
        : m_spec(spec), m_rng(spec.seed ^ 0x9e3779b97f4a7c15ULL)
    {
    }

    GeneratedHistory write(const QString &rootDir, QList<GeneratedRevision> revisions)
    {
        GeneratedHistory history;
        history.root = QDir(rootDir).absolutePath();
        history.iniPath = history.root + L1("/alembic.ini");
        if (QFileInfo::exists(history.iniPath))
            throw std::runtime_error("refusing to overwrite an existing alembic.ini");

        const int locations = std::clamp(m_spec.versionLocations, 1, 3);
        history.versionDirs << history.root + L1("/migrations/versions");
        for (int i = 1; i < locations; ++i)
            history.versionDirs << history.root + L1("/more_versions_") + QString::number(i);
        for (const QString &dir : std::as_const(history.versionDirs)) {
            if (!QDir().mkpath(dir))
                throw std::runtime_error("cannot create " + dir.toStdString());
        }
        writeFile(history.iniPath, iniText(locations));
        writeFile(history.root + L1("/migrations/script.py.mako"), L1(kMako));
        writeFile(history.root + L1("/migrations/env.py"), L1(kEnvPy));

        const QDateTime start = QDateTime::fromSecsSinceEpoch(1704164645, Qt::UTC); // 2024-01-02 03:04:05
        for (int i = 0; i < revisions.size(); ++i) {
            GeneratedRevision &rev = revisions[i];
            const Message message = messageFor(rev);
            rev.message = message.doc;
            rev.filePath = history.versionDirs.at(m_rng.below(locations)) + u'/' + rev.id + u'_'
                + slugFor(message.given) + L1(".py");
            const QDateTime created = start.addSecs(qint64(i) * 5417);
            const QString date = created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u'.'
                + QString::number(m_rng.below(1'000'000)).rightJustified(6, u'0');
            writeFile(rev.filePath, fileText(rev, message, date));
        }
        history.revisions = std::move(revisions);
        return history;
    }

private:
    static void writeFile(const QString &path, const QString &text)
    {
        QFile file(path);
        const QByteArray bytes = text.toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            throw std::runtime_error("cannot write " + path.toStdString());
    }

    QString iniText(int locations) const
    {
        QString text = L1("# A generic, single database configuration.\n"
                          "# Written by headway-gen-history, seed ")
            + QString::number(m_spec.seed)
            + L1("\n\n[alembic]\n"
                 "# template used to generate migration files\n"
                 "# file_template = %%(rev)s_%%(slug)s\n\n"
                 "script_location = %(here)s/migrations\n");
        if (locations > 1) {
            text += L1("version_locations = %(here)s/migrations/versions");
            for (int i = 1; i < locations; ++i)
                text += L1(" %(here)s/more_versions_") + QString::number(i);
            text += u'\n';
        }
        return text + L1(kLogging);
    }

    Message messageFor(const GeneratedRevision &rev)
    {
        Message message;
        if (m_rng.chance(0.15)) { // `flask db migrate` / `flask db merge` without -m
            message.doc = QStringLiteral("empty message");
            return message;
        }
        const L1 table = m_rng.pick(kTables);
        const L1 column = m_rng.pick(kColumns);
        const QString n = QString::number(m_rng.between(1, 999));
        QString &given = message.given;
        if (rev.downRevisions.size() > 1) {
            given = L1("merge ") + QString::number(rev.downRevisions.size()) + L1(" heads");
        } else if (rev.downRevisions.isEmpty()) {
            given = L1("initial ") + table + L1(" schema");
        } else {
            switch (m_rng.chance(0.03) ? -1 : m_rng.below(6)) {
            case -1: // a non-ASCII file name
                given = QStringLiteral("add naïve_") + column + L1(" to ") + table;
                break;
            case 0:
                given = L1("add column ") + n + L1(" to table ") + table;
                break;
            case 1:
                given = L1("create ") + table + u'_' + n + L1(" table");
                break;
            case 2:
                given = L1("drop index ix_") + table + u'_' + column;
                break;
            case 3:
                given = L1("rename ") + table + u'.' + column + L1(" to ") + column + u'_' + n;
                break;
            case 4:
                given = L1("Add ") + column + L1(" index on ") + table + L1(" (#") + n + u')';
                break;
            default: // longer than the 40-character slug limit
                given = L1("backfill ") + table + u'.' + column
                    + L1(" defaults and keep the history of every change made by the nightly import job");
                break;
            }
        }
        if (m_rng.chance(0.1)) // a message typed over two lines: still one docstring paragraph
            given += L1("\nand update ") + table + L1(" constraints");
        message.doc = given;
        return message;
    }

    QString fileText(const GeneratedRevision &rev, const Message &message, const QString &date)
    {
        const bool typed = m_rng.chance(m_spec.typedProbability);
        QString text = L1("\"\"\"") + message.doc + L1("\n\n");
        if (m_rng.chance(0.15))
            text += QStringLiteral("Also backfills existing rows; reviewed by José Müller.\n\n");
        text += L1("Revision ID: ") + rev.id + L1("\nRevises: ")
            + rev.downRevisions.join(L1(", ")) + L1("\nCreate Date: ") + date
            + L1("\n\n\"\"\"\n");
        if (typed)
            text += L1("from typing import Sequence, Union\n\n");
        text += L1("from alembic import op\nimport sqlalchemy as sa\n\n\n"
                              "# revision identifiers, used by Alembic.\n");

        const QString downs = pyLiteral(rev.downRevisions, typed, false, typed && m_rng.chance(0.5));
        const QString labels = pyLiteral(rev.branchLabels, typed, m_rng.chance(0.5));
        const QString depends = pyLiteral(rev.dependsOn, typed);
        if (typed) {
            text += L1("revision: str = \"") + rev.id + L1("\"\n")
                + L1("down_revision: Union[str, Sequence[str], None] = ") + downs
                + L1("\nbranch_labels: Union[str, Sequence[str], None] = ") + labels
                + L1("\ndepends_on: Union[str, Sequence[str], None] = ") + depends + u'\n';
        } else {
            text += L1("revision = '") + rev.id + L1("'\ndown_revision = ") + downs
                + L1("\nbranch_labels = ") + labels + L1("\ndepends_on = ") + depends + u'\n';
        }

        const L1 signature = typed ? L1("() -> None:\n") : L1("():\n");
        const QString pass = QStringLiteral("    pass\n");
        const std::pair<QString, QString> bodies = m_spec.flaskBodies ? flaskBodies() : std::pair{pass, pass};
        return text + L1("\n\ndef upgrade") + signature + bodies.first + L1("\n\ndef downgrade") + signature
            + bodies.second;
    }

    // What `flask db migrate` autogenerates for a new table plus changes to an existing one.
    std::pair<QString, QString> flaskBodies()
    {
        const QString table = m_rng.pick(kTables) + u'_' + QString::number(m_rng.between(1, 9999));
        const L1 other = m_rng.pick(kTables);
        const L1 marker("    # ### commands auto generated by Alembic - please adjust! ###\n");
        const L1 endMarker("    # ### end Alembic commands ###\n");

        QString up = marker + L1("    op.create_table('") + table
            + L1("',\n    sa.Column('id', sa.Integer(), nullable=False),\n");
        QStringList columns;
        const int columnCount = m_rng.between(8, 20);
        for (int i = 0; i < columnCount; ++i) {
            columns << m_rng.pick(kColumns) + u'_' + QString::number(i);
            up += L1("    sa.Column('") + columns.last() + L1("', ") + m_rng.pick(kTypes)
                + L1(", nullable=") + (m_rng.chance(0.5) ? L1("True") : L1("False"))
                + L1("),\n");
        }
        up += L1("    sa.ForeignKeyConstraint(['") + other + L1("_id'], ['") + other
            + L1(".id'], ),\n    sa.PrimaryKeyConstraint('id')\n    )\n");

        QString indexUp, indexDown;
        const int indexCount = m_rng.between(1, 4);
        for (int i = 0; i < indexCount; ++i) {
            const QString name = L1("ix_") + table + u'_' + columns.at(i);
            indexUp += L1("        batch_op.create_index(batch_op.f('") + name + L1("'), ['")
                + columns.at(i) + L1("'], unique=False)\n");
            indexDown += L1("        batch_op.drop_index(batch_op.f('") + name + L1("'))\n");
        }
        const QString batchTable = L1("    with op.batch_alter_table('") + table
            + L1("', schema=None) as batch_op:\n");
        up += batchTable + indexUp + u'\n';

        const QString batchOther = L1("    with op.batch_alter_table('") + other
            + L1("', schema=None) as batch_op:\n");
        const QString altered = m_rng.pick(kColumns);
        QString addUp, dropDown;
        const int addCount = m_rng.between(1, 6);
        for (int i = 0; i < addCount; ++i) {
            const QString column = m_rng.pick(kColumns) + u'_' + QString::number(m_rng.between(1, 99));
            addUp += L1("        batch_op.add_column(sa.Column('") + column + L1("', ")
                + m_rng.pick(kTypes) + L1(", nullable=True))\n");
            dropDown.prepend(L1("        batch_op.drop_column('") + column + L1("')\n"));
        }
        const auto alter = [&](L1 from, L1 to) -> QString { // QString, not a dangling QStringBuilder
            return L1("        batch_op.alter_column('") + altered
                + L1("',\n               existing_type=") + from + L1(",\n               type_=")
                + to + L1(",\n               existing_nullable=True)\n");
        };
        up += batchOther + addUp
            + alter(L1("sa.VARCHAR(length=80)"), L1("sa.String(length=255)")) + u'\n' + endMarker;
        if (m_rng.chance(0.1)) {
            // Hand-written data fix whose SQL puts `revision = '...'` at column 0:
            // a line-based reader would take it for the module's identifier.
            up += L1("    op.execute(\"\"\"\nUPDATE deployments SET\nrevision = '")
                + QString::number(m_rng.next() & 0xffffffffffffULL, 16).rightJustified(12, u'0')
                + L1("'\nWHERE revision IS NULL\n\"\"\")\n");
        }

        const QString down = marker + batchOther
            + alter(L1("sa.String(length=255)"), L1("sa.VARCHAR(length=80)")) + dropDown + u'\n'
            + batchTable + indexDown + L1("\n    op.drop_table('") + table + L1("')\n")
            + endMarker;
        return {up, down};
    }

    static constexpr const char *kLogging = R"(
# Logging configuration
[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %%(levelname)-5.5s [%%(name)s] %%(message)s
datefmt = %%H:%%M:%%S
)";

    static constexpr const char *kMako = R"("""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
)";

    // Never executed by read-only commands; present so the tree looks like `alembic init`.
    static constexpr const char *kEnvPy = R"(from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = None


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section, {}),
                                     prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
)";

    const HistorySpec &m_spec;
    Rng m_rng;
};

} // namespace

GeneratedHistory writeHistory(const QString &rootDir, const HistorySpec &spec)
{
    return Writer(spec).write(rootDir, GraphBuilder(spec).build());
}

GeneratedHistory writeRevisions(const QString &rootDir, const HistorySpec &spec, QList<GeneratedRevision> revisions)
{
    return Writer(spec).write(rootDir, std::move(revisions));
}

} // namespace headway::testsupport
