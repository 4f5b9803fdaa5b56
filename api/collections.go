package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/botrian/botrian/api/collections"
	"github.com/botrian/botrian/search"
)

// Collections is what the collections endpoints and pages ask of a store
// of curators' collections. *collections.Store satisfies it.
type Collections interface {
	Create(ctx context.Context, c collections.Collection) (collections.Collection, error)
	Get(ctx context.Context, id string) (collections.Collection, error)
	List(ctx context.Context) ([]collections.Collection, error)
	Update(ctx context.Context, id string, p collections.Patch) (collections.Collection, error)
	Delete(ctx context.Context, id string) error
	AddItem(ctx context.Context, collID, docID, note string) (collections.Item, error)
	UpdateNote(ctx context.Context, collID, docID, note string) (collections.Item, error)
	RemoveItem(ctx context.Context, collID, docID string) error
	Move(ctx context.Context, collID, docID string, pos int) error
}

// CollectionsResponse is the body of GET /api/v1/collections.
type CollectionsResponse struct {
	Collections []CollectionSummary `json:"collections"`
}

// CollectionSummary is a collection without its items.
type CollectionSummary struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Items       int       `json:"items"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

// CollectionResponse is a collection with its items in the curator's order,
// each resolved against the index.
type CollectionResponse struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	Description string           `json:"description"`
	Created     time.Time        `json:"created"`
	Updated     time.Time        `json:"updated"`
	Items       []CollectionItem `json:"items"`
}

// CollectionItem is one document of a collection with the curator's note.
// Missing is true when the index no longer holds the document; the
// document's fields are then empty.
type CollectionItem struct {
	DocID     string    `json:"doc_id"`
	Note      string    `json:"note"`
	Added     time.Time `json:"added"`
	Missing   bool      `json:"missing"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Year      int       `json:"year,omitempty"`
	Provinces []string  `json:"provinces,omitempty"`
	Tools     []string  `json:"tools,omitempty"`
}

// collectionBody is the JSON body of POST and PATCH on collections.
type collectionBody struct {
	ID          string  `json:"id"`
	Title       *string `json:"title"`
	Description *string `json:"description"`
}

// itemBody is the JSON body of POST and PATCH on a collection's items.
type itemBody struct {
	DocID    string  `json:"doc_id"`
	Note     *string `json:"note"`
	Position *int    `json:"position"`
}

// collectionRoutes registers the collections API. They exist only when
// Config.Collections is set; without a store every collections URL is an
// unknown route (404 not_found).
func (s *Server) collectionRoutes(v1 router, short echo.MiddlewareFunc) {
	getRoute(v1, "/collections", s.handleListCollections, short)
	v1.Match([]string{http.MethodPost}, "/collections", s.handleCreateCollection, short)
	getRoute(v1, "/collections/:id", s.handleGetCollection, short)
	v1.Match([]string{http.MethodPatch}, "/collections/:id", s.handleUpdateCollection, short)
	v1.Match([]string{http.MethodDelete}, "/collections/:id", s.handleDeleteCollection, short)
	getRoute(v1, "/collections/:id/items.csv", s.handleCollectionCSV, short)
	getRoute(v1, "/collections/:id/items.jsonl", s.handleCollectionJSONL, short)
	v1.Match([]string{http.MethodPost}, "/collections/:id/items", s.handleAddItem, short)
	v1.Match([]string{http.MethodPatch}, "/collections/:id/items/:doc", s.handleUpdateItem, short)
	v1.Match([]string{http.MethodDelete}, "/collections/:id/items/:doc", s.handleRemoveItem, short)
}

// handleListCollections serves GET /api/v1/collections.
func (s *Server) handleListCollections(c echo.Context) error {
	list, err := s.coll.List(c.Request().Context())
	if err != nil {
		return err
	}
	res := CollectionsResponse{Collections: make([]CollectionSummary, len(list))}
	for i, col := range list {
		res.Collections[i] = CollectionSummary{ID: col.ID, Title: col.Title, Description: col.Description,
			Items: len(col.Items), Created: col.Created, Updated: col.Updated}
	}
	return c.JSON(http.StatusOK, res)
}

// handleCreateCollection serves POST /api/v1/collections: 201 with the new
// collection and its URL in Location.
func (s *Server) handleCreateCollection(c echo.Context) error {
	var b collectionBody
	if err := bindJSON(c, &b); err != nil {
		return err
	}
	in := collections.Collection{ID: b.ID}
	if b.Title != nil {
		in.Title = *b.Title
	}
	if b.Description != nil {
		in.Description = *b.Description
	}
	col, err := s.coll.Create(c.Request().Context(), in)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/collections/"+col.ID)
	return c.JSON(http.StatusCreated, s.resolveCollection(c.Request().Context(), col))
}

// handleGetCollection serves GET /api/v1/collections/{id}.
func (s *Server) handleGetCollection(c echo.Context) error {
	ctx := c.Request().Context()
	col, err := s.coll.Get(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	res := s.resolveCollection(ctx, col)
	if err := ctx.Err(); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

// handleUpdateCollection serves PATCH /api/v1/collections/{id}: the title
// and description given are changed, the others kept.
func (s *Server) handleUpdateCollection(c echo.Context) error {
	var b collectionBody
	if err := bindJSON(c, &b); err != nil {
		return err
	}
	if b.ID != "" && b.ID != c.Param("id") {
		return &collections.ValidationError{Field: "id", Reason: "a collection's ID cannot change"}
	}
	ctx := c.Request().Context()
	col, err := s.coll.Update(ctx, c.Param("id"), collections.Patch{Title: b.Title, Description: b.Description})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, s.resolveCollection(ctx, col))
}

// handleDeleteCollection serves DELETE /api/v1/collections/{id}: 204.
func (s *Server) handleDeleteCollection(c echo.Context) error {
	if err := s.coll.Delete(c.Request().Context(), c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// handleAddItem serves POST /api/v1/collections/{id}/items: 201 with the
// item. The document must be in the index (400 invalid_param doc_id if
// not); 409 conflict if the collection already holds it.
func (s *Server) handleAddItem(c echo.Context) error {
	var b itemBody
	if err := bindJSON(c, &b); err != nil {
		return err
	}
	if b.Position != nil {
		return &collections.ValidationError{Field: "position", Reason: "items are added at the end; move them with PATCH"}
	}
	note := ""
	if b.Note != nil {
		note = *b.Note
	}
	it, err := s.addItem(c.Request().Context(), c.Param("id"), b.DocID, note)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, s.resolveItem(c.Request().Context(), it))
}

// addItem adds a document the index holds to a collection.
func (s *Server) addItem(ctx context.Context, collID, docID, note string) (collections.Item, error) {
	if _, err := s.coll.Get(ctx, collID); err != nil {
		return collections.Item{}, err
	}
	if _, err := s.docs.Document(ctx, docID); errors.Is(err, search.ErrNotFound) {
		return collections.Item{}, &collections.ValidationError{Field: "doc_id", Reason: fmt.Sprintf("the index holds no document %q", docID)}
	} else if err != nil {
		return collections.Item{}, err
	}
	return s.coll.AddItem(ctx, collID, docID, note)
}

// handleUpdateItem serves PATCH /api/v1/collections/{id}/items/{doc}: a
// new note, a new 0-based position, or both.
func (s *Server) handleUpdateItem(c echo.Context) error {
	var b itemBody
	if err := bindJSON(c, &b); err != nil {
		return err
	}
	ctx := c.Request().Context()
	id, doc := c.Param("id"), c.Param("doc")
	if b.DocID != "" && b.DocID != doc {
		return &collections.ValidationError{Field: "doc_id", Reason: "differs from the URL"}
	}
	if b.Position != nil {
		if err := s.coll.Move(ctx, id, doc, *b.Position); err != nil {
			return err
		}
	}
	if b.Note != nil {
		it, err := s.coll.UpdateNote(ctx, id, doc, *b.Note)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, s.resolveItem(ctx, it))
	}
	col, err := s.coll.Get(ctx, id)
	if err != nil {
		return err
	}
	for _, it := range col.Items {
		if it.DocID == doc {
			return c.JSON(http.StatusOK, s.resolveItem(ctx, it))
		}
	}
	return fmt.Errorf("collection %s: document %s: %w", id, doc, collections.ErrNotFound)
}

// handleRemoveItem serves DELETE /api/v1/collections/{id}/items/{doc}: 204.
func (s *Server) handleRemoveItem(c echo.Context) error {
	if err := s.coll.RemoveItem(c.Request().Context(), c.Param("id"), c.Param("doc")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// collectionCSVHeader names the columns of a collection's CSV export.
var collectionCSVHeader = []string{"position", "doc_id", "title", "url", "year", "year_be", "provinces", "tools", "note", "added", "missing"}

// handleCollectionCSV serves GET /api/v1/collections/{id}/items.csv: the
// items in order, with their notes, for a spreadsheet.
func (s *Server) handleCollectionCSV(c echo.Context) error {
	res, err := s.loadCollection(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	w := csv.NewWriter(&buf)
	w.Write(collectionCSVHeader)
	for i, it := range res.Items {
		year, yearBE := "", ""
		if it.Year > 0 {
			year, yearBE = strconv.Itoa(it.Year), strconv.Itoa(it.Year+543)
		}
		w.Write([]string{strconv.Itoa(i + 1), it.DocID, it.Title, it.URL, year, yearBE,
			strings.Join(it.Provinces, "; "), strings.Join(it.Tools, "; "), it.Note,
			it.Added.Format(time.RFC3339), strconv.FormatBool(it.Missing)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="botrian-collection-`+res.ID+`.csv"`)
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}

// handleCollectionJSONL serves GET /api/v1/collections/{id}/items.jsonl:
// one CollectionItem a line, in order.
func (s *Server) handleCollectionJSONL(c echo.Context) error {
	res, err := s.loadCollection(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, it := range res.Items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="botrian-collection-`+res.ID+`.jsonl"`)
	return c.Blob(http.StatusOK, "application/jsonl; charset=utf-8", buf.Bytes())
}

// loadCollection gets the collection named in the URL, resolved.
func (s *Server) loadCollection(c echo.Context) (CollectionResponse, error) {
	ctx := c.Request().Context()
	col, err := s.coll.Get(ctx, c.Param("id"))
	if err != nil {
		return CollectionResponse{}, err
	}
	res := s.resolveCollection(ctx, col)
	return res, ctx.Err()
}

// resolveCollection looks up every item's document in the index. A
// document the index does not hold, or that fails to load, is shown as
// missing: the curator's note outlives a reindex. A failure other than
// not-found is logged.
func (s *Server) resolveCollection(ctx context.Context, col collections.Collection) CollectionResponse {
	res := CollectionResponse{ID: col.ID, Title: col.Title, Description: col.Description,
		Created: col.Created, Updated: col.Updated, Items: make([]CollectionItem, 0, len(col.Items))}
	for _, it := range col.Items {
		if ctx.Err() != nil {
			break
		}
		res.Items = append(res.Items, s.resolveItem(ctx, it))
	}
	return res
}

func (s *Server) resolveItem(ctx context.Context, it collections.Item) CollectionItem {
	out := CollectionItem{DocID: it.DocID, Note: it.Note, Added: it.Added}
	e, err := s.docs.Document(ctx, it.DocID)
	if err != nil {
		if !errors.Is(err, search.ErrNotFound) && ctx.Err() == nil {
			s.log.Warn("resolve collection item", "doc_id", it.DocID, "err", err)
		}
		out.Missing = true
		return out
	}
	out.Title, out.URL, out.Year = e.Document.Title, e.Document.URL, e.Facts.Year
	out.Provinces, out.Tools = e.Facts.Provinces, e.Facts.Tools
	return out
}

// bindJSON decodes a JSON request body into v: 415 for another content
// type (which also keeps HTML forms of other sites out, since a form cannot
// send JSON), 413 past the body limit, 400 invalid_param "body" for
// malformed JSON or unknown fields.
func bindJSON(c echo.Context, v any) error {
	mt, _, err := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if err != nil || mt != echo.MIMEApplicationJSON {
		return echo.ErrUnsupportedMediaType
	}
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var me *http.MaxBytesError
		if errors.As(err, &me) {
			return me
		}
		return &collections.ValidationError{Field: "body", Reason: err.Error()}
	}
	if dec.More() {
		return &collections.ValidationError{Field: "body", Reason: "more than one JSON value"}
	}
	return nil
}
