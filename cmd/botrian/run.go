package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/botrian/botrian/crawler"
)

// run dispatches args to a subcommand. It is main without the exit.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "botrian: unknown command %q\n\n", args[0])
	usage(stderr)
	return errUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Botrian (บทเรียน) searches Thai field reports on participatory health public policy.")
	fmt.Fprintln(w, "\nUsage: botrian COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'botrian COMMAND -h' for a command's flags.")
}

// flags returns a flag set for a subcommand whose -h prints synopsis, then
// about (a paragraph or more), then the flags.
func flags(e env, name, synopsis, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: botrian %s %s\n\n%s\n", name, synopsis, about)
		var n int
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(e.stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// defaultDataDir is where every command keeps its data unless told otherwise.
const defaultDataDir = "./botrian-data"

// parseFlags parses args into fs. It returns flag.ErrHelp for -h (the usage
// has been printed, and main exits 0) and errUsage for any other bad flag.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return err
	}
	return errUsage
}

// parseNoArgs is parseFlags for a command that takes flags only: an
// argument is a usage error, reported as "NAME: unexpected argument".
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}

// docsFile is the documents file in data directory data, written by crawl,
// extract and import and read by index and inspect.
func docsFile(data string) string { return filepath.Join(data, crawler.DocumentsFile) }

// indexDir is the search index in data directory data, built by index and
// read by search and serve.
func indexDir(data string) string { return filepath.Join(data, "index.bleve") }
