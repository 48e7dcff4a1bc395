"""merge"""
from typing import Sequence, Union
revision: str = "m1"
down_revision: Union[str, Sequence[str], None] = (
    "a1",
    "b1",
)
branch_labels: Union[str, Sequence[str], None] = ("x",)
depends_on: Union[str, Sequence[str], None] = "a1"
