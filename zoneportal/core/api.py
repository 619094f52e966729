"""What every JSON API of the project shares: the shape of its errors."""

from ninja import Field, Schema


class ErrorOut(Schema):
    """``{"detail", "errors": [{"param", "message"}]}``: a summary and a Chinese message per parameter or field."""

    detail: str = Field(description="错误说明")
    errors: list[dict[str, str]] = Field(description="逐个参数或字段的说明：param（名称）、message（中文说明）")
