// errors_test.go checks the kind, message, position and incompleteness of
// syntax errors (positions and messages were compared with CPython 3.11).

package parser

import (
	"errors"
	"testing"
)

var errorCases = []struct {
	src        string
	kind, msg  string
	line, col  int
	incomplete bool
}{
	{"x = (1 +\n", "SyntaxError", "'(' was never closed", 1, 5, true},
	{"x = (1 +)\n", "SyntaxError", "invalid syntax", 1, 9, false},
	{"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8, false},
	{"x = 1 +* 2\n", "SyntaxError", "invalid syntax", 1, 8, false},
	{"def f()\n    return 1\n", "SyntaxError", "expected ':'", 1, 8, false},
	{"if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5, false},
	{"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, false},
	{"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6, true},
	{"x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 2, 4, false},
	{"if True:\n        a = 1\n    b = 2\n", "IndentationError", "unindent does not match any outer indentation level", 3, 10, false},
	{"s = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, false},
	{"s = '''abc\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5, true},
	{"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, false},
	{"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, false},
	{"(a, 1) = x\n", "SyntaxError", "cannot assign to literal", 1, 5, false},
	{"x + 1 += 1\n", "SyntaxError", "'expression' is an illegal expression for augmented assignment", 1, 1, false},
	{"print(sep='', 1)\n", "SyntaxError", "positional argument follows keyword argument", 1, 15, false},
	{"f(**a, *b)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8, false},
	{"f(a for a in b, c)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3, false},
	{"def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12, false},
	{"def f(a, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10, false},
	{"x = )\n", "SyntaxError", "unmatched ')'", 1, 5, false},
	{"x = [1, 2)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10, false},
	{"x = [1,\n 2)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 2, 3, false},
	{"class A\n", "SyntaxError", "expected ':'", 1, 8, false},
	{"for x in 1:\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 1, 12, true},
	{"x = 0777\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, false},
	{"x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 5, false},
	{"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 5, false},
	{"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5, false},
	{"x = $\n", "SyntaxError", "invalid syntax", 1, 5, false},
	{"x = €\n", "SyntaxError", "invalid character '\u20ac' (U+20AC)", 1, 5, false},
	{"a b\n", "SyntaxError", "invalid syntax", 1, 3, false},
	{"f(x=1, x=2)\n", "SyntaxError", "keyword argument repeated: x", 1, 8, false},
	{"del f()\n", "SyntaxError", "cannot delete function call", 1, 5, false},
	{"for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5, false},
	{"with a as 1: pass\n", "SyntaxError", "cannot assign to literal", 1, 11, false},
	{"lambda x=1, y: 0\n", "SyntaxError", "non-default argument follows default argument", 1, 13, false},
	{"x = yield = 1\n", "SyntaxError", "assignment to yield expression not possible", 1, 5, false},
	{"*a = 1\n", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 1, false},
	{"a, *b, *c = d\n", "SyntaxError", "multiple starred expressions in assignment", 1, 1, false},
	{"f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 1, false},
	{"f'{x!z}'\n", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 1, false},
	{"f'}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 1, false},
	{"f'{'\n", "SyntaxError", "f-string: expecting '}'", 1, 1, false},
	{"b'\\xff' 'x'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 1, false},
	{"b'é'\n", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 1, false},
	{"try:\n    pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1, false},
	{"else:\n    pass\n", "SyntaxError", "invalid syntax", 1, 1, false},
	{"x = 1 if y\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 11, false},
	{"print 'hello'\n", "SyntaxError", "invalid syntax", 1, 7, false},
	{"if x:\n  a\n   b\n", "IndentationError", "unexpected indent", 3, 3, false},
	{"x = \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 6, true},
	{"x = 1 \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8, false},
	{"@dec\n", "SyntaxError", "unexpected EOF while parsing", 2, 1, true},
	{"def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7, false},
	{"import\n", "SyntaxError", "invalid syntax", 1, 7, false},
	{"from x import\n", "SyntaxError", "invalid syntax", 1, 14, false},
	{"a[]\n", "SyntaxError", "invalid syntax", 1, 3, false},
	{"{1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 8, false},
	{"x = not\n", "SyntaxError", "invalid syntax", 1, 8, false},
	{"a == not b\n", "SyntaxError", "invalid syntax", 1, 6, false},
	{"return\n  x\n", "IndentationError", "unexpected indent", 2, 2, false},
	{"  x = 1\n", "IndentationError", "unexpected indent", 1, 2, false},
	{"x = (\n  1,\n  2\n", "SyntaxError", "'(' was never closed", 1, 5, true},
	{"'\\x4'\n", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 1, false},
	{"nonlocal = 1\n", "SyntaxError", "invalid syntax", 1, 10, false},
	{"async = 1\n", "SyntaxError", "invalid syntax", 1, 7, false},
	{"def f(): x = yield = 1\n", "SyntaxError", "assignment to yield expression not possible", 1, 14, false},
	{"x := 1\n", "SyntaxError", "invalid syntax", 1, 3, false},
	{"(a.b := 1)\n", "SyntaxError", "cannot use assignment expressions with attribute", 1, 2, false},
	{"f(a.b=1)\n", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, false},
	// Incomplete input, as a REPL sees it.
	{"if x:\n    y = 1\nelse:\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 3, 6, true},
	{"class A:\n  def f(self):\n", "IndentationError", "expected an indented block after function definition on line 2", 2, 15, true},
	{"x = [1,\n", "SyntaxError", "'[' was never closed", 1, 5, true},
	{"f(a,\n  b\n", "SyntaxError", "'(' was never closed", 1, 2, true},
	{"s = \"\"\"abc\n\ndef\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, true},
	{"try:\n    x\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1, true},
	{"@dec\n", "SyntaxError", "unexpected EOF while parsing", 2, 1, true},
	{"if x:\n\ty = 1\n        z = 2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 9, false},
	{"x = 1\n\x00", "SyntaxError", "invalid non-printable character U+0000", 2, 1, false},
	{"for x in yielding:\n  pass\nyielding = 1\nwith yielding as y: pass\nx = 1 +\n", "SyntaxError", "invalid syntax", 5, 8, false},
	{"def f(x, *, y, z, **k, w): pass\n", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 24, false},
	{"def f(/, a): pass\n", "SyntaxError", "at least one argument must precede /", 1, 7, false},
	{"x = f'{a b}'\n", "SyntaxError", "f-string: invalid syntax", 1, 10, false},
	{"x = f'''{\na +\n}'''\n", "SyntaxError", "f-string: invalid syntax", 3, 1, false},
	{"'\\N{NO SUCH NAME}'\n", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name", 1, 1, false},
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Parse("x.yf", []byte(c.src))
		if err == nil {
			t.Errorf("%q: no error", c.src)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: %T is not *Error", c.src, err)
			continue
		}
		if e.Kind != c.kind || e.Msg != c.msg || e.Line != c.line || e.Col != c.col {
			t.Errorf("%q:\n got  %s %q at %d:%d\n want %s %q at %d:%d", c.src, e.Kind, e.Msg, e.Line, e.Col, c.kind, c.msg, c.line, c.col)
		}
		if got := errors.Is(err, ErrIncomplete); got != c.incomplete {
			t.Errorf("%q: incomplete = %v, want %v", c.src, got, c.incomplete)
		}
		if e.Filename != "x.yf" {
			t.Errorf("%q: filename %q", c.src, e.Filename)
		}
	}
}

func TestErrorText(t *testing.T) {
	_, err := Parse("x.yf", []byte("a = 1\nx = (1 +\n\n"))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%v", err)
	}
	if e.Text != "x = (1 +" || e.Error() != "x.yf:2:5: SyntaxError: '(' was never closed" {
		t.Errorf("got %q / %q", e.Text, e.Error())
	}
	if !errors.Is(err, ErrIncomplete) {
		t.Errorf("not incomplete")
	}
	_, err = ParseExpr("e", []byte("1 +"))
	if !errors.As(err, &e) || e.Line != 1 || e.Col != 4 {
		t.Errorf("ParseExpr: %v", err)
	}
}
