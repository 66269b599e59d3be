from wagtail.models import Site


def site_navigation(request):
    """The live sections of the site under its home page, for the main navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_navigation": []}
    return {"site_navigation": site.root_page.get_children().live().in_menu()}
