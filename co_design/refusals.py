"""One shape for "not done, and here is why": every refusal carries a message for the person
who tried, and the HTTP status a view answers with."""


class Refused(Exception):
    def __init__(self, message, status=403):
        super().__init__(message)
        self.message = message
        self.status = status
