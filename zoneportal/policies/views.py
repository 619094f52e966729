"""The library's public views (filled in by the policy-library work)."""
