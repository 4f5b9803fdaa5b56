package crawler

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

// ErrUnsupportedURL is returned by Canonical for URLs the crawler never
// fetches: other schemes (mailto:, javascript:, ftp:), or no host.
var ErrUnsupportedURL = errors.New("unsupported url")

// siteMove is a known move of a site from one host (and path prefix) to another.
type siteMove struct {
	fromHost   string // lower case, without port
	toHost     string
	pathPrefix string // prepended to the path unless it is already there
}

// siteMoves lists the hosts the crawler rewrites, so that the copies of one
// site under several names are crawled and stored once. www. is added or
// removed only here, where both forms are known to serve the same site:
// for an unknown host the bare name may not resolve at all.
var siteMoves = []siteMove{
	{"areahpp.net", "www.samatcha.org", "/areahpp2"},
	{"www.areahpp.net", "www.samatcha.org", "/areahpp2"},
	{"samatcha.org", "www.samatcha.org", ""},
	{"gotoknow.org", "www.gotoknow.org", ""},
	{"m.gotoknow.org", "www.gotoknow.org", ""},
	{"www.ppi.psu.ac.th", "ppi.psu.ac.th", ""},
	{"happynetwork.org", "www.happynetwork.org", ""},
}

// trackingParams are query parameters that never change the page: analytics
// tags and WordPress comment-reply links. Any name starting "utm_" is one too.
var trackingParams = []string{
	"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
	"mc_cid", "mc_eid", "igshid", "_ga", "_gl", "replytocom", "fb_action_ids",
	"fb_action_types", "fb_source", "fb_ref",
}

func isTrackingParam(name string) bool {
	name = strings.ToLower(name)
	if strings.HasPrefix(name, "utm_") {
		return true
	}
	for _, p := range trackingParams {
		if name == p {
			return true
		}
	}
	return false
}

// Canonical returns the canonical form of raw, the key under which the
// crawler stores, de-duplicates and identifies a page:
//
//   - scheme and host lower case, a trailing dot and the default port removed;
//   - known site moves applied (areahpp.net → www.samatcha.org/areahpp2,
//     gotoknow.org → www.gotoknow.org, see siteMoves);
//   - the fragment dropped; tracking parameters (utm_*, fbclid, gclid, ...)
//     dropped and the remaining query sorted by name;
//   - dot segments resolved, an empty path made "/", and a trailing slash
//     removed from any other path.
//
// It returns ErrUnsupportedURL for schemes other than http and https and for
// URLs without a host.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical %q: %w", raw, err)
	}
	c, err := canonicalURL(u)
	if err != nil {
		return "", fmt.Errorf("canonical %q: %w", raw, err)
	}
	return c.String(), nil
}

// canonicalURL returns the canonical copy of u; see Canonical.
func canonicalURL(u *url.URL) (*url.URL, error) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return nil, ErrUnsupportedURL
	}
	host, port := u.Hostname(), u.Port()
	host = strings.TrimRight(strings.ToLower(host), ".")
	if host == "" {
		return nil, ErrUnsupportedURL
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	p := u.EscapedPath()
	for _, m := range siteMoves {
		if host == m.fromHost {
			host = m.toHost
			if m.pathPrefix != "" && p != m.pathPrefix && !strings.HasPrefix(p, m.pathPrefix+"/") {
				p = m.pathPrefix + p
			}
			break
		}
	}
	if p == "" {
		p = "/"
	}
	if strings.Contains(p, "/.") {
		trailing := strings.HasSuffix(p, "/")
		p = path.Clean(p)
		if trailing && p != "/" {
			p += "/"
		}
	}
	if len(p) > 1 {
		p = strings.TrimRight(p, "/")
		if p == "" {
			p = "/"
		}
	}
	out := &url.URL{Scheme: scheme, Host: host}
	if strings.Contains(host, ":") { // IPv6 literal
		out.Host = "[" + host + "]"
	}
	if port != "" {
		out.Host = net.JoinHostPort(host, port)
	}
	pathPart, err := url.PathUnescape(p)
	if err != nil {
		return nil, err
	}
	out.Path = pathPart
	out.RawPath = p
	if out.EscapedPath() != p { // keep the original escaping when it is valid
		out.RawPath = ""
	}
	out.RawQuery = canonicalQuery(u.RawQuery)
	return out, nil
}

// canonicalQuery drops tracking parameters and sorts the rest, keeping each
// pair's original escaping.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' })
	kept := parts[:0]
	for _, kv := range parts {
		name, _, _ := strings.Cut(kv, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if name == "" || isTrackingParam(name) {
			continue
		}
		kept = append(kept, kv)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ni, _, _ := strings.Cut(kept[i], "=")
		nj, _, _ := strings.Cut(kept[j], "=")
		return ni < nj
	})
	return strings.Join(kept, "&")
}

// hostKey is the name under which a host counts as "the same site" when
// deciding whether a link stays on the seeds' hosts: lower case, without
// port-less default ports and without a leading "www.".
func hostKey(u *url.URL) string {
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// ArticleKind names the kind of page a URL shows, judged by its path alone.
type ArticleKind int

// Kinds of page URL.
const (
	// PageOther is any page not recognised as an article or a listing.
	PageOther ArticleKind = iota
	// PageListing is an index page: home, category, tag, author, paging,
	// feed, search. Its links are followed; it never becomes a document.
	PageListing
	// PageArticle is an article URL of one of the known site styles.
	PageArticle
)

// Article-URL recognisers, by site style (see DOMAIN.md §1). They match the
// path only, so mirrors, moved hosts and local copies are recognised too.
var (
	areahppArticle   = regexp.MustCompile(`^/areahpp2/archives/\d+$`)
	gotoknowArticle  = regexp.MustCompile(`^/posts/\d+$`)
	softganzArticle  = regexp.MustCompile(`^/project/\d+/info\.action\.view/\d+$`)
	softganzPaper    = regexp.MustCompile(`^/paper/\d+$`)
	wordpressArticle = regexp.MustCompile(`^/archives/\d+$`)
	listingPath      = regexp.MustCompile(`(^|/)(category|categories|tag|tags|author|page|feed|search|wp-json|wp-admin|wp-login\.php|xmlrpc\.php|comments|trackback|embed|user|profile|login|register)(/|$)`)
	feedFile         = regexp.MustCompile(`(?i)(\.xml|\.xml\.gz|\.rss|\.atom|/robots\.txt)$`)
	articleSubpath   = regexp.MustCompile(`^(/areahpp2)?/archives/\d+/`) // attachment, amp, feed, page 2 of a post
	articlePrefixes  = []string{"/areahpp2/", "/posts/", "/project/", "/paper/", "/archives/"}
	sitePathNotFile  = regexp.MustCompile(`\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|css|js|mjs|json|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|tgz|mp3|mp4|m4a|avi|mov|wmv|flv|woff2?|ttf|eot|exe|apk|dmg|iso)$`)
)

// Kind classifies a canonical URL. Paths under a known style's article
// prefix (/areahpp2/, /posts/, /project/, /paper/, /archives/) are articles
// only when they match that style's article pattern:
// /areahpp2/archives/{digits}, /posts/{digits},
// /project/{id}/info.action.view/{id}, /paper/{id} (and a bare
// /archives/{digits} of a WordPress site). Elsewhere, the site root,
// query-string pages, WordPress-style listings and feeds are listings and
// any other path is PageOther.
func Kind(u *url.URL) ArticleKind {
	k, _ := kindOf(u)
	return k
}

// kindOf is Kind, and whether a listing verdict rests only on the
// WordPress prefixes /areahpp2/ and /archives/ (/areahpp2/2015/01/slug):
// such a path names no listing word, so the page's markup may still show a
// single post. The SoftGanz and gotoknow prefixes hold only listings and
// forms besides their article patterns.
func kindOf(u *url.URL) (k ArticleKind, byPrefix bool) {
	p := u.Path
	switch {
	case areahppArticle.MatchString(p), gotoknowArticle.MatchString(p),
		softganzArticle.MatchString(p), softganzPaper.MatchString(p),
		wordpressArticle.MatchString(p):
		if u.RawQuery != "" {
			return PageListing, false
		}
		return PageArticle, false
	}
	if p == "/" || u.RawQuery != "" || listingPath.MatchString(p) || feedFile.MatchString(p) {
		return PageListing, false
	}
	for _, pre := range articlePrefixes {
		if strings.HasPrefix(p+"/", pre) {
			wp := (pre == "/areahpp2/" || pre == "/archives/") && p+"/" != pre && !articleSubpath.MatchString(p)
			return PageListing, wp
		}
	}
	return PageOther, false
}

// skipByExtension reports whether a path names a file type the crawler never
// wants (images, media, archives, office files), so it is not even queued.
func skipByExtension(p string) bool {
	return sitePathNotFile.MatchString(strings.ToLower(p))
}
