# With the weekday first ("venerdì 11 dicembre 2026"), "il", "al" and "del" read naturally before
# every date ("fino al venerdì 11 dicembre", never "fino al 11"); names are lowercase (locale/it).
DATE_FORMAT = "l j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
