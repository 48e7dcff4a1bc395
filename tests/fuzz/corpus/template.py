"""add users

Revision ID: a1
Revises: 
Create Date: 2024-01-01

"""
from alembic import op
import sqlalchemy as sa

revision = 'a1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('users', sa.Column('id', sa.Integer()))
