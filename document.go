package botrian

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Site styles a Document can come from. Each has a crawler profile.
const (
	SiteAreahpp  = "areahpp"  // samatcha.org/areahpp2 (WordPress, Sahifa theme)
	SiteGotoknow = "gotoknow" // gotoknow.org/posts/N
	SiteSoftganz = "softganz" // SoftGanz project/paper pages (ppi.psu.ac.th, happynetwork.org, ...)
	SiteGeneric  = "generic"  // anything else
)

// Document is one article, report or post after boilerplate removal.
type Document struct {
	// ID is derived from the canonical URL with DocID, so links survive a reindex.
	ID string `json:"id"`
	// URL is the canonical URL (file:// for imported files).
	URL string `json:"url"`
	// AltURLs are other URLs under which the same article was found.
	AltURLs []string `json:"alt_urls,omitempty"`
	// Site is the profile that extracted the page: one of the Site* constants.
	Site string `json:"site"`
	// Host is the site's host name (empty for local files without one).
	Host string `json:"host,omitempty"`
	// Title is the article title, without site suffixes.
	Title string `json:"title"`
	// DateText is the publication (or, on softganz activity pages, activity)
	// date exactly as the page shows it, e.g. "28 กันยายน 2008 13:15 น.".
	DateText string `json:"date_text,omitempty"`
	// DateMachine is a machine-readable date the page carries
	// (article:published_time, WordPress span.updated), as found.
	DateMachine string `json:"date_machine,omitempty"`
	// Author is the author or reporter name as shown.
	Author string `json:"author,omitempty"`
	// Tags and Categories are as the page lists them, without '#'.
	Tags       []string `json:"tags,omitempty"`
	Categories []string `json:"categories,omitempty"`
	// Project is the project title on softganz report pages.
	Project string `json:"project,omitempty"`
	// Body is the article text: paragraphs separated by a blank line.
	// It includes the sections' text, in page order.
	Body string `json:"body"`
	// Sections are the labelled parts of the body (objectives, obstacles, ...)
	// as the page labels them.
	Sections []Section `json:"sections,omitempty"`
	// Links are the outgoing absolute links found in the body.
	Links []string `json:"links,omitempty"`
	// FetchedAt is when the page was fetched or imported.
	FetchedAt time.Time `json:"fetched_at,omitzero"`
}

// Section is one labelled part of a Document's body.
type Section struct {
	// Heading is the label as the page shows it, e.g. "ปัญหา/แนวทางแก้ไข".
	Heading string `json:"heading"`
	// Text is the section's content; empty when the page answered "ไม่มี" or "-".
	Text string `json:"text"`
}

// DocID returns the stable document ID for a canonical URL: the first 16 hex
// digits of its SHA-256.
func DocID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}
