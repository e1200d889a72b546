"""Errors a user can cause, each with a message written for that user."""


class BylineError(Exception):
    """An error whose message is shown to the reader as one line, never as a traceback."""


class ArticleError(BylineError):
    """The article could not be opened or read as text."""


class ModelError(BylineError):
    """No spaCy pipeline could be loaded."""


class StoreError(BylineError):
    """The annotation store cannot be used as asked."""


class ExportError(BylineError):
    """An export or import could not be done."""


class FeedError(BylineError):
    """A feed could not be followed, fetched or read."""
