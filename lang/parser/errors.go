// errors.go defines the syntax error type of the parser and ErrIncomplete.

package parser

import (
	"errors"
	"fmt"
)

// ErrIncomplete is matched (with errors.Is) by the *Error that Parse returns
// when the input ended while a block, bracket or triple-quoted string was
// still open, so that a REPL knows to ask for another line.
var ErrIncomplete = errors.New("incomplete input")

// Error is a syntax error at a position of the source.
type Error struct {
	// Kind is "SyntaxError", "IndentationError" or "TabError".
	Kind string
	// Msg is the message, following CPython's wording where practical.
	Msg      string
	Filename string
	// Line and Col are 1-based; Col counts runes.
	Line, Col int
	// Text is the source line of the error, without its line terminator.
	Text string
	// Incomplete is set when the input ended too early (see ErrIncomplete).
	Incomplete bool
}

// Error formats e as "file:line:col: Kind: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Filename, e.Line, e.Col, e.Kind, e.Msg)
}

// Is reports whether target is ErrIncomplete and e is an incomplete-input
// error.
func (e *Error) Is(target error) bool {
	return target == ErrIncomplete && e.Incomplete
}
