"""The letters in the Wagtail admin (the inbox's hooks are added here by the letters-inbox work)."""

from . import oversight_hooks  # noqa: F401 (importing registers the 督办 hooks)
