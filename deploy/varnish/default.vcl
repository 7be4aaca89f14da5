vcl 4.1;

# Varnish in front of the ISHR site (Debian's varnish 7 and varnish-modules for xkey).
#
# - Caches only what the app marks cacheable: a response with Cache-Control "public" and the
#   keys of what it shows in "xkey" (pagecache.middleware). Everything else passes.
# - Never caches for a visitor with a session (a logged-in editor, a page password, a share
#   link): such requests pass, with their cookies. Other cookies are dropped: no page reads them.
# - Compresses HTML, feeds and the sitemap (gzip) and keeps one copy of each.
# - Purges by key: the app sends "PURGE" with the keys in "xkey-purge" (pagecache.purge), from
#   the addresses in the "purgers" ACL.
# - /media/ goes to nginx, which serves the media folder; /static/ is cached like a page.
# - The two instances take turns; one that fails its health check is left out, but when both
#   do (both busy under load), both are used all the same: visitors wait rather than get a 503.
# - When the app cannot answer (both instances down, or too slow), a cached page is served
#   even past its time (grace), and any other address gets the site's own "back in a moment"
#   page, a 503 with Retry-After, as the app gives while its database is down.
#
# deploy/prod.sh fills in the backends' ports and its folder (the @...@ markers) from its
# environment, and writes that page there (unavailable.html) before Varnish starts.

import directors;
import std;
import xkey;

backend app1 {
    .host = "127.0.0.1";
    .port = "@APP1_PORT@";
    .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 2s; .window = 3; .threshold = 2; }
}

backend app2 {
    .host = "127.0.0.1";
    .port = "@APP2_PORT@";
    .probe = { .url = "/robots.txt"; .interval = 2s; .timeout = 2s; .window = 3; .threshold = 2; }
}

# The same two instances without a health check, for when neither passes its own (the
# director "site" below). Under load both can be too busy to answer a check within its two
# seconds, together: calling both sick would then refuse every request no cache answers (a
# search, a signup) with a 503, where waiting for them serves it. An instance that is down
# still fails at once: its port refuses the connection (then vcl_backend_error).
backend app1_unchecked {
    .host = "127.0.0.1";
    .port = "@APP1_PORT@";
}

backend app2_unchecked {
    .host = "127.0.0.1";
    .port = "@APP2_PORT@";
}

backend media {
    .host = "127.0.0.1";
    .port = "@MEDIA_PORT@";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
    new unchecked = directors.round_robin();
    unchecked.add_backend(app1_unchecked);
    unchecked.add_backend(app2_unchecked);
    # The healthy instances in turn; when neither is, both in turn all the same.
    new site = directors.fallback();
    site.add_backend(apps.backend());
    site.add_backend(unchecked.backend());
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }

    if (req.url ~ "^/media/") {
        set req.backend_hint = media;
    } else {
        set req.backend_hint = site.backend();
    }
    # A page past its time is served for 10 s while it is fetched again; with neither
    # instance passing its health check, for as long as it is kept (its grace,
    # vcl_backend_response).
    if (std.healthy(apps.backend())) {
        set req.grace = 10s;
    }

    # Keys and cache status are the app's to say, not the client's.
    unset req.http.xkey;
    unset req.http.X-Cache;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Sessions: editors, page passwords, share links. Never from the cache, never into it.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|share|documents|_util)/") {
        return (pass);
    }
    # Nothing a cached page shows depends on a cookie: drop them, so that it is one copy.
    unset req.http.Cookie;
    # Only gzip or nothing: one compressed copy serves every browser.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/media/") {
        # nginx's answers: files under names that change with their content.
        set beresp.ttl = 1d;
        return (deliver);
    }
    if (beresp.http.Cache-Control ~ "public" && beresp.http.xkey && !beresp.http.Set-Cookie
            && (beresp.status == 200 || beresp.status == 404)) {
        # Kept until purged, at most as long as the app says (s-maxage), and a day more for
        # when the app cannot answer (vcl_recv).
        set beresp.grace = 1d;
        if (beresp.http.Content-Type ~ "^(text/|application/(rss\+xml|atom\+xml|xml|json))") {
            set beresp.do_gzip = true;
        }
        # "Vary: Cookie" means nothing here: requests with a session never reach the cache,
        # the others carry no cookie.
        if (beresp.http.Vary) {
            set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,\s*)cookie", "");
            set beresp.http.Vary = regsub(beresp.http.Vary, "^,\s*", "");
        }
        return (deliver);
    }
    if (bereq.url ~ "^/static/" && beresp.status == 200) {
        if (beresp.http.Content-Type ~ "^(text/|application/javascript|image/svg)") {
            set beresp.do_gzip = true;
        }
        return (deliver);
    }
    # Everything else: not cached, and not held up waiting for an earlier identical request.
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
}

sub vcl_backend_error {
    # No answer from the app: the site's own 503 page (core.errors), not Varnish's. Media
    # included: an image that cannot be served now is as unavailable as a page.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    # The headers every page of the app carries (ishr_site/settings/base.py, core/headers.py):
    # the policy and the permissions as the app gave them to deploy/prod.sh.
    set beresp.http.Content-Security-Policy = std.fileread("@RUN_DIR@/unavailable.csp");
    set beresp.http.Permissions-Policy = std.fileread("@RUN_DIR@/unavailable.permissions");
    set beresp.http.Cross-Origin-Resource-Policy = "same-origin";
    set beresp.http.Cross-Origin-Opener-Policy = "same-origin";
    set beresp.http.X-Content-Type-Options = "nosniff";
    set beresp.http.Referrer-Policy = "strict-origin-when-cross-origin";
    set beresp.http.X-Frame-Options = "DENY";
    set beresp.ttl = 0s;
    set beresp.grace = 0s;
    synthetic(std.fileread("@RUN_DIR@/unavailable.html"));
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        # Passed through: the app's own X-Cache (if any) says what happened there.
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
        set resp.http.X-Cache-Front = "hit";
    } else {
        set resp.http.X-Cache-Front = "miss";
    }
    # The keys are for the caches, not for visitors.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
