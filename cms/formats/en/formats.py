# Dates as sentences use them: "11 December 2026, 15:30" (no "p.m." before a full stop).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
