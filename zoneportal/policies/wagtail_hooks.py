"""The policy library in the back office."""

from . import import_hooks  # noqa: F401 (importing registers 导入政策文件's URLs and menu item)
