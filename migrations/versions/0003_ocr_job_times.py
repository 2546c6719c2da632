"""ocr job times

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 14:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ocr_queued_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('ocr_started_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('ocr_started_at')
        batch_op.drop_column('ocr_queued_at')
