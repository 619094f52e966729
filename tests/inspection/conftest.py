"""Fixtures shared rather than copied: the letters' mailboxes and a letter, the policy library."""

from tests.letters.conftest import letter_data, mailbox  # noqa: F401 (fixtures)
from tests.letters.test_inbox import invest_box, letter  # noqa: F401 (fixtures)
from tests.policies.conftest import library  # noqa: F401 (fixture)
