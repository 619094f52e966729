"""Rich text features that government documents need: 首行缩进, 居中 and 居右 paragraphs.

Each is a Draftail block type stored as a ``<p>`` with a class (``indent``,
``align-center``, ``align-right``), which the public sanitiser keeps and portal.css
styles; a class rather than an inline style keeps the stored HTML free of CSS.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import BlockElementHandler
from wagtail.admin.rich_text.editors.draftail.features import BlockFeature

#: feature name → (label on the toolbar button, description)
PARAGRAPH_STYLES = {
    "indent": (_("缩进"), _("首行缩进两字")),
    "align-center": (_("居中"), _("段落居中")),
    "align-right": (_("居右"), _("段落右对齐，用于落款和日期")),
}


@hooks.register("register_rich_text_features")
def register_paragraph_styles(features) -> None:
    for name, (label, description) in PARAGRAPH_STYLES.items():
        control = {"type": name, "label": label, "description": description, "element": "p"}
        features.register_editor_plugin(
            "draftail", name, BlockFeature(control, css={"all": ["portal/admin/richtext.css"]})
        )
        features.register_converter_rule(
            "contentstate",
            name,
            {
                "from_database_format": {f'p[class="{name}"]': BlockElementHandler(name)},
                "to_database_format": {"block_map": {name: {"element": "p", "props": {"class": name}}}},
            },
        )
