from wagtail.models import Site


def site_navigation(request):
    """The live sections of the site under its home page in the active language, for the main
    navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_navigation": [], "home_url": "/"}
    home = site.root_page.localized
    return {
        "site_navigation": home.get_children().live().in_menu(),
        "home_url": home.get_url(request) or "/",
    }
