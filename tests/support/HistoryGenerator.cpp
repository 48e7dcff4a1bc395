#include "HistoryGenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

namespace headway::testsupport {
namespace {

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
    QLatin1String pick(const char *const (&words)[N]) { return QLatin1String(words[below(N)]); }
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
            const int width = m_rng.between(2, int(std::clamp<qsizetype>(m_spec.maxMergeWidth, 2, heads.size())));
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
    const QLatin1String quote = typed ? QLatin1String("\"") : QLatin1String("'");
    if (items.size() == 1 && !tuple)
        return quote + items.first() + quote;
    if (multiline) {
        QString text = QStringLiteral("(\n");
        for (const QString &item : items)
            text += QLatin1String("    ") + quote + item + quote + QLatin1String(",\n");
        return text + u')';
    }
    QStringList quoted;
    for (const QString &item : items)
        quoted << quote + item + quote;
    return u'(' + quoted.join(QLatin1String(", ")) + (items.size() == 1 ? QLatin1String(",)") : QLatin1String(")"));
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
        history.iniPath = history.root + QLatin1String("/alembic.ini");
        if (QFileInfo::exists(history.iniPath))
            throw std::runtime_error("refusing to overwrite an existing alembic.ini");

        const int locations = std::clamp(m_spec.versionLocations, 1, 3);
        history.versionDirs << history.root + QLatin1String("/migrations/versions");
        for (int i = 1; i < locations; ++i)
            history.versionDirs << history.root + QLatin1String("/more_versions_") + QString::number(i);
        for (const QString &dir : std::as_const(history.versionDirs)) {
            if (!QDir().mkpath(dir))
                throw std::runtime_error("cannot create " + dir.toStdString());
        }
        writeFile(history.iniPath, iniText(locations));
        writeFile(history.root + QLatin1String("/migrations/script.py.mako"), QLatin1String(kMako));
        writeFile(history.root + QLatin1String("/migrations/env.py"), QLatin1String(kEnvPy));

        const QDateTime start = QDateTime::fromSecsSinceEpoch(1704164645, Qt::UTC); // 2024-01-02 03:04:05
        for (int i = 0; i < revisions.size(); ++i) {
            GeneratedRevision &rev = revisions[i];
            const Message message = messageFor(rev);
            rev.message = message.doc;
            rev.filePath = history.versionDirs.at(m_rng.below(locations)) + u'/' + rev.id + u'_'
                + slugFor(message.given) + QLatin1String(".py");
            const QString date = start.addSecs(qint64(i) * 5417).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                + u'.' + QString::number(m_rng.below(1000000)).rightJustified(6, u'0');
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
        QString text = QLatin1String("# A generic, single database configuration.\n"
                                     "# Written by headway-gen-history, seed ")
            + QString::number(m_spec.seed) + QLatin1String("\n\n[alembic]\n"
                                                           "# template used to generate migration files\n"
                                                           "# file_template = %%(rev)s_%%(slug)s\n\n"
                                                           "script_location = %(here)s/migrations\n");
        if (locations > 1) {
            text += QLatin1String("version_locations = %(here)s/migrations/versions");
            for (int i = 1; i < locations; ++i)
                text += QLatin1String(" %(here)s/more_versions_") + QString::number(i);
            text += u'\n';
        }
        return text + QLatin1String(kLogging);
    }

    Message messageFor(const GeneratedRevision &rev)
    {
        Message message;
        if (m_rng.chance(0.15)) { // `flask db migrate` / `flask db merge` without -m
            message.doc = QStringLiteral("empty message");
            return message;
        }
        const QLatin1String table = m_rng.pick(kTables);
        const QLatin1String column = m_rng.pick(kColumns);
        const QString n = QString::number(m_rng.between(1, 999));
        if (rev.downRevisions.size() > 1) {
            message.given = QLatin1String("merge ") + QString::number(rev.downRevisions.size()) + QLatin1String(" heads");
        } else if (rev.downRevisions.isEmpty()) {
            message.given = QLatin1String("initial ") + table + QLatin1String(" schema");
        } else {
            switch (m_rng.chance(0.03) ? -1 : m_rng.below(6)) {
            case 0: message.given = QLatin1String("add column ") + n + QLatin1String(" to table ") + table; break;
            case 1: message.given = QLatin1String("create ") + table + u'_' + n + QLatin1String(" table"); break;
            case 2: message.given = QLatin1String("drop index ix_") + table + u'_' + column; break;
            case 3: message.given = QLatin1String("rename ") + table + u'.' + column + QLatin1String(" to ") + column + u'_' + n; break;
            case 4: message.given = QLatin1String("Add ") + column + QLatin1String(" index on ") + table + QLatin1String(" (#") + n + u')'; break;
            case -1: message.given = QStringLiteral("add naïve_") + column + QLatin1String(" to ") + table; break; // non-ASCII slug
            default:
                message.given = QLatin1String("backfill ") + table + u'.' + column
                    + QLatin1String(" defaults and keep the history of every change made by the nightly import job");
                break;
            }
        }
        if (m_rng.chance(0.1)) // a message typed over two lines: still one docstring paragraph
            message.given += QLatin1String("\nand update ") + table + QLatin1String(" constraints");
        message.doc = message.given;
        return message;
    }

    QString fileText(const GeneratedRevision &rev, const Message &message, const QString &date)
    {
        const bool typed = m_rng.chance(m_spec.typedProbability);
        QString text = QLatin1String("\"\"\"") + message.doc + QLatin1String("\n\n");
        if (m_rng.chance(0.15))
            text += QStringLiteral("Also backfills existing rows; reviewed by José Müller.\n\n");
        text += QLatin1String("Revision ID: ") + rev.id + QLatin1String("\nRevises: ")
            + rev.downRevisions.join(QLatin1String(", ")) + QLatin1String("\nCreate Date: ") + date
            + QLatin1String("\n\n\"\"\"\n");
        if (typed)
            text += QLatin1String("from typing import Sequence, Union\n\n");
        text += QLatin1String("from alembic import op\nimport sqlalchemy as sa\n\n\n"
                              "# revision identifiers, used by Alembic.\n");

        const QString downs = pyLiteral(rev.downRevisions, typed, false, typed && m_rng.chance(0.5));
        const QString labels = pyLiteral(rev.branchLabels, typed, m_rng.chance(0.5));
        const QString depends = pyLiteral(rev.dependsOn, typed);
        if (typed) {
            text += QLatin1String("revision: str = \"") + rev.id + QLatin1String("\"\n")
                + QLatin1String("down_revision: Union[str, Sequence[str], None] = ") + downs
                + QLatin1String("\nbranch_labels: Union[str, Sequence[str], None] = ") + labels
                + QLatin1String("\ndepends_on: Union[str, Sequence[str], None] = ") + depends + u'\n';
        } else {
            text += QLatin1String("revision = '") + rev.id + QLatin1String("'\ndown_revision = ") + downs
                + QLatin1String("\nbranch_labels = ") + labels + QLatin1String("\ndepends_on = ") + depends + u'\n';
        }

        const QLatin1String signature = typed ? QLatin1String("() -> None:\n") : QLatin1String("():\n");
        const std::pair<QString, QString> bodies =
            m_spec.flaskBodies ? flaskBodies() : std::pair{QStringLiteral("    pass\n"), QStringLiteral("    pass\n")};
        return text + QLatin1String("\n\ndef upgrade") + signature + bodies.first + QLatin1String("\n\ndef downgrade")
            + signature + bodies.second;
    }

    // What `flask db migrate` autogenerates for a new table plus changes to an existing one.
    std::pair<QString, QString> flaskBodies()
    {
        const QString table = m_rng.pick(kTables) + u'_' + QString::number(m_rng.between(1, 9999));
        const QLatin1String other = m_rng.pick(kTables);
        const QLatin1String marker("    # ### commands auto generated by Alembic - please adjust! ###\n");
        const QLatin1String endMarker("    # ### end Alembic commands ###\n");

        QString up = marker + QLatin1String("    op.create_table('") + table
            + QLatin1String("',\n    sa.Column('id', sa.Integer(), nullable=False),\n");
        QStringList columns;
        const int columnCount = m_rng.between(8, 20);
        for (int i = 0; i < columnCount; ++i) {
            columns << m_rng.pick(kColumns) + u'_' + QString::number(i);
            up += QLatin1String("    sa.Column('") + columns.last() + QLatin1String("', ") + m_rng.pick(kTypes)
                + QLatin1String(", nullable=") + (m_rng.chance(0.5) ? QLatin1String("True") : QLatin1String("False"))
                + QLatin1String("),\n");
        }
        up += QLatin1String("    sa.ForeignKeyConstraint(['") + other + QLatin1String("_id'], ['") + other
            + QLatin1String(".id'], ),\n    sa.PrimaryKeyConstraint('id')\n    )\n");

        QString indexUp, indexDown;
        const int indexCount = m_rng.between(1, 4);
        for (int i = 0; i < indexCount; ++i) {
            const QString name = QLatin1String("ix_") + table + u'_' + columns.at(i);
            indexUp += QLatin1String("        batch_op.create_index(batch_op.f('") + name + QLatin1String("'), ['")
                + columns.at(i) + QLatin1String("'], unique=False)\n");
            indexDown += QLatin1String("        batch_op.drop_index(batch_op.f('") + name + QLatin1String("'))\n");
        }
        const QString batchTable = QLatin1String("    with op.batch_alter_table('") + table
            + QLatin1String("', schema=None) as batch_op:\n");
        up += batchTable + indexUp + u'\n';

        const QString batchOther = QLatin1String("    with op.batch_alter_table('") + other
            + QLatin1String("', schema=None) as batch_op:\n");
        const QString altered = m_rng.pick(kColumns);
        QString addUp, dropDown;
        const int addCount = m_rng.between(1, 6);
        for (int i = 0; i < addCount; ++i) {
            const QString column = m_rng.pick(kColumns) + u'_' + QString::number(m_rng.between(1, 99));
            addUp += QLatin1String("        batch_op.add_column(sa.Column('") + column + QLatin1String("', ")
                + m_rng.pick(kTypes) + QLatin1String(", nullable=True))\n");
            dropDown.prepend(QLatin1String("        batch_op.drop_column('") + column + QLatin1String("')\n"));
        }
        const auto alter = [&](QLatin1String from, QLatin1String to) -> QString { // not a dangling builder
            return QLatin1String("        batch_op.alter_column('") + altered
                + QLatin1String("',\n               existing_type=") + from + QLatin1String(",\n               type_=")
                + to + QLatin1String(",\n               existing_nullable=True)\n");
        };
        up += batchOther + addUp
            + alter(QLatin1String("sa.VARCHAR(length=80)"), QLatin1String("sa.String(length=255)")) + u'\n' + endMarker;
        if (m_rng.chance(0.1)) {
            // Hand-written data fix whose SQL puts `revision = '...'` at column 0:
            // a line-based reader would take it for the module's identifier.
            up += QLatin1String("    op.execute(\"\"\"\nUPDATE deployments SET\nrevision = '")
                + QString::number(m_rng.next() & 0xffffffffffffULL, 16).rightJustified(12, u'0')
                + QLatin1String("'\nWHERE revision IS NULL\n\"\"\")\n");
        }

        const QString down = marker + batchOther
            + alter(QLatin1String("sa.String(length=255)"), QLatin1String("sa.VARCHAR(length=80)")) + dropDown + u'\n'
            + batchTable + indexDown + QLatin1String("\n    op.drop_table('") + table + QLatin1String("')\n")
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

} // namespace headway::testsupport
