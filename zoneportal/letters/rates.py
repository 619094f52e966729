"""Rate-limit groups of the letters: the 写信/查询 pages and the API draw on one budget per visitor.

``core.network.over_limit(request, group, rate)`` counts per group and address, so
sending a letter through the form and through ``POST /api/v1/letters`` share
``LETTER_RATE``, and look-ups on the page and through the API share ``LETTER_LOOKUP_RATE``.
"""

SEND_GROUP = "letters"
LOOKUP_GROUP = "letter-lookup"
