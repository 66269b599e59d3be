vcl 4.1;
# The caching proxy in front of the app processes (docker-compose.yml). It caches only the
# persisted GraphQL GETs (/graphql/?id=…), which the app marks `Cache-Control: public,
# s-maxage=…`; Varnish keeps them that long (s-maxage first), one copy per Accept-Encoding and
# Accept-Language (the app's Vary), and revalidates with the ETag. Everything else (the site,
# the admin, POSTs, the consultation room) goes straight to the app.

import directors;

backend app1 { .host = "app1"; .port = "8000"; }
backend app2 { .host = "app2"; .port = "8000"; }

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    if (req.method == "GET" && req.url ~ "^/graphql/\?(.*&)?id=") {
        # The answer depends on nobody: no cookie or credential reaches the cache key.
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }
    return (pass);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/graphql/") {
        # Surrogate-Key names the pages an answer contains; kept for a purge by key
        # (varnish-modules xkey, or a CDN in front), and never sent to clients.
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        set beresp.grace = 10s;
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
