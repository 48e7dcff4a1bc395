#!/usr/bin/env bash
# Regenerate the Headway demo repository (app.py + migrations/) from scratch
# with real `flask db init` / `flask db migrate` runs.
#
# Usage:  tools/regenerate_demo.sh OUTPUT_DIR
#         PYTHON=/path/to/python tools/regenerate_demo.sh OUTPUT_DIR
#
# The interpreter ($PYTHON, default /usr/bin/python3) needs flask,
# flask_sqlalchemy and flask_migrate.  Revision ids and dates differ per run.
#
# History produced (mirrors a fork that merged its upstream):
#   A  create user table
#   B  create post table                    (down: A)
#   C  add created_at to post               (down: B)
#   D  add user preferences  [fork]         (down: C)  + index ix_user_email
#   E  add post slug         [upstream]     (down: C)  + index ix_user_email
# Two heads (D, E), no merge migration; `flask db upgrade heads` on a fresh
# database fails because both branches create ix_user_email.
#
# Only OUTPUT_DIR/app.py and OUTPUT_DIR/migrations/ are (re)written; other
# files in OUTPUT_DIR (README.md, tools/) are left alone.  All databases and
# bytecode stay in a scratch directory that is removed afterwards.
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
    echo "usage: $0 OUTPUT_DIR" >&2
    exit 2
fi
OUT=$1
PYTHON=${PYTHON:-/usr/bin/python3}

"$PYTHON" -c 'import flask, flask_sqlalchemy, flask_migrate' || {
    echo "error: $PYTHON lacks flask/flask_sqlalchemy/flask_migrate (set \$PYTHON)" >&2
    exit 1
}

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/headway-demo-gen.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

export PYTHONDONTWRITEBYTECODE=1
export FLASK_APP=app.py
export SERVER_NAME=localhost
export CACHE_TYPE=NullCache
unset DATABASE_URL || true   # always use the demo.db next to app.py

flask_db() { "$PYTHON" -m flask db "$@"; }

# write_app DIR FEATURE...
#   features: post created_at prefs email_index slug
write_app() {
    local dir=$1; shift
    local post=0 created_at=0 prefs=0 email_index=0 slug=0 f
    for f in "$@"; do
        case $f in
            post) post=1 ;; created_at) created_at=1 ;; prefs) prefs=1 ;;
            email_index) email_index=1 ;; slug) slug=1 ;;
            *) echo "write_app: unknown feature $f" >&2; return 1 ;;
        esac
    done
    {
        cat <<'EOF'
"""Headway demo: a tiny Flask + Flask-SQLAlchemy + Flask-Migrate blog.

Run every command from this directory, e.g.

    FLASK_APP=app.py SERVER_NAME=localhost CACHE_TYPE=NullCache flask db heads

Environment:
    DATABASE_URL  overrides the database URI (default: demo.db next to this file)
    SERVER_NAME   copied into app.config when set
    CACHE_TYPE    copied into app.config when set
"""
import os
EOF
        if (( created_at )); then echo "from datetime import datetime"; fi
        cat <<'EOF'

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

BASE_DIR = os.path.abspath(os.path.dirname(__file__))

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get(
    "DATABASE_URL", "sqlite:///" + os.path.join(BASE_DIR, "demo.db")
)
app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
for _key in ("SERVER_NAME", "CACHE_TYPE"):
    if os.environ.get(_key):
        app.config[_key] = os.environ[_key]

db = SQLAlchemy(app)
# render_as_batch=False: plain op.* migrations, the Flask-Migrate default
# before 4.0 (this project's history predates batch mode).
migrate = Migrate(app, db, render_as_batch=False)


class User(db.Model):
    __tablename__ = "user"

    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), unique=True, nullable=False)
EOF
        if (( email_index )); then
            echo '    email = db.Column(db.String(120), nullable=False, index=True)'
        else
            echo '    email = db.Column(db.String(120), nullable=False)'
        fi
        if (( post )); then
            echo '    posts = db.relationship("Post", backref="author", lazy=True)'
        fi
        if (( prefs )); then
            echo '    preference = db.relationship("UserPreference", backref="user", uselist=False)'
        fi
        if (( prefs )); then
            cat <<'EOF'


class UserPreference(db.Model):
    __tablename__ = "user_preference"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), unique=True, nullable=False)
    theme = db.Column(db.String(20), nullable=False, default="light")
    email_notifications = db.Column(db.Boolean, nullable=False, default=True)
EOF
        fi
        if (( post )); then
            cat <<'EOF'


class Post(db.Model):
    __tablename__ = "post"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
EOF
            if (( slug )); then echo '    slug = db.Column(db.String(200), nullable=True)'; fi
            echo '    body = db.Column(db.Text, nullable=False)'
            if (( created_at )); then
                echo '    created_at = db.Column(db.DateTime, nullable=True, default=datetime.utcnow)'
            fi
            echo '    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)'
        fi
        cat <<'EOF'


@app.route("/")
def index():
    return "Headway demo blog: %d user(s)\n" % User.query.count()
EOF
    } > "$dir/app.py"
}

# step DIR MESSAGE FEATURE...: set the models, autogenerate, upgrade
step() {
    local dir=$1 msg=$2; shift 2
    write_app "$dir" "$@"
    ( cd "$dir" && flask_db migrate -m "$msg" && flask_db upgrade )
}

# --- common history: A, B, C -------------------------------------------------
BASE=$SCRATCH/base
mkdir -p "$BASE"
write_app "$BASE"
( cd "$BASE" && flask_db init )
step "$BASE" "create user table"
step "$BASE" "create post table"      post
step "$BASE" "add created_at to post" post created_at

# --- diverge: the fork and its upstream each start from a clone at C ---------
# (Alembic refuses to autogenerate unless the database is at every head, so
#  each branch is generated in its own clone, like two real repositories.)
FORK=$SCRATCH/fork
UPSTREAM=$SCRATCH/upstream
cp -a "$BASE" "$FORK"
cp -a "$BASE" "$UPSTREAM"

step "$FORK"     "add user preferences" post created_at prefs email_index
step "$UPSTREAM" "add post slug"        post created_at slug  email_index

# --- merge: fork pulls upstream; both revisions land, no merge migration -----
MERGED=$SCRATCH/merged
mkdir -p "$MERGED"
cp -a "$FORK/migrations" "$MERGED/migrations"
for f in "$UPSTREAM"/migrations/versions/*.py; do
    [[ -e "$MERGED/migrations/versions/$(basename "$f")" ]] || cp "$f" "$MERGED/migrations/versions/"
done
write_app "$MERGED" post created_at prefs email_index slug
find "$MERGED" \( -name __pycache__ -o -name '*.pyc' -o -name demo.db \) -prune -exec rm -rf {} +

echo "--- heads of the merged tree:"
( cd "$MERGED" && flask_db heads )

mkdir -p "$OUT"
rm -rf "$OUT/migrations"
cp -a "$MERGED/migrations" "$OUT/migrations"
cp "$MERGED/app.py" "$OUT/app.py"
echo "--- wrote $OUT/app.py and $OUT/migrations/"
