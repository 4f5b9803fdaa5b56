package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "botrian:", err)
		os.Exit(1)
	}
}

// errUsage marks a usage error that has already been printed.
var errUsage = errors.New("usage")

// env is what every subcommand gets.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand: its name, one line of help, and its entry point.
type command struct {
	name, summary string
	run           func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"crawl", "crawl sites politely into raw pages and documents", runCrawl},
		{"demo", "index the bundled demo corpus and serve it", runDemo},
		{"extract", "re-run extraction over the crawled pages", runExtract},
		{"import", "read local .html/.htm/.txt files into the documents", runImport},
		{"index", "build the search index from the documents", runIndex},
		{"inspect", "show a document's facets and the text spans behind them", runInspect},
		{"search", "search the index and print ranked hits (or the API's JSON)", runSearch},
		{"serve", "serve the web page and the JSON API over the index", runServe},
		{"segment", "cut Thai lines on stdin into words, joined by |", runSegment},
	}
}
