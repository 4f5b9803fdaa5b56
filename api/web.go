package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// pageNames are the page templates under web/templates; each is parsed
// together with layout.html and executed as "layout".
var pageNames = []string{"search.html", "doc.html", "error.html", "collections.html", "collection.html"}

// webAssets are the parsed templates and the static files of the web page.
type webAssets struct {
	pages  map[string]*template.Template
	static fs.FS
	// version maps a static file name to a hash of its content, appended
	// to its URL so browsers may cache it for long.
	version map[string]string
}

// loadWeb parses the templates; withCollections says whether the pages
// offer collections (the header link, the add form of a document).
func loadWeb(root fs.FS, withCollections bool) (*webAssets, error) {
	static, err := fs.Sub(root, "web/static")
	if err != nil {
		return nil, fmt.Errorf("api: static files: %w", err)
	}
	w := &webAssets{pages: map[string]*template.Template{}, static: static, version: map[string]string{}}
	err = fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		w.version[p] = hex.EncodeToString(sum[:4])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("api: static files: %w", err)
	}
	funcs := template.FuncMap{
		"collections": func() bool { return withCollections },
		"add":         func(a, b int) int { return a + b },
		"static": func(name string) (string, error) {
			v, ok := w.version[name]
			if !ok {
				return "", fmt.Errorf("no static file %q", name)
			}
			return "/static/" + name + "?v=" + v, nil
		},
	}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(root, "web/templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("api: parse layout: %w", err)
	}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(root, "web/templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("api: parse page %s: %w", name, err)
		}
		if t.Lookup("content") == nil {
			return nil, fmt.Errorf("api: page %s defines no content", name)
		}
		w.pages[name] = t
	}
	return w, nil
}

// render executes a page into a buffer and sends it only when complete, so
// a template error is answered as a 500 instead of half a page.
func (s *Server) render(c echo.Context, status int, name string, data any) error {
	t, ok := s.web.pages[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	h := c.Response().Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	return c.HTMLBlob(status, buf.Bytes())
}

// errorPage is the data of error.html.
type errorPage struct {
	Status  int
	Title   string
	Message string
	Param   string
	Query   string
	Form    bool // the error answers a form (POST)
}

// errorTitles are the Thai headings of the error page, by error code.
var errorTitles = map[string]string{
	codeInvalidParam:     "ค่าที่ใช้ค้นหาไม่ถูกต้อง",
	codeBadRequest:       "คำขอไม่ถูกต้อง",
	codeForbidden:        "ไม่อนุญาตให้ส่งคำขอนี้จากเว็บไซต์อื่น",
	codeNotFound:         "ไม่พบหน้าที่ต้องการ",
	codeConflict:         "มีรายการนี้อยู่แล้ว",
	codeMediaType:        "รูปแบบข้อมูลที่ส่งมาไม่รองรับ",
	codeMethodNotAllowed: "ไม่รองรับวิธีเรียกนี้",
	codeTooLarge:         "คำขอมีขนาดใหญ่เกินไป",
	codeTimeout:          "ใช้เวลานานเกินไป ลองค้นให้แคบลง",
	codeInternal:         "ระบบขัดข้อง",
}

// renderError answers an error on a web page. If the error page itself
// fails, it falls back to plain text.
func (s *Server) renderError(c echo.Context, status int, d ErrorDetail) error {
	p := errorPage{Status: status, Title: errorTitles[d.Code], Message: d.Message, Param: d.Param, Query: c.QueryParam("q")}
	if c.Request().Method == http.MethodPost {
		p.Form = true
		if d.Code == codeInvalidParam {
			p.Title = "ข้อมูลในแบบฟอร์มไม่ถูกต้อง"
		}
	}
	if p.Title == "" {
		p.Title = http.StatusText(status)
	}
	if err := s.render(c, status, "error.html", p); err != nil {
		s.log.Error("render error page", "request_id", reqID(c), "err", err)
		return c.String(status, p.Title+": "+d.Message)
	}
	return nil
}

// handleStatic serves GET /static/*: the embedded CSS, JavaScript and icons.
func (s *Server) handleStatic(c echo.Context) error {
	name := strings.TrimPrefix(path.Clean("/"+c.Param("*")), "/")
	b, err := fs.ReadFile(s.web.static, name)
	if err != nil {
		return echo.ErrNotFound
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = http.DetectContentType(b)
	}
	h := c.Response().Header()
	h.Set("X-Content-Type-Options", "nosniff")
	if c.QueryParam("v") == s.web.version[name] {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}
	return c.Blob(http.StatusOK, ct, b)
}
