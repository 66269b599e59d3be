"""Language of a request: the URL prefix of the public site (/en/, /de/, /it/, /es/)."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers

# Served once for every language, outside the language prefixes (cms/urls.py).
UNPREFIXED = ("/admin/", "/django-admin/", "/documents/", "/graphql/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 from an unprefixed area (the admin, the API,
    documents) stays a 404 instead of a redirect to the same path under /en/."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
