# "11. Dezember 2026, 15:30"
DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = "j. F Y, H:i"
