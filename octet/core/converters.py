"""Path converters shared by the contexts' addresses."""


class ContentIdConverter:
    """A content id in an address (a competence, a tutorial, a lesson, a file...): any text
    without a slash or a control character. No id of the bank has one, and a NUL character
    would reach the database, which refuses it with a server error (PostgreSQL); such an
    address is a page not found instead."""

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
