"""The letters' mailbox fixtures, shared rather than copied (the overdue-letter indicators use them)."""

from tests.letters.conftest import letter_data, mailbox  # noqa: F401 (fixtures)
