// lexer_test.go checks the token stream of the lexer: indentation tokens,
// implicit and explicit line joining, tabs, literals and lexical errors.

package parser

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// render shows tokens as "kind:value" words; synthetic tokens by name.
func render(toks []lexer.Token) string {
	var out []string
	for _, t := range toks {
		switch t.Type {
		case tNewline:
			out = append(out, "NL")
		case tIndent:
			out = append(out, "IN")
		case tDedent:
			out = append(out, "DE")
		case tEOF:
			out = append(out, "EOF")
		case tName:
			out = append(out, "n:"+t.Value)
		case tKeyword:
			out = append(out, "k:"+t.Value)
		case tNumber:
			out = append(out, "#:"+t.Value)
		case tString:
			out = append(out, "s:"+t.Value)
		case tWithParen:
			out = append(out, "W(")
		default:
			out = append(out, t.Value)
		}
	}
	return strings.Join(out, " ")
}

func TestLexer(t *testing.T) {
	cases := []struct{ src, want string }{
		{"", "EOF"},
		{"\n\n  \n# c\n", "EOF"},
		{"x", "n:x NL EOF"},
		{"x = 1\n", "n:x = #:1 NL EOF"},
		{"if x:\n    y\nz\n", "k:if n:x : NL IN n:y NL DE n:z NL EOF"},
		{"if x:\n  if y:\n    z\n", "k:if n:x : NL IN k:if n:y : NL IN n:z NL DE DE EOF"},
		{"if x:\n  if y:\n    z\nw\n", "k:if n:x : NL IN k:if n:y : NL IN n:z NL DE DE n:w NL EOF"},
		{"if x:\n  y\n\n  # comment\n\n  z\n", "k:if n:x : NL IN n:y NL n:z NL DE EOF"},
		{"if x:\n    y\n  # odd comment\n    z\n", "k:if n:x : NL IN n:y NL n:z NL DE EOF"},
		{"x = (1,\n  2,\n\n 3)\n", "n:x = ( #:1 , #:2 , #:3 ) NL EOF"},
		{"x = [\n# c\n]\n", "n:x = [ ] NL EOF"},
		{"x = 1 + \\\n  2\n", "n:x = #:1 + #:2 NL EOF"},
		{"if x:\n\ty\n\tz\n", "k:if n:x : NL IN n:y NL n:z NL DE EOF"},
		{"if x:\n\ty\n\t        z\n", "k:if n:x : NL IN n:y NL IN n:z NL DE DE EOF"},
		{"x\r\ny\r\n", "n:x NL n:y NL EOF"},
		{"x\ry\r", "n:x NL n:y NL EOF"},
		{"\ufeffx\n", "n:x NL EOF"},
		{"a.b(c)[d]", "n:a . n:b ( n:c ) [ n:d ] NL EOF"},
		{"a **= b //= c >>= d <<= e := f -> ...", "n:a **= n:b //= n:c >>= n:d <<= n:e := n:f -> ... NL EOF"},
		{"a@b @= c != d == e <= f >= g", "n:a @ n:b @= n:c != n:d == n:e <= n:f >= n:g NL EOF"},
		{"0 00 0x_1F 0o17 0b1_0 1_000 1. .5 1e5 1E+5 1.5e-3 3j 1.5J 1_0.0_1", "#:0 #:00 #:0x_1F #:0o17 #:0b1_0 #:1_000 #:1. #:.5 #:1e5 #:1E+5 #:1.5e-3 #:3j #:1.5J #:1_0.0_1 NL EOF"},
		{"1if x else 2", "#:1 k:if n:x k:else #:2 NL EOF"},
		{`'a' "b" r'\'' b"x" Rb'y' bR"z" f'{x}' rF"{y}" u'u' '''t
q''' """z"""`, `s:'a' s:"b" s:r'\'' s:b"x" s:Rb'y' s:bR"z" s:f'{x}' s:rF"{y}" s:u'u' s:'''t` + "\nq''' " + `s:"""z""" NL EOF`},
		{"'a\\\nb'", "s:'a\\\nb' NL EOF"},
		{"é变量 = 1", "n:é变量 = #:1 NL EOF"},
		{"print yielding", "n:print n:yielding NL EOF"},
		{"for x in yielding it: pass", "k:for n:x k:in k:yielding n:it : k:pass NL EOF"},
		{"for x in yielding: pass", "k:for n:x k:in n:yielding : k:pass NL EOF"},
		{"[a for (b, c) in yielding d]", "[ n:a k:for ( n:b , n:c ) k:in k:yielding n:d ] NL EOF"},
		{"with yielding cm as x: pass", "k:with k:yielding n:cm k:as n:x : k:pass NL EOF"},
		{"with yielding as x: pass", "k:with n:yielding k:as n:x : k:pass NL EOF"},
		{"with (a as b): pass", "k:with W( n:a k:as n:b ) : k:pass NL EOF"},
		{"with (a) + b: pass", "k:with ( n:a ) + n:b : k:pass NL EOF"},
		{"with yielding (a as b): pass", "k:with k:yielding W( n:a k:as n:b ) : k:pass NL EOF"},
	}
	for _, c := range cases {
		toks, err := tokenize("t", []byte(c.src))
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if got := render(toks); got != c.want {
			t.Errorf("%q:\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

func TestLexerPositions(t *testing.T) {
	toks, err := tokenize("t", []byte("if x:\n  é = 'a\nb' if 1 else '''x\ny'''\n"))
	if err == nil {
		t.Fatalf("want an error, got %s", render(toks))
	}
	toks, err = tokenize("t", []byte("if x:\n  é = '''a\nb''' + cé\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range toks {
		got = append(got, fmt.Sprintf("%d:%d", tk.Pos.Line, tk.Pos.Column))
	}
	// INDENT is put on the last blank of the indentation, where CPython
	// reports "unexpected indent".
	want := "1:1 1:4 1:5 1:6 2:2 2:3 2:5 2:7 3:6 3:8 3:10 4:1 4:1"
	if strings.Join(got, " ") != want {
		t.Errorf("positions\n got  %s\n want %s", strings.Join(got, " "), want)
	}
}

func TestLexerErrors(t *testing.T) {
	cases := []struct {
		src, kind, msg string
		line, col      int
		incomplete     bool
	}{
		{"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, false},
		{"if x:\n        y\n\tz\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 2, false},
		{"if x:\n  a\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 2, false},
		{"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5, true},
		{"x = {[}\n", "SyntaxError", "closing parenthesis '}' does not match opening parenthesis '['", 1, 7, false},
		{"x = ]\n", "SyntaxError", "unmatched ']'", 1, 5, false},
		{"x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, false},
		{"x = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, true},
		{"x = 1 \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 8, true},
		{"x = \\ 1\n", "SyntaxError", "unexpected character after line continuation character", 1, 6, false},
		{"x = 012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, false},
		{"x = 0b12\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 5, false},
		{"x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 5, false},
		{"x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5, false},
		{"x = 5x\n", "SyntaxError", "invalid decimal literal", 1, 5, false},
		{"x = a ? b\n", "SyntaxError", "invalid syntax", 1, 7, false},
		{"x = a ! b\n", "SyntaxError", "invalid syntax", 1, 7, false},
		{"x = 1 → 2\n", "SyntaxError", "invalid character '→' (U+2192)", 1, 7, false},
		{"x = \xff\n", "SyntaxError", "invalid character in source (not valid UTF-8)", 1, 5, false},
	}
	for _, c := range cases {
		toks, e := tokenize("t", []byte(c.src))
		if e == nil {
			t.Errorf("%q: no error: %s", c.src, render(toks))
			continue
		}
		if e.Kind != c.kind || e.Msg != c.msg || e.Line != c.line || e.Col != c.col {
			t.Errorf("%q:\n got  %s %q at %d:%d\n want %s %q at %d:%d", c.src, e.Kind, e.Msg, e.Line, e.Col, c.kind, c.msg, c.line, c.col)
		}
		if errors.Is(e, ErrIncomplete) != c.incomplete {
			t.Errorf("%q: incomplete = %v", c.src, e.Incomplete)
		}
	}
}
