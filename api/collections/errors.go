package collections

import (
	"errors"
	"fmt"
)

var (
	// ErrNotFound is returned for a collection ID, or a document in a
	// collection, that the store does not hold.
	ErrNotFound = errors.New("not found")
	// ErrExists is returned when creating a collection under an ID that is
	// taken, or adding a document a collection already holds.
	ErrExists = errors.New("already exists")
)

// ValidationError says which field of the input was refused and why.
type ValidationError struct {
	Field  string // "title", "description", "note", "doc_id", "id", "position"
	Reason string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %s", e.Field, e.Reason)
}
