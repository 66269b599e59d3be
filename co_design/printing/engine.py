"""WeasyPrint, loaded on first use. It needs pango (a system library): where it cannot be
loaded, PDFs are off, the Download PDF links are hidden, and the log says why once."""

import functools
import logging

logger = logging.getLogger(__name__)


@functools.cache
def weasyprint():
    """The weasyprint module, or None where it cannot be loaded (logged once per process)."""
    try:
        import weasyprint as module
    except Exception as error:  # ImportError, or OSError when pango is missing
        logger.warning(
            "PDF downloads are off: WeasyPrint cannot be loaded (%s). Install the system "
            "packages the README names (pango and fonts) and restart to offer them.",
            error,
        )
        return None
    return module


def available():
    return weasyprint() is not None


def write_pdf(html, base_url):
    """The PDF of `html`. Links resolve against `base_url`; nothing is fetched over the network
    or from the disk (the documents carry their stylesheet inline and have no images)."""
    module = weasyprint()
    fetcher = module.urls.URLFetcher(allowed_protocols=("data",))
    return module.HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
