"""Headway demo: a tiny Flask + Flask-SQLAlchemy + Flask-Migrate blog.

Run every command from this directory, e.g.

    FLASK_APP=app.py SERVER_NAME=localhost CACHE_TYPE=NullCache flask db heads

Environment:
    DATABASE_URL  overrides the database URI (default: demo.db next to this file)
    SERVER_NAME   copied into app.config when set
    CACHE_TYPE    copied into app.config when set
"""
import os
from datetime import datetime

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
    email = db.Column(db.String(120), nullable=False, index=True)
    posts = db.relationship("Post", backref="author", lazy=True)
    preference = db.relationship("UserPreference", backref="user", uselist=False)


class UserPreference(db.Model):
    __tablename__ = "user_preference"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), unique=True, nullable=False)
    theme = db.Column(db.String(20), nullable=False, default="light")
    email_notifications = db.Column(db.Boolean, nullable=False, default=True)


class Post(db.Model):
    __tablename__ = "post"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    slug = db.Column(db.String(200), nullable=True)
    body = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime, nullable=True, default=datetime.utcnow)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)


@app.route("/")
def index():
    return "Headway demo blog: %d user(s)\n" % User.query.count()
