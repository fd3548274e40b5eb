"""pytest-alembic's own checks of the migrations, with the plain set-up from its docs
(the ``alembic_config`` and ``alembic_engine`` fixtures in conftest.py): one head,
upgrade from empty to head, models matching the DDL, and every step down and up."""

from pytest_alembic.tests import (  # noqa: F401 - collected by pytest
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
