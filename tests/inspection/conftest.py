"""Fixtures shared rather than copied: the letters' mailbox (the letter indicators), the policy library."""

from tests.letters.conftest import letter_data, mailbox  # noqa: F401 (fixtures)
from tests.policies.conftest import library  # noqa: F401 (fixture)
