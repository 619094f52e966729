"""The investment tests' zone (the test zone plus 国土建设分局, which keeps the resettlement records)."""

from tests.investment.conftest import investment  # noqa: F401 (a fixture, used by name)
