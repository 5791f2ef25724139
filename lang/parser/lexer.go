// lexer.go is the hand-written tokenizer of yflow source: it turns bytes into
// participle tokens and adds the indentation layer (NEWLINE, INDENT, DEDENT),
// implicit line joining inside brackets and backslash continuation.

package parser

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types. EOF is participle's lexer.EOF (-1); the others are distinct
// negative numbers so they never clash with it.
const (
	tEOF                       = lexer.EOF
	tName      lexer.TokenType = -2
	tKeyword   lexer.TokenType = -3
	tNumber    lexer.TokenType = -4
	tString    lexer.TokenType = -5
	tOp        lexer.TokenType = -6
	tNewline   lexer.TokenType = -7
	tIndent    lexer.TokenType = -8
	tDedent    lexer.TokenType = -9
	tWithParen lexer.TokenType = -10 // the "(" of `with (a as b, ...):`
)

// Values of the synthetic tokens (never equal to any real token's text).
const (
	newlineValue = "<NEWLINE>"
	indentValue  = "<INDENT>"
	dedentValue  = "<DEDENT>"
)

var symbols = map[string]lexer.TokenType{
	"EOF":       tEOF,
	"Name":      tName,
	"Keyword":   tKeyword,
	"Number":    tNumber,
	"String":    tString,
	"Op":        tOp,
	"Newline":   tNewline,
	"Indent":    tIndent,
	"Dedent":    tDedent,
	"WithParen": tWithParen,
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true,
	"global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true,
	"raise": true, "return": true, "try": true, "while": true, "with": true,
	"yield": true,
}

// Operators by length, longest first when scanning.
var ops3 = map[string]bool{"**=": true, "//=": true, ">>=": true, "<<=": true, "...": true}
var ops2 = map[string]bool{
	"**": true, "//": true, ">>": true, "<<": true, "<=": true, ">=": true,
	"==": true, "!=": true, "->": true, ":=": true, "+=": true, "-=": true,
	"*=": true, "/=": true, "%=": true, "&=": true, "|=": true, "^=": true,
	"@=": true,
}

const ops1 = "+-*/%@&|^~<>()[]{},:.;="

// lexDef is the participle lexer.Definition of yflow.
type lexDef struct{}

func (lexDef) Symbols() map[string]lexer.TokenType { return symbols }

func (lexDef) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return lexDef{}.LexBytes(filename, src)
}

func (lexDef) LexBytes(filename string, src []byte) (lexer.Lexer, error) {
	toks, err := tokenize(filename, src)
	if err != nil {
		return nil, err
	}
	return &sliceLexer{toks: toks}, nil
}

// sliceLexer hands out a pre-computed token slice.
type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (s *sliceLexer) Next() (lexer.Token, error) {
	if s.i >= len(s.toks) {
		return s.toks[len(s.toks)-1], nil
	}
	t := s.toks[s.i]
	s.i++
	return t, nil
}

// bracket is an open bracket on the scanner's stack.
type bracket struct {
	ch  byte
	pos lexer.Position
}

// scanner is the state of one tokenization.
type scanner struct {
	filename string
	src      []byte // the whole source (error lines are taken from it)
	end      int    // scanning stops here
	off      int    // byte offset of the next character
	line     int    // 1-based line of off
	col      int    // 1-based rune column of off
	toks     []lexer.Token
	indents  []int // indentation columns (tab stops of 8); indents[0] == 0
	altInds  []int // the same with tabs counting 1, for TabError
	brackets []bracket
	atBOL    bool // at the beginning of a logical line
	lineToks bool // the current logical line has tokens
	err      *Error
	fstring  bool // scanning an f-string replacement field (no indentation)
}

// tokenize scans src completely. The result ends with NEWLINE (if the last
// logical line had tokens), the DEDENTs that close every open block, and EOF.
func tokenize(filename string, src []byte) ([]lexer.Token, *Error) {
	s := &scanner{filename: filename, src: src, end: len(src), line: 1, col: 1, indents: []int{0}, altInds: []int{0}, atBOL: true}
	s.toks = make([]lexer.Token, 0, len(src)/3+8)
	if err := s.run(); err != nil {
		return nil, err
	}
	markWithParens(s.toks)
	markYielding(s.toks)
	return s.toks, nil
}

// tokenizeExpr scans src[pos.Offset:end], the source of an f-string
// replacement field that starts at pos: everything is inside implicit
// brackets, and the result ends with EOF only.
func tokenizeExpr(filename string, src []byte, pos lexer.Position, end int) ([]lexer.Token, *Error) {
	s := &scanner{filename: filename, src: src, end: end, off: pos.Offset, line: pos.Line, col: pos.Column, indents: []int{0}, altInds: []int{0}, fstring: true}
	for s.off < s.end {
		if !s.scanToken() {
			return nil, s.err
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	if len(s.brackets) > 0 {
		b := s.brackets[len(s.brackets)-1]
		return nil, s.errorAt(b.pos, "SyntaxError", fmt.Sprintf("'%c' was never closed", b.ch))
	}
	s.toks = append(s.toks, lexer.Token{Type: tEOF, Pos: s.pos()})
	markYielding(s.toks)
	return s.toks, nil
}

func (s *scanner) pos() lexer.Position {
	return lexer.Position{Filename: s.filename, Offset: s.off, Line: s.line, Column: s.col}
}

func (s *scanner) errorAt(p lexer.Position, kind, msg string) *Error {
	return &Error{Kind: kind, Msg: msg, Filename: s.filename, Line: p.Line, Col: p.Column, Text: lineText(s.src, p.Offset)}
}

func (s *scanner) fail(p lexer.Position, kind, msg string) bool {
	if s.err == nil {
		s.err = s.errorAt(p, kind, msg)
	}
	return false
}

// advance moves over n bytes that contain no newline.
func (s *scanner) advance(n int) {
	s.col += utf8.RuneCount(s.src[s.off : s.off+n])
	s.off += n
}

// newline moves over a "\n", "\r\n" or "\r" at off.
func (s *scanner) newline() {
	if s.src[s.off] == '\r' && s.off+1 < s.end && s.src[s.off+1] == '\n' {
		s.off++
	}
	s.off++
	s.line++
	s.col = 1
}

func (s *scanner) emit(typ lexer.TokenType, val string, p lexer.Position) {
	s.toks = append(s.toks, lexer.Token{Type: typ, Value: val, Pos: p})
	s.lineToks = true
}

func (s *scanner) run() *Error {
	// A UTF-8 byte order mark is ignored.
	if s.end >= 3 && s.src[0] == 0xEF && s.src[1] == 0xBB && s.src[2] == 0xBF {
		s.off = 3
	}
	for {
		if s.atBOL {
			if !s.indentation() {
				return s.err
			}
			if s.off >= s.end {
				break
			}
			continue
		}
		if s.off >= s.end {
			break
		}
		if !s.scanToken() {
			return s.err
		}
	}
	if s.err != nil {
		return s.err
	}
	end := s.pos()
	if len(s.brackets) > 0 {
		b := s.brackets[len(s.brackets)-1]
		e := s.errorAt(b.pos, "SyntaxError", fmt.Sprintf("'%c' was never closed", b.ch))
		e.Incomplete = true
		return e
	}
	if s.lineToks {
		s.toks = append(s.toks, lexer.Token{Type: tNewline, Value: newlineValue, Pos: end})
	}
	// The end-of-input position: just after the last character.
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.toks = append(s.toks, lexer.Token{Type: tDedent, Value: dedentValue, Pos: end})
	}
	s.toks = append(s.toks, lexer.Token{Type: tEOF, Pos: end})
	return nil
}

// indentation handles the start of a physical line outside brackets: it
// skips blank and comment-only lines and emits INDENT/DEDENT tokens.
func (s *scanner) indentation() bool {
	col, alt := 0, 0
	start := s.off
	for s.off < s.end {
		switch s.src[s.off] {
		case ' ':
			col++
			alt++
		case '\t':
			col = (col/8 + 1) * 8
			alt++
		case '\f':
			col, alt = 0, 0
		default:
			goto done
		}
		s.off++
	}
done:
	s.col += s.off - start
	if s.off >= s.end {
		return true // blank last line
	}
	switch c := s.src[s.off]; c {
	case '#':
		for s.off < s.end && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
			s.off++
		}
		if s.off < s.end {
			s.newline()
		}
		return true
	case '\n', '\r':
		s.newline()
		return true
	case '\\':
		// A backslash continuation on an otherwise empty line: the
		// indentation is that of the line it joins into; CPython treats
		// this oddly, we simply take the indentation seen so far.
	}
	s.atBOL = false
	p := s.pos()
	top := s.indents[len(s.indents)-1]
	altTop := s.altInds[len(s.altInds)-1]
	switch {
	case col == top:
		if alt != altTop {
			return s.fail(p, "TabError", "inconsistent use of tabs and spaces in indentation")
		}
	case col > top:
		if alt <= altTop {
			return s.fail(p, "TabError", "inconsistent use of tabs and spaces in indentation")
		}
		// CPython puts the caret of "unexpected indent" on the last
		// character of the indentation.
		p.Column = max(p.Column-1, 1)
		s.indents = append(s.indents, col)
		s.altInds = append(s.altInds, alt)
		s.toks = append(s.toks, lexer.Token{Type: tIndent, Value: indentValue, Pos: p})
	default:
		for len(s.indents) > 1 && col < s.indents[len(s.indents)-1] {
			s.indents = s.indents[:len(s.indents)-1]
			s.altInds = s.altInds[:len(s.altInds)-1]
			s.toks = append(s.toks, lexer.Token{Type: tDedent, Value: dedentValue, Pos: p})
		}
		if col != s.indents[len(s.indents)-1] {
			// CPython reports this at the end of the line.
			p.Column = utf8.RuneCountInString(lineText(s.src, s.off)) + 1
			return s.fail(p, "IndentationError", "unindent does not match any outer indentation level")
		}
		if alt != s.altInds[len(s.altInds)-1] {
			return s.fail(p, "TabError", "inconsistent use of tabs and spaces in indentation")
		}
	}
	return true
}

func isIdentStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentChar(r rune) bool {
	return isIdentStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || unicode.Is(unicode.Other_ID_Continue, r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanToken scans whitespace, a comment, a newline or one token.
func (s *scanner) scanToken() bool {
	c := s.src[s.off]
	switch {
	case c == ' ' || c == '\t' || c == '\f':
		s.off++
		s.col++
		return true
	case c == '#':
		for s.off < s.end && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
			s.advance(1)
		}
		return true
	case c == '\n' || c == '\r':
		if len(s.brackets) > 0 || s.fstring {
			s.newline()
			return true
		}
		p := s.pos()
		if s.lineToks {
			s.toks = append(s.toks, lexer.Token{Type: tNewline, Value: newlineValue, Pos: p})
			s.lineToks = false
		}
		s.newline()
		s.atBOL = true
		return true
	case c == '\\':
		s.advance(1)
		p := s.pos()
		if s.off >= s.end {
			e := s.errorAt(p, "SyntaxError", "unexpected EOF while parsing")
			e.Incomplete = true
			s.err = e
			return false
		}
		if s.src[s.off] == '\n' || s.src[s.off] == '\r' {
			s.newline()
			if s.off >= s.end && !s.fstring {
				e := s.errorAt(p, "SyntaxError", "unexpected EOF while parsing")
				e.Incomplete = true
				s.err = e
				return false
			}
			return true
		}
		return s.fail(s.pos(), "SyntaxError", "unexpected character after line continuation character")
	case isDigit(c) || (c == '.' && s.off+1 < s.end && isDigit(s.src[s.off+1])):
		return s.number()
	case c == '"' || c == '\'':
		return s.str(s.off)
	}
	if c < utf8.RuneSelf {
		if c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return s.name()
		}
		return s.operator()
	}
	r, _ := utf8.DecodeRune(s.src[s.off:s.end])
	if isIdentStart(r) {
		return s.name()
	}
	if r == utf8.RuneError {
		return s.fail(s.pos(), "SyntaxError", "invalid character in source (not valid UTF-8)")
	}
	return s.fail(s.pos(), "SyntaxError", fmt.Sprintf("invalid character '%c' (U+%04X)", r, r))
}

// name scans an identifier, keyword or string prefix.
func (s *scanner) name() bool {
	p := s.pos()
	start := s.off
	end := s.off
	for end < s.end {
		c := s.src[end]
		if c < utf8.RuneSelf {
			if c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') || isDigit(c) {
				end++
				continue
			}
			break
		}
		r, n := utf8.DecodeRune(s.src[end:s.end])
		if !isIdentChar(r) {
			break
		}
		end += n
	}
	word := string(s.src[start:end])
	if end < s.end && (s.src[end] == '"' || s.src[end] == '\'') && isStringPrefix(word) {
		return s.str(start)
	}
	s.advance(end - start)
	if keywords[word] {
		s.emit(tKeyword, word, p)
	} else {
		s.emit(tName, word, p)
	}
	return true
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// operator scans an operator or delimiter.
func (s *scanner) operator() bool {
	p := s.pos()
	rest := s.src[s.off:s.end]
	var op string
	switch {
	case len(rest) >= 3 && ops3[string(rest[:3])]:
		op = string(rest[:3])
	case len(rest) >= 2 && ops2[string(rest[:2])]:
		op = string(rest[:2])
	case strings.IndexByte(ops1, rest[0]) >= 0:
		op = string(rest[:1])
	default:
		if rest[0] == '!' {
			return s.fail(p, "SyntaxError", "invalid syntax")
		}
		if rest[0] < ' ' || rest[0] == 0x7f {
			return s.fail(p, "SyntaxError", fmt.Sprintf("invalid non-printable character U+%04X", rest[0]))
		}
		return s.fail(p, "SyntaxError", "invalid syntax")
	}
	switch op[0] {
	case '(', '[', '{':
		s.brackets = append(s.brackets, bracket{op[0], p})
	case ')', ']', '}':
		open := map[byte]byte{')': '(', ']': '[', '}': '{'}[op[0]]
		if len(s.brackets) == 0 {
			return s.fail(p, "SyntaxError", fmt.Sprintf("unmatched '%c'", op[0]))
		}
		b := s.brackets[len(s.brackets)-1]
		if b.ch != open {
			msg := fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", op[0], b.ch)
			if b.pos.Line != p.Line {
				msg += fmt.Sprintf(" on line %d", b.pos.Line)
			}
			return s.fail(p, "SyntaxError", msg)
		}
		s.brackets = s.brackets[:len(s.brackets)-1]
	}
	s.advance(len(op))
	s.emit(tOp, op, p)
	return true
}

// number scans an int, float or imaginary literal.
func (s *scanner) number() bool {
	p := s.pos()
	src := s.src[:s.end]
	i := s.off
	bad := func(what string) bool {
		return s.fail(p, "SyntaxError", "invalid "+what+" literal")
	}
	digits := func(ok func(byte) bool) (int, bool) {
		// digits with single underscores between them; returns count
		n := 0
		for i < len(src) {
			if ok(src[i]) {
				i++
				n++
				continue
			}
			if src[i] == '_' && n > 0 && i+1 < len(src) && ok(src[i+1]) {
				i++
				continue
			}
			if src[i] == '_' {
				return n, false
			}
			break
		}
		return n, true
	}
	dec := func(c byte) bool { return isDigit(c) }
	isFloat := false
	if src[i] == '0' && i+1 < len(src) && strings.IndexByte("xXoObB", src[i+1]) >= 0 {
		kind := src[i+1] | 0x20
		i += 2
		var ok func(byte) bool
		var what string
		switch kind {
		case 'x':
			ok = func(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
			what = "hexadecimal"
		case 'o':
			ok = func(c byte) bool { return c >= '0' && c <= '7' }
			what = "octal"
		default:
			ok = func(c byte) bool { return c == '0' || c == '1' }
			what = "binary"
		}
		if i < len(src) && src[i] == '_' {
			i++
		}
		n, good := digits(ok)
		if !good || n == 0 {
			return bad(what)
		}
		if i < len(src) && (isDigit(src[i]) || isIdentByte(src, i)) {
			if isDigit(src[i]) {
				return s.fail(p, "SyntaxError", fmt.Sprintf("invalid digit '%c' in %s literal", src[i], what))
			}
			if !s.keywordFollows(i) {
				return bad(what)
			}
		}
	} else {
		n, good := digits(dec)
		if !good {
			return bad("decimal")
		}
		intEnd := i
		if i < len(src) && src[i] == '.' {
			isFloat = true
			i++
			if i < len(src) && isDigit(src[i]) {
				if _, good := digits(dec); !good {
					return bad("decimal")
				}
			} else if i < len(src) && src[i] == '_' {
				return bad("decimal")
			}
		}
		if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
			j := i + 1
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
			if j < len(src) && isDigit(src[j]) {
				isFloat = true
				i = j
				if _, good := digits(dec); !good {
					return bad("decimal")
				}
			} else if !s.keywordFollows(i) {
				return bad("decimal")
			}
		}
		if i < len(src) && (src[i] == 'j' || src[i] == 'J') {
			i++
			isFloat = true
		}
		if !isFloat && n > 1 && src[s.off] == '0' {
			for _, c := range src[s.off:intEnd] {
				if c != '0' && c != '_' {
					return s.fail(p, "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
				}
			}
		}
		if i < len(src) && isIdentByte(src, i) && !s.keywordFollows(i) {
			if src[i] == 'j' || src[i] == 'J' {
				return bad("imaginary")
			}
			return bad("decimal")
		}
	}
	lit := string(src[s.off:i])
	s.advance(i - s.off)
	s.emit(tNumber, lit, p)
	return true
}

func isIdentByte(src []byte, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') || isDigit(c)
	}
	r, _ := utf8.DecodeRune(src[i:])
	return isIdentChar(r)
}

// keywordFollows reports whether a keyword starts at i (CPython accepts
// `1if x else y` and the like).
func (s *scanner) keywordFollows(i int) bool {
	j := i
	for j < s.end && s.src[j] < utf8.RuneSelf && isIdentByte(s.src, j) {
		j++
	}
	return keywords[string(s.src[i:j])]
}

// str scans a string literal whose prefix starts at start (the quote is at
// s.off or after the prefix).
func (s *scanner) str(start int) bool {
	p := s.pos()
	q := start
	for s.src[q] != '"' && s.src[q] != '\'' {
		q++
	}
	quote := s.src[q]
	triple := q+2 < s.end && s.src[q+1] == quote && s.src[q+2] == quote
	i := q + 1
	if triple {
		i = q + 3
	}
	line := s.line
	for {
		if i >= s.end {
			if triple {
				if i > 0 && (s.src[i-1] == '\n' || s.src[i-1] == '\r') {
					line-- // CPython counts the lines of the file
				}
				e := s.errorAt(p, "SyntaxError", fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", line))
				e.Incomplete = true
				s.err = e
				return false
			}
			return s.fail(p, "SyntaxError", fmt.Sprintf("unterminated string literal (detected at line %d)", line))
		}
		c := s.src[i]
		if c == '\\' {
			i++
			if i < s.end {
				if s.src[i] == '\r' && i+1 < s.end && s.src[i+1] == '\n' {
					i++
				}
				if s.src[i] == '\n' || s.src[i] == '\r' {
					line++
				}
				i++
			}
			continue
		}
		if c == '\n' || c == '\r' {
			if !triple {
				return s.fail(p, "SyntaxError", fmt.Sprintf("unterminated string literal (detected at line %d)", line))
			}
			if c == '\r' && i+1 < s.end && s.src[i+1] == '\n' {
				i++
			}
			line++
			i++
			continue
		}
		if c == quote {
			if !triple {
				i++
				break
			}
			if i+2 < s.end && s.src[i+1] == quote && s.src[i+2] == quote {
				i += 3
				break
			}
		}
		i++
	}
	lit := string(s.src[start:i])
	// Move the position over the literal, which may span lines.
	for s.off < i {
		c := s.src[s.off]
		if c == '\n' || c == '\r' {
			s.newline()
			continue
		}
		_, n := utf8.DecodeRune(s.src[s.off:s.end])
		s.off += n
		s.col++
	}
	s.emit(tString, lit, p)
	return true
}

// markWithParens retypes the "(" right after `with` (or `with yielding`)
// when its matching ")" is directly followed by ":", so the grammar can
// pick the parenthesised form `with (a as b, c as d):` without backtracking.
func markWithParens(toks []lexer.Token) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Type != tKeyword || toks[i].Value != "with" {
			continue
		}
		j := i + 1
		afterYielding := false
		if toks[j].Type == tName && toks[j].Value == "yielding" && j+1 < len(toks) && toks[j+1].Value == "(" && toks[j+1].Type == tOp {
			j++
			afterYielding = true
		}
		if toks[j].Type != tOp || toks[j].Value != "(" {
			continue
		}
		depth := 0
		for k := j; k < len(toks); k++ {
			if toks[k].Type != tOp {
				if toks[k].Type == tNewline || toks[k].Type == tEOF {
					break
				}
				continue
			}
			switch toks[k].Value {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
			if depth == 0 {
				if k+1 < len(toks) && toks[k+1].Type == tOp && toks[k+1].Value == ":" && k > j+1 &&
					!(toks[j+1].Type == tKeyword && toks[j+1].Value == "yield") &&
					(!afterYielding || hasAsAtDepth1(toks[j:k])) {
					toks[j].Type = tWithParen
				}
				break
			}
		}
	}
}

// hasAsAtDepth1 reports whether the bracketed tokens (starting with the
// opening one) hold an `as` directly inside the outer brackets: the
// parenthesised form of with items, not a call.
func hasAsAtDepth1(toks []lexer.Token) bool {
	depth := 0
	for _, t := range toks {
		if t.Type == tOp || t.Type == tWithParen {
			switch t.Value {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
		}
		if depth == 1 && t.Type == tKeyword && t.Value == "as" {
			return true
		}
	}
	return false
}

// startsExpr reports whether t can begin an expression.
func startsExpr(t lexer.Token) bool {
	switch t.Type {
	case tName, tNumber, tString, tWithParen:
		return true
	case tKeyword:
		switch t.Value {
		case "None", "True", "False", "lambda", "not", "await":
			return true
		}
	case tOp:
		switch t.Value {
		case "(", "[", "{", "-", "+", "~", "...":
			return true
		}
	}
	return false
}

// startsYieldingOperand reports whether t can begin the operand of the
// `yielding` keyword. Tokens that could instead continue an expression
// made of a variable named yielding (`(`, `[`, `-`, `+`, `~`) do not count,
// so `for x in yielding[0]` and `with yielding() as v` keep their Python
// meaning.
func startsYieldingOperand(t lexer.Token) bool {
	if t.Type == tWithParen {
		return true
	}
	if t.Type == tOp {
		return t.Value == "{" || t.Value == "..."
	}
	return startsExpr(t)
}

// markYielding retypes the name `yielding` as a Keyword where it is yflow's
// soft keyword: right after `with`, or right after the `in` of a for
// statement or comprehension clause, and followed by an expression.
func markYielding(toks []lexer.Token) {
	isYielding := func(i int) bool {
		return i+1 < len(toks) && toks[i].Type == tName && toks[i].Value == "yielding" && startsYieldingOperand(toks[i+1])
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Type != tKeyword {
			continue
		}
		switch t.Value {
		case "with":
			if isYielding(i + 1) {
				toks[i+1].Type = tKeyword
			}
		case "for":
			// The first `in` at the same bracket depth is the for's.
			depth := 0
		scan:
			for k := i + 1; k < len(toks); k++ {
				switch toks[k].Type {
				case tNewline, tEOF, tIndent, tDedent:
					break scan
				case tOp, tWithParen:
					switch toks[k].Value {
					case "(", "[", "{":
						depth++
					case ")", "]", "}":
						depth--
						if depth < 0 {
							break scan
						}
					}
				case tKeyword:
					if toks[k].Value == "in" && depth == 0 {
						if isYielding(k + 1) {
							toks[k+1].Type = tKeyword
						}
						break scan
					}
				}
			}
		}
	}
}

// lineText returns the source line containing byte offset off, without its
// line terminator.
func lineText(src []byte, off int) string {
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	start := off
	for start > 0 && src[start-1] != '\n' && src[start-1] != '\r' {
		start--
	}
	end := off
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	return string(src[start:end])
}
