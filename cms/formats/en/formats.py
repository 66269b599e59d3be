# Dates as sentences use them: "11 December 2026, 15:30" (no "p.m." before a full stop).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
# Short forms (admin lists, exports): day first, 24-hour clock, as European readers expect.
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
