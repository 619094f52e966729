"""The one error of backups and restores: its message, in Chinese, is what the operator reads."""


class BackupError(Exception):
    """A backup or restore that cannot go on; nothing of the target was changed unless the message says so."""
