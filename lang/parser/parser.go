// parser.go is the public entry point of the package: Parse and ParseExpr,
// the participle parsers they use, and the translation of participle's
// errors into *Error values with CPython-like messages.

package parser

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"yflow/lang/ast"
)

// repanic makes Parse and ParseExpr re-raise a recovered panic (set by the
// fuzz test, so that panics are found rather than hidden).
var repanic bool

func options() []participle.Option {
	return []participle.Option{participle.Lexer(lexDef{}), participle.UseLookahead(0)}
}

var (
	fileParser  = sync.OnceValues(func() (*participle.Parser[gFile], error) { return participle.Build[gFile](options()...) })
	evalParser  = sync.OnceValues(func() (*participle.Parser[gEval], error) { return participle.Build[gEval](options()...) })
	fieldParser = sync.OnceValues(func() (*participle.Parser[gField], error) { return participle.Build[gField](options()...) })
)

// Parse parses a whole file (filename is used in errors). Every error it
// returns is an *Error.
func Parse(filename string, src []byte) (mod *ast.Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			if repanic {
				panic(r)
			}
			mod, err = nil, panicError(r, filename, src)
		}
	}()
	toks, e := tokenize(filename, src)
	if e != nil {
		return nil, e
	}
	p, berr := fileParser()
	if berr != nil {
		return nil, internalError(berr, filename, src)
	}
	g, perr := p.ParseFromLexer(peek(toks))
	if perr != nil {
		return nil, convertError(perr, toks, filename, src)
	}
	l := &lowerer{filename: filename, src: src}
	m := l.file(g)
	if l.err != nil {
		return nil, l.err
	}
	return m, nil
}

// ParseExpr parses a single expression (or an unparenthesised tuple, as
// Python's eval does). Every error it returns is an *Error.
func ParseExpr(filename string, src []byte) (x ast.Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			if repanic {
				panic(r)
			}
			x, err = nil, panicError(r, filename, src)
		}
	}()
	toks, e := tokenize(filename, src)
	if e != nil {
		return nil, e
	}
	// Leading indentation is ignored, as by eval().
	if len(toks) > 0 && toks[0].Type == tIndent {
		out := toks[:0]
		for _, t := range toks[1:] {
			if t.Type != tDedent {
				out = append(out, t)
			}
		}
		toks = out
	}
	p, berr := evalParser()
	if berr != nil {
		return nil, internalError(berr, filename, src)
	}
	g, perr := p.ParseFromLexer(peek(toks))
	if perr != nil {
		return nil, convertError(perr, toks, filename, src)
	}
	l := &lowerer{filename: filename, src: src}
	x = l.testListStar(g.X)
	if st, ok := x.(*ast.Starred); ok {
		l.errorNode(st, "can't use starred expression here")
	}
	if l.err != nil {
		return nil, l.err
	}
	return x, nil
}

// fieldExpr parses the expression of an f-string replacement field found
// at bytes [from, to) of the string token tok.
func (l *lowerer) fieldExpr(tok lexer.Token, from, to int) ast.Expr {
	placeholder := &ast.Constant{Pos: astPos(tok.Pos)}
	start := posAt(tok, from)
	toks, e := tokenizeExpr(l.filename, l.src, start, tok.Pos.Offset+to)
	if e != nil {
		if l.err == nil {
			l.err = e
		}
		return placeholder
	}
	p, berr := fieldParser()
	if berr != nil {
		if l.err == nil {
			l.err = internalError(berr, l.filename, l.src)
		}
		return placeholder
	}
	g, perr := p.ParseFromLexer(peek(toks))
	if perr != nil {
		if l.err == nil {
			e := convertError(perr, toks, l.filename, l.src)
			e.Incomplete = false
			if e.Kind == "SyntaxError" {
				// The field ended, not the file; CPython 3.11 says "f-string: invalid syntax".
				e.Msg = "f-string: invalid syntax"
			}
			l.err = e
		}
		return placeholder
	}
	if g.Yield != nil {
		return l.yield(g.Yield)
	}
	x := l.testListStar(g.X)
	switch x := x.(type) {
	case *ast.Starred:
		l.errorNode(x, "can't use starred expression here")
	case *ast.TupleExpr:
		if len(g.X.Items) > 1 || g.X.Comma {
			// CPython parses the field as "(...)": the tuple starts at "{".
			x.Pos = astPos(posAt(tok, from-1))
		}
	}
	return x
}

func peek(toks []lexer.Token) *lexer.PeekingLexer {
	// Upgrade only fails if the lexer does, and sliceLexer never does.
	p, _ := lexer.Upgrade(&sliceLexer{toks: toks})
	return p
}

func internalError(err error, filename string, src []byte) *Error {
	return &Error{Kind: "SyntaxError", Msg: "internal parser error: " + err.Error(), Filename: filename, Line: 1, Col: 1, Text: lineText(src, 0)}
}

// panicError turns a panic that escaped participle into an *Error, using
// its position when it carries one.
func panicError(r any, filename string, src []byte) *Error {
	e := &Error{Kind: "SyntaxError", Msg: "invalid syntax", Filename: filename, Line: 1, Col: 1, Text: lineText(src, 0)}
	if pe, ok := r.(participle.Error); ok {
		p := pe.Position()
		if p.Line >= 1 {
			e.Line, e.Col, e.Text = p.Line, max(p.Column, 1), lineText(src, p.Offset)
		}
	}
	return e
}

// headerNames maps the first token of a compound statement header to the
// words CPython uses in "expected an indented block after ...".
var headerNames = map[string]string{
	"if": "'if' statement", "elif": "'elif' statement", "else": "'else' statement",
	"while": "'while' statement", "for": "'for' statement", "try": "'try' statement",
	"except": "'except' statement", "finally": "'finally' statement",
	"with": "'with' statement", "def": "function definition", "class": "class definition",
}

// expected returns what participle expected at an unexpected token, in
// participle's EBNF ("" if unknown).
func expected(ute *participle.UnexpectedTokenError) string {
	msg := ute.Message()
	_, after, ok := strings.Cut(msg, " (expected ")
	if !ok {
		return ""
	}
	return strings.TrimSuffix(after, ")")
}

// convertError turns a participle error into an *Error.
func convertError(err error, toks []lexer.Token, filename string, src []byte) *Error {
	var perr participle.Error
	if !errors.As(err, &perr) {
		return internalError(err, filename, src)
	}
	pos := perr.Position()
	idx := -1
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		for i := range toks {
			if toks[i].Pos.Offset == ute.Unexpected.Pos.Offset && toks[i].Type == ute.Unexpected.Type {
				idx = i
				break
			}
		}
	}
	if idx < 0 {
		for i := range toks {
			if toks[i].Pos.Offset >= pos.Offset {
				idx = i
				break
			}
		}
	}
	if idx < 0 {
		idx = len(toks) - 1
	}
	tok := toks[idx]
	mk := func(kind, msg string) *Error {
		p := tok.Pos
		return &Error{Kind: kind, Msg: msg, Filename: filename, Line: p.Line, Col: max(p.Column, 1), Text: lineText(src, p.Offset)}
	}
	atEnd := true
	for _, t := range toks[idx:] {
		if t.Type != tDedent && t.Type != tEOF {
			atEnd = false
			break
		}
	}
	var e *Error
	switch {
	case tok.Type == tIndent:
		e = mk("IndentationError", "unexpected indent")
	case idx >= 2 && toks[idx-1].Type == tNewline && toks[idx-2].Type == tOp && toks[idx-2].Value == ":":
		// The header of a compound statement without its block.
		h := idx - 2
		for h > 0 && toks[h-1].Type != tNewline && toks[h-1].Type != tIndent && toks[h-1].Type != tDedent {
			h--
		}
		first := toks[h]
		if first.Value == "async" && h+1 < len(toks) {
			first = toks[h+1]
		}
		what, ok := headerNames[first.Value]
		if !ok || first.Type != tKeyword {
			e = mk("SyntaxError", "invalid syntax")
			break
		}
		if atEnd {
			// CPython reports it at the end of the header line.
			tok = toks[idx-1]
		}
		e = mk("IndentationError", fmt.Sprintf("expected an indented block after %s on line %d", what, toks[h].Pos.Line))
	case tok.Type == tEOF || atEnd:
		e = mk("SyntaxError", "unexpected EOF while parsing")
	case ute != nil && strings.HasPrefix(expected(ute), `":" GSuite`):
		e = mk("SyntaxError", "expected ':'")
	case ute != nil && strings.HasPrefix(expected(ute), `"else" GTest`):
		e = mk("SyntaxError", "expected 'else' after 'if' expression")
	default:
		e = mk("SyntaxError", "invalid syntax")
	}
	e.Incomplete = atEnd
	return e
}
