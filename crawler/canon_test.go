package crawler

import (
	"errors"
	"net/url"
	"testing"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://WWW.Samatcha.ORG:80/areahpp2/archives/2693/", "http://www.samatcha.org/areahpp2/archives/2693"},
		{"https://www.samatcha.org:443/areahpp2/archives/2693#comments", "https://www.samatcha.org/areahpp2/archives/2693"},
		{"https://samatcha.org/areahpp2/archives/2693", "https://www.samatcha.org/areahpp2/archives/2693"},
		{"http://areahpp.net/archives/1549", "http://www.samatcha.org/areahpp2/archives/1549"},
		{"http://www.areahpp.net/areahpp2/archives/1549/", "http://www.samatcha.org/areahpp2/archives/1549"},
		{"https://gotoknow.org/posts/212436#google_vignette", "https://www.gotoknow.org/posts/212436"},
		{"https://www.gotoknow.org/posts/212436?utm_source=facebook&utm_medium=x&fbclid=IwAR0", "https://www.gotoknow.org/posts/212436"},
		{"https://ppi.psu.ac.th/project/171/info.action.view/3696?gclid=abc", "https://ppi.psu.ac.th/project/171/info.action.view/3696"},
		{"https://example.org/a?b=2&a=1&utm_campaign=z", "https://example.org/a?a=1&b=2"},
		{"https://example.org/a/?replytocom=12#respond", "https://example.org/a"},
		{"https://example.org", "https://example.org/"},
		{"https://example.org/", "https://example.org/"},
		{"https://example.org:8443/x/", "https://example.org:8443/x"},
		{"http://example.org./a/../b/./c", "http://example.org/b/c"},
		{"http://www.example.org/keep-www", "http://www.example.org/keep-www"},
		{"http://example.org/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7", "http://example.org/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7"},
		{"http://127.0.0.1:8080/posts/1/", "http://127.0.0.1:8080/posts/1"},
		{"http://[::1]:80/x", "http://[::1]/x"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Canonical(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestCanonicalRejects(t *testing.T) {
	for _, in := range []string{"mailto:a@example.org", "javascript:void(0)", "ftp://example.org/x", "/relative/path", "http://"} {
		if got, err := Canonical(in); !errors.Is(err, ErrUnsupportedURL) {
			t.Errorf("Canonical(%q) = %q, %v, want ErrUnsupportedURL", in, got, err)
		}
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		in   string
		want ArticleKind
	}{
		{"https://www.samatcha.org/areahpp2/archives/2693", PageArticle},
		{"https://www.samatcha.org/areahpp2/archives/category/news", PageListing},
		{"https://www.samatcha.org/areahpp2/archives/tag/hia", PageListing},
		{"https://www.samatcha.org/areahpp2/page/2", PageListing},
		{"https://www.samatcha.org/areahpp2", PageListing},
		{"https://www.gotoknow.org/posts/212436", PageArticle},
		{"https://www.gotoknow.org/posts/212436?page=2", PageListing},
		{"https://www.gotoknow.org/posts", PageListing},
		{"https://ppi.psu.ac.th/project/171/info.action.view/3696", PageArticle},
		{"https://ppi.psu.ac.th/project/171", PageListing},
		{"https://ppi.psu.ac.th/project/171/info.action", PageListing},
		{"https://www.happynetwork.org/paper/1234", PageArticle},
		{"https://www.happynetwork.org/paper/1234/info/photo", PageListing},
		{"https://example.org/", PageListing},
		{"https://example.org/feed", PageListing},
		{"https://example.org/?s=hia", PageListing},
		{"https://example.org/news/a-report.html", PageOther},
		{"https://example.org/sitemap.xml", PageListing},
		{"https://example.org/sitemap-posts.xml.gz", PageListing},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Kind(u); got != tt.want {
			t.Errorf("Kind(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{"http://areahpp.net/archives/1", "https://www.gotoknow.org/posts/1?utm_source=x#y", "http://a/b/../c/?z=1&a=2", "https://x.org:443/%7Efoo/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := Canonical(in)
		if err != nil {
			return
		}
		again, err := Canonical(c)
		if err != nil || again != c {
			t.Errorf("Canonical(Canonical(%q)) = %q, %v, want %q (idempotent)", in, again, err, c)
		}
	})
}

func BenchmarkCanonical(b *testing.B) {
	in := []string{
		"HTTP://WWW.Samatcha.ORG:80/areahpp2/archives/2693/?utm_source=facebook&fbclid=IwAR0#comments",
		"https://gotoknow.org/posts/212436#google_vignette",
		"https://ppi.psu.ac.th/project/171/info.action.view/3696",
		"http://example.org/a/../b/?z=1&a=2&gclid=x",
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Canonical(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
