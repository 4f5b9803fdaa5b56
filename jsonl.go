package botrian

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxJSONLLine is the longest documents.jsonl line ReadDocuments accepts.
const MaxJSONLLine = 64 << 20

// WriteDocument appends d to w as one JSONL line.
func WriteDocument(w io.Writer, d Document) error {
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode document %s: %w", d.ID, err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write document %s: %w", d.ID, err)
	}
	return nil
}

// LineError reports a documents.jsonl line that could not be decoded.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("documents line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadDocuments calls fn for each document in r, in order. A line that does
// not decode is reported to bad (as a *LineError) and skipped, so one damaged
// line (for example the torn last line of a killed writer) loses nothing else;
// if bad is nil, it ends the read with that error. An error from fn ends the
// read and is returned as is.
func ReadDocuments(r io.Reader, fn func(Document) error, bad func(error)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), MaxJSONLLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var d Document
		if err := json.Unmarshal(line, &d); err != nil {
			le := &LineError{Line: n, Err: err}
			if bad == nil {
				return le
			}
			bad(le)
			continue
		}
		if d.ID == "" {
			le := &LineError{Line: n, Err: errors.New("document has no id")}
			if bad == nil {
				return le
			}
			bad(le)
			continue
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read documents after line %d: %w", n, err)
	}
	return nil
}
