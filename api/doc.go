// Package api serves Botrian over HTTP: the JSON API under /api/v1, its
// OpenAPI 3 document, health and metrics endpoints, and the web page.
//
// It sits at the end of the pipeline: it reads URL parameters into a
// search.Request (search.ParseRequest), asks the searcher, and writes the
// answer as JSON, CSV, JSON Lines or HTML. It builds no bleve queries and
// interprets no Thai itself; the search package does.
//
// Every route is registered in one place, Server.routes; every error goes
// through one handler (errors.go) that answers
// {"error":{"code","param","message"}} with 400, 403, 404, 405, 409, 413,
// 415, 500 or 503.
// Requests get an ID (X-Request-ID), an access-log line, a timeout that
// cancels the search through the request context, a body limit, gzip when
// the client accepts it and, when configured, CORS headers.
//
// Curators' collections (api/collections) are served under
// /api/v1/collections and /collections when Config.Collections is set;
// without a store those routes do not exist. They are the only routes that
// change anything, so every POST, PATCH and DELETE passes a same-origin
// check (Sec-Fetch-Site, else Origin against Host) instead of a CSRF token,
// and the JSON routes take only application/json bodies, which an HTML form
// of another site cannot send.
//
// The web page (api/web) is rendered on the server and works without
// JavaScript: templates and static files are embedded and parsed when the
// Server is built, and each page is rendered into a buffer before it is
// sent, so a template error never leaves half a page.
//
// To serve an index that is already open ('botrian serve' and 'botrian
// demo' pass a search.Live instead, so that a rebuilt index replaces it):
//
//	s, err := search.New(idx, search.Config{})
//	...
//	srv, err := api.New(api.Config{Searcher: s, Logger: log})
//	...
//	ln, err := net.Listen("tcp", "127.0.0.1:8080")
//	...
//	err = srv.Serve(ctx, ln) // returns after a graceful shutdown once ctx is cancelled
//
// A Server is also an http.Handler, for httptest and for mounting under
// another server.
package api
