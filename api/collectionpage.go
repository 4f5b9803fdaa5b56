package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/api/collections"
)

// The collections pages are plain HTML forms that POST and redirect (303)
// to the page showing the result, so they work without JavaScript. Their
// protection against cross-site forgery is sameOrigin (middleware.go).

// collectionPages registers the collections web pages.
func (s *Server) collectionPages(e *echo.Echo, short echo.MiddlewareFunc) {
	post := func(path string, h echo.HandlerFunc) {
		e.Match([]string{http.MethodPost}, path, h, short)
		s.pages[path] = true
	}
	getRoute(e, "/collections", s.handleCollectionsPage, short)
	getRoute(e, "/collections/:id", s.handleCollectionPage, short)
	s.pages["/collections"], s.pages["/collections/:id"] = true, true
	post("/collections", s.handleCreateForm)
	post("/collections/:id", s.handleEditForm)
	post("/collections/:id/delete", s.handleDeleteForm)
	post("/collections/:id/items/:doc", s.handleNoteForm)
	post("/collections/:id/items/:doc/delete", s.handleRemoveForm)
	post("/collections/:id/items/:doc/move", s.handleMoveForm)
	post("/doc/:id/collect", s.handleCollectForm)
}

// collectionsPage is the data of collections.html.
type collectionsPage struct {
	Collections []collectionRow
}

type collectionRow struct {
	ID, Title, Description, Updated string
	Items                           int
}

// collectionPage is the data of collection.html.
type collectionPage struct {
	C       CollectionResponse
	Created string
	Updated string
	Items   []itemView
	Missing int
}

type itemView struct {
	CollectionItem
	Position   int // 1-based
	Year       string
	Tools      []labelled
	First      bool
	Last       bool
	AddedLabel string
}

// collectOption is one collection offered by the add form of doc.html.
type collectOption struct {
	ID, Title string
	Has       bool // the collection holds the document already
}

// handleCollectionsPage serves GET /collections.
func (s *Server) handleCollectionsPage(c echo.Context) error {
	list, err := s.coll.List(c.Request().Context())
	if err != nil {
		return err
	}
	var p collectionsPage
	for _, col := range list {
		p.Collections = append(p.Collections, collectionRow{ID: col.ID, Title: col.Title,
			Description: col.Description, Updated: thaiDate(col.Updated), Items: len(col.Items)})
	}
	return s.render(c, http.StatusOK, "collections.html", p)
}

// handleCollectionPage serves GET /collections/{id}.
func (s *Server) handleCollectionPage(c echo.Context) error {
	res, err := s.loadCollection(c)
	if err != nil {
		return err
	}
	p := collectionPage{C: res, Created: thaiDate(res.Created), Updated: thaiDate(res.Updated)}
	for i, it := range res.Items {
		v := itemView{CollectionItem: it, Position: i + 1, Year: yearLabel(it.Year),
			First: i == 0, Last: i == len(res.Items)-1, AddedLabel: thaiDate(it.Added)}
		if v.Title == "" && !v.Missing {
			v.Title = "(ไม่มีชื่อเรื่อง)"
		}
		for _, t := range it.Tools {
			v.Tools = append(v.Tools, toolLabel(t))
		}
		if it.Missing {
			p.Missing++
		}
		p.Items = append(p.Items, v)
	}
	return s.render(c, http.StatusOK, "collection.html", p)
}

// handleCreateForm serves POST /collections (title, description).
func (s *Server) handleCreateForm(c echo.Context) error {
	col, err := s.coll.Create(c.Request().Context(), collections.Collection{
		Title: c.FormValue("title"), Description: c.FormValue("description")})
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, collectionURL(col.ID, ""))
}

// handleEditForm serves POST /collections/{id} (title, description).
func (s *Server) handleEditForm(c echo.Context) error {
	title, desc := c.FormValue("title"), c.FormValue("description")
	_, err := s.coll.Update(c.Request().Context(), c.Param("id"), collections.Patch{Title: &title, Description: &desc})
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, collectionURL(c.Param("id"), ""))
}

// handleDeleteForm serves POST /collections/{id}/delete.
func (s *Server) handleDeleteForm(c echo.Context) error {
	if err := s.coll.Delete(c.Request().Context(), c.Param("id")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/collections")
}

// handleNoteForm serves POST /collections/{id}/items/{doc} (note).
func (s *Server) handleNoteForm(c echo.Context) error {
	id, doc := c.Param("id"), c.Param("doc")
	if _, err := s.coll.UpdateNote(c.Request().Context(), id, doc, c.FormValue("note")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, collectionURL(id, doc))
}

// handleRemoveForm serves POST /collections/{id}/items/{doc}/delete.
func (s *Server) handleRemoveForm(c echo.Context) error {
	id := c.Param("id")
	if err := s.coll.RemoveItem(c.Request().Context(), id, c.Param("doc")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, collectionURL(id, ""))
}

// handleMoveForm serves POST /collections/{id}/items/{doc}/move (position,
// 1-based as the page shows it).
func (s *Server) handleMoveForm(c echo.Context) error {
	id, doc := c.Param("id"), c.Param("doc")
	v := c.FormValue("position")
	pos, err := strconv.Atoi(v)
	if err != nil {
		return &collections.ValidationError{Field: "position", Reason: "not a number: " + strconv.Quote(v)}
	}
	if err := s.coll.Move(c.Request().Context(), id, doc, pos-1); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, collectionURL(id, doc))
}

// handleCollectForm serves POST /doc/{id}/collect: adds the document to the
// chosen collection (collection), or to a new one (collection empty, title
// and description), with a note, then shows the collection.
func (s *Server) handleCollectForm(c echo.Context) error {
	ctx := c.Request().Context()
	doc := c.Param("id")
	if _, err := s.docs.Document(ctx, doc); err != nil {
		return err
	}
	id, note := c.FormValue("collection"), c.FormValue("note")
	if id == "" {
		// One Create with the item, so a refused note leaves no empty collection.
		col, err := s.coll.Create(ctx, collections.Collection{Title: c.FormValue("title"),
			Description: c.FormValue("description"), Items: []collections.Item{{DocID: doc, Note: note}}})
		if err != nil {
			return err
		}
		return c.Redirect(http.StatusSeeOther, collectionURL(col.ID, doc))
	}
	if _, err := s.addItem(ctx, id, doc, note); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, collectionURL(id, doc))
}

// collectOptions lists the collections for the add form of a document's
// page, marking those that hold it already.
func (s *Server) collectOptions(ctx context.Context, doc string) ([]collectOption, error) {
	list, err := s.coll.List(ctx)
	if err != nil {
		return nil, err
	}
	opts := make([]collectOption, 0, len(list))
	for _, col := range list {
		o := collectOption{ID: col.ID, Title: col.Title}
		for _, it := range col.Items {
			o.Has = o.Has || it.DocID == doc
		}
		opts = append(opts, o)
	}
	return opts, nil
}

// collectionURL is the page of a collection, at an item when doc is given.
func collectionURL(id, doc string) string {
	u := "/collections/" + url.PathEscape(id)
	if doc != "" {
		u += "#item-" + url.PathEscape(doc)
	}
	return u
}

// thaiMonths are the abbreviated Thai month names, January first.
var thaiMonths = [12]string{"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."}

// thaiDate writes t as Thai readers expect: "1 มี.ค. 2568 09:05", BE year.
func thaiDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	return strconv.Itoa(t.Day()) + " " + thaiMonths[t.Month()-1] + " " + strconv.Itoa(t.Year()+543) + " " + t.Format("15:04")
}
