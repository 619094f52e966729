"""Rate-limit groups of the disclosure pages (``core.network.over_limit``): filing and looking up.

Filing counts against ``DISCLOSURE_RATE`` (only forms that pass validation), looking up against
``DISCLOSURE_LOOKUP_RATE`` (every try), per visitor address.
"""

FILE_GROUP = "disclosure"
LOOKUP_GROUP = "disclosure-lookup"
