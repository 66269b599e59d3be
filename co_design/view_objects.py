"""Model objects as one screen shows them.

A view works out things about an object that only its screen needs (is this comment mine, how
many days are left). Rather than setting them on the model instance, where they would pass for
fields and travel wherever the instance goes, it wraps the instance: the wrapper answers with
what the view worked out, and with the instance's own attributes for everything else, so that
templates read `comment.is_mine` and `comment.wagtail_comment.text` alike.
"""


class ViewObject:
    def __init__(self, instance, **shown):
        self.instance = instance
        self.__dict__.update(shown)

    def __getattr__(self, name):
        # Only called for names the view did not set.
        return getattr(self.instance, name)

    def __repr__(self):
        return f"<ViewObject of {self.instance!r}>"
