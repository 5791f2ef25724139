// json_test.go checks the JSON string quoting and the decoder's error
// messages and positions against CPython 3.11's.
package jsonmod

import "testing"

func TestQuote(t *testing.T) {
	cases := []struct {
		in    string
		ascii bool
		want  string
	}{
		{"abc", true, `"abc"`},
		{"a\"b\\c\n\t\x01", true, `"a\"b\\c\n\t\u0001"`},
		{"héllo", true, `"h\u00e9llo"`},
		{"héllo", false, `"héllo"`},
		{"😀", true, `"\ud83d\ude00"`},
		{"\x7f", true, `"\u007f"`}, // as CPython: ensure_ascii escapes DEL too
		{"\x7f", false, "\"\x7f\""},
	}
	for _, c := range cases {
		if got := Quote(c.in, c.ascii); got != c.want {
			t.Errorf("Quote(%q, %v) = %s, want %s", c.in, c.ascii, got, c.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		doc, msg       string
		pos, line, col int
	}{
		{"", "Expecting value", 0, 1, 1},
		{"  ", "Expecting value", 2, 1, 3},
		{"[1, 2", "Expecting ',' delimiter", 5, 1, 6},
		{`{"a" 1}`, "Expecting ':' delimiter", 5, 1, 6},
		{`{"a":1,}`, "Expecting property name enclosed in double quotes", 7, 1, 8},
		{`"abc`, "Unterminated string starting at", 0, 1, 1},
		{"[1] x", "Extra data", 4, 1, 5},
		{"{\n\"é\": tru}", "Expecting value", 7, 2, 6},
		{`"\x"`, "Invalid \\escape", 1, 1, 2},
	}
	for _, c := range cases {
		d := &decoder{s: c.doc, strict: true}
		_, err := d.decode()
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Errorf("%q: error %v, want a SyntaxError", c.doc, err)
			continue
		}
		pos, line, col := position(c.doc, se.Pos)
		if se.Msg != c.msg || pos != c.pos || line != c.line || col != c.col {
			t.Errorf("%q: %s at char %d line %d col %d; want %s at %d line %d col %d",
				c.doc, se.Msg, pos, line, col, c.msg, c.pos, c.line, c.col)
		}
	}
}
