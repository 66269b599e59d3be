"""Path converters of the project's URLs.

`<id:…>` is the only way an id enters a path: 1 to 18 digits, so every value fits the 64-bit
integer columns of SQLite and PostgreSQL. A longer number matches no route (a 404) instead of
overflowing the database driver (a 500), as Django's `<int:…>` would on SQLite.
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


register_converter(IdConverter, "id")
