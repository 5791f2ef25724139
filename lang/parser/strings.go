// strings.go lowers string literals: prefixes, escape sequences, bytes,
// implicit concatenation and f-strings (whose replacement fields are parsed
// with the expression grammar at their real source positions).

package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"yflow/lang/ast"
)

// strLit is one string literal token taken apart.
type strLit struct {
	tok       lexer.Token
	raw       bool
	bytes     bool
	fstr      bool
	body      string // between the quotes
	bodyStart int    // byte offset of body in tok.Value
}

func splitLit(tok lexer.Token) strLit {
	v := tok.Value
	s := strLit{tok: tok}
	i := 0
	for v[i] != '"' && v[i] != '\'' {
		switch v[i] | 0x20 {
		case 'r':
			s.raw = true
		case 'b':
			s.bytes = true
		case 'f':
			s.fstr = true
		}
		i++
	}
	q := 1
	if len(v)-i >= 6 && v[i+1] == v[i] && v[i+2] == v[i] {
		q = 3
	}
	s.bodyStart = i + q
	s.body = v[i+q : len(v)-q]
	return s
}

// posAt returns the source position of byte offset off of tok.Value.
func posAt(tok lexer.Token, off int) lexer.Position {
	p := tok.Pos
	v := tok.Value
	for i := 0; i < off && i < len(v); {
		c := v[i]
		switch {
		case c == '\n' || (c == '\r' && (i+1 >= len(v) || v[i+1] != '\n')):
			p.Line++
			p.Column = 1
			i++
		case c == '\r':
			i++
		default:
			_, n := utf8.DecodeRuneInString(v[i:])
			i += n
			p.Column++
		}
	}
	p.Offset = tok.Pos.Offset + off
	return p
}

// strings lowers one or more adjacent string literals.
func (l *lowerer) strings(toks []lexer.Token) ast.Expr {
	pos := astPos(toks[0].Pos)
	lits := make([]strLit, len(toks))
	anyF, anyBytes, allBytes := false, false, true
	for i, t := range toks {
		lits[i] = splitLit(t)
		anyF = anyF || lits[i].fstr
		anyBytes = anyBytes || lits[i].bytes
		allBytes = allBytes && lits[i].bytes
	}
	if anyBytes && !allBytes {
		l.errorAt(toks[0].Pos, "cannot mix bytes and nonbytes literals")
		return &ast.Constant{Pos: pos, Value: ""}
	}
	if allBytes {
		var b []byte
		for _, s := range lits {
			for i := 0; i < len(s.body); i++ {
				if s.body[i] >= utf8.RuneSelf {
					l.errorAt(s.tok.Pos, "bytes can only contain ASCII literal characters")
					return &ast.Constant{Pos: pos, Value: ast.Bytes(nil)}
				}
			}
			if s.raw {
				b = append(b, s.body...)
				continue
			}
			d, msg := decodeEscapes(s.body, true)
			if msg != "" {
				l.errorAt(s.tok.Pos, msg)
			}
			b = append(b, d...)
		}
		if b == nil {
			b = []byte{}
		}
		return &ast.Constant{Pos: pos, Value: ast.Bytes(b)}
	}
	if !anyF {
		var sb strings.Builder
		for _, s := range lits {
			sb.WriteString(l.decodeStr(s, s.body))
		}
		return &ast.Constant{Pos: pos, Value: sb.String()}
	}
	var values []ast.Expr
	for _, s := range lits {
		if !s.fstr {
			values = append(values, &ast.Constant{Pos: pos, Value: l.decodeStr(s, s.body)})
			continue
		}
		f := &fstr{l: l, lit: s, pos: pos}
		vals, _ := f.parse(0, false)
		values = append(values, vals...)
	}
	return &ast.JoinedStr{Pos: pos, Values: mergeConstants(values)}
}

func (l *lowerer) decodeStr(s strLit, chunk string) string {
	if s.raw {
		return chunk
	}
	d, msg := decodeEscapes(chunk, false)
	if msg != "" {
		l.errorAt(s.tok.Pos, msg)
	}
	return d
}

// mergeConstants joins adjacent string constants and drops empty ones.
func mergeConstants(values []ast.Expr) []ast.Expr {
	out := values[:0]
	for _, v := range values {
		c, ok := v.(*ast.Constant)
		if ok {
			str, _ := c.Value.(string)
			if str == "" {
				continue
			}
			if n := len(out); n > 0 {
				if prev, ok := out[n-1].(*ast.Constant); ok {
					out[n-1] = &ast.Constant{Pos: prev.Pos, Value: prev.Value.(string) + str}
					continue
				}
			}
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func isHex(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func hexVal(s string) rune {
	var v rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			v = v*16 + rune(c-'0')
		default:
			v = v*16 + rune(c|0x20-'a'+10)
		}
	}
	return v
}

// decodeEscapes processes the backslash escapes of a non-raw literal. It
// returns the decoded text and an error message ("" if none).
func decodeEscapes(s string, isBytes bool) (string, string) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, ""
	}
	var b strings.Builder
	b.Grow(len(s))
	put := func(r rune) {
		if isBytes {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		e := s[i+1]
		switch e {
		case '\n':
			i += 2
		case '\r':
			i += 2
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b.WriteByte(e)
			i += 2
		case 'a':
			b.WriteByte(7)
			i += 2
		case 'b':
			b.WriteByte(8)
			i += 2
		case 'f':
			b.WriteByte(12)
			i += 2
		case 'n':
			b.WriteByte('\n')
			i += 2
		case 'r':
			b.WriteByte('\r')
			i += 2
		case 't':
			b.WriteByte('\t')
			i += 2
		case 'v':
			b.WriteByte(11)
			i += 2
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i + 1
			var v rune
			for j < len(s) && j < i+4 && s[j] >= '0' && s[j] <= '7' {
				v = v*8 + rune(s[j]-'0')
				j++
			}
			put(v)
			i = j
		case 'x':
			if i+3 >= len(s) || !isHex(s[i+2]) || !isHex(s[i+3]) {
				if isBytes {
					return "", fmt.Sprintf("(value error) invalid \\x escape at position %d", i)
				}
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\xXX escape", i, min(i+3, len(s)-1))
			}
			put(hexVal(s[i+2 : i+4]))
			i += 4
		case 'u', 'U':
			if isBytes {
				b.WriteByte('\\')
				i++
				continue
			}
			n := 4
			if e == 'U' {
				n = 8
			}
			ok := i+2+n <= len(s)
			for k := i + 2; ok && k < i+2+n; k++ {
				ok = isHex(s[k])
			}
			if !ok {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\%c%s escape", i, min(i+1+n, len(s)-1), e, strings.Repeat("X", n))
			}
			v := hexVal(s[i+2 : i+2+n])
			if v > utf8.MaxRune || v < 0 {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character", i, i+1+n)
			}
			b.WriteRune(v)
			i += 2 + n
		case 'N':
			if isBytes {
				b.WriteByte('\\')
				i++
				continue
			}
			end := -1
			if i+2 < len(s) && s[i+2] == '{' {
				end = strings.IndexByte(s[i+3:], '}')
			}
			if end < 0 {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape", i, min(i+1, len(s)-1))
			}
			r, ok := lookupUnicodeName(s[i+3 : i+3+end])
			if !ok {
				return "", fmt.Sprintf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: unknown Unicode character name", i, i+3+end)
			}
			b.WriteRune(r)
			i += 3 + end + 1
		default:
			// An invalid escape keeps its backslash, as in CPython.
			b.WriteByte('\\')
			i++
		}
	}
	return b.String(), ""
}

// fstr parses the body of one f-string literal.
type fstr struct {
	l   *lowerer
	lit strLit
	pos ast.Pos // position of the whole JoinedStr, given to its parts
}

func (f *fstr) fail(msg string) {
	f.l.errorAt(f.lit.tok.Pos, msg)
}

// parse parses body[i:] into constants and formatted values. In a format
// spec (spec is set) it stops at the "}" that closes the field and returns
// its index.
func (f *fstr) parse(i int, spec bool) ([]ast.Expr, int) {
	body := f.lit.body
	var values []ast.Expr
	var chunk strings.Builder // raw text not yet decoded
	flush := func() {
		if chunk.Len() > 0 {
			values = append(values, &ast.Constant{Pos: f.pos, Value: f.l.decodeStr(f.lit, chunk.String())})
			chunk.Reset()
		}
	}
	for i < len(body) {
		if f.l.err != nil {
			return values, len(body)
		}
		c := body[i]
		switch {
		case c == '\\' && !f.lit.raw && i+1 < len(body):
			if body[i+1] == 'N' && i+2 < len(body) && body[i+2] == '{' {
				end := strings.IndexByte(body[i:], '}')
				if end < 0 {
					end = len(body) - i - 1
				}
				chunk.WriteString(body[i : i+end+1])
				i += end + 1
				continue
			}
			if body[i+1] == '{' || body[i+1] == '}' {
				chunk.WriteByte('\\')
				i++
				continue
			}
			chunk.WriteString(body[i : i+2])
			i += 2
		case c == '{':
			if !spec && i+1 < len(body) && body[i+1] == '{' {
				chunk.WriteByte('{')
				i += 2
				continue
			}
			flush()
			var vals []ast.Expr
			vals, i = f.field(i)
			values = append(values, vals...)
		case c == '}':
			if spec {
				flush()
				return values, i
			}
			if i+1 < len(body) && body[i+1] == '}' {
				chunk.WriteByte('}')
				i += 2
				continue
			}
			f.fail("f-string: single '}' is not allowed")
			return values, len(body)
		default:
			chunk.WriteByte(c)
			i++
		}
	}
	if spec {
		f.fail("f-string: expecting '}'")
	}
	flush()
	return values, i
}

// field parses the replacement field starting at body[i] == '{' and returns
// its values (a debug text constant and the FormattedValue) and the index
// after its "}".
func (f *fstr) field(i int) ([]ast.Expr, int) {
	body := f.lit.body
	if f.l.depth >= 2 {
		f.fail("f-string: expressions nested too deeply")
		return nil, len(body)
	}
	start := i + 1
	j := start
	nest := 0
	var quote byte
	triple := false
scan:
	for j < len(body) {
		ch := body[j]
		if quote != 0 {
			if ch == quote {
				if !triple {
					quote = 0
				} else if j+2 < len(body) && body[j+1] == quote && body[j+2] == quote {
					quote = 0
					j += 2
				}
			}
			j++
			continue
		}
		switch ch {
		case '\\':
			f.fail("f-string expression part cannot include a backslash")
			return nil, len(body)
		case '\'', '"':
			quote = ch
			triple = j+2 < len(body) && body[j+1] == ch && body[j+2] == ch
			if triple {
				j += 2
			}
		case '(', '[', '{':
			nest++
		case ')', ']', '}':
			if nest == 0 {
				if ch == '}' {
					break scan
				}
				f.fail(fmt.Sprintf("f-string: unmatched '%c'", ch))
				return nil, len(body)
			}
			nest--
		case '#':
			if nest == 0 {
				f.fail("f-string expression part cannot include '#'")
				return nil, len(body)
			}
		case '!':
			if nest == 0 && (j+1 >= len(body) || body[j+1] != '=') {
				break scan
			}
			if j+1 < len(body) && body[j+1] == '=' {
				j++
			}
		case ':':
			if nest == 0 {
				break scan
			}
		case '=':
			if nest == 0 && (j+1 >= len(body) || body[j+1] != '=') && j > start && !strings.ContainsRune("=!<>", rune(body[j-1])) {
				break scan
			}
			if j+1 < len(body) && body[j+1] == '=' {
				j++
			}
		}
		j++
	}
	if quote != 0 {
		f.fail("f-string: unterminated string")
		return nil, len(body)
	}
	if j >= len(body) {
		f.fail("f-string: expecting '}'")
		return nil, len(body)
	}
	exprText := body[start:j]
	if strings.TrimSpace(exprText) == "" {
		if body[j] == '=' {
			f.fail("f-string: valid expression required before '='")
		} else {
			f.fail("f-string: empty expression not allowed")
		}
		return nil, len(body)
	}
	expr := f.l.fieldExpr(f.lit.tok, f.lit.bodyStart+start, f.lit.bodyStart+j)
	var out []ast.Expr
	debug := false
	if body[j] == '=' {
		debug = true
		j++
		for j < len(body) && (body[j] == ' ' || body[j] == '\t' || body[j] == '\n' || body[j] == '\r' || body[j] == '\f' || body[j] == '\v') {
			j++
		}
		out = append(out, &ast.Constant{Pos: f.pos, Value: body[start:j]})
	}
	fv := &ast.FormattedValue{Pos: f.pos, Value: expr}
	if j < len(body) && body[j] == '!' {
		j++
		if j >= len(body) || !strings.ContainsRune("sra", rune(body[j])) {
			if j < len(body) && body[j] != '}' && body[j] != ':' {
				f.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
			} else {
				f.fail("f-string: missing conversion character")
			}
			return nil, len(body)
		}
		fv.Conversion = rune(body[j])
		j++
	}
	if j < len(body) && body[j] == ':' {
		f.l.depth++
		vals, k := f.parse(j+1, true)
		f.l.depth--
		fv.FormatSpec = &ast.JoinedStr{Pos: f.pos, Values: mergeConstants(vals)}
		j = k
	}
	if j >= len(body) || body[j] != '}' {
		f.fail("f-string: expecting '}'")
		return nil, len(body)
	}
	j++
	if debug && fv.Conversion == 0 && fv.FormatSpec == nil {
		fv.Conversion = 'r'
	}
	return append(out, fv), j
}
