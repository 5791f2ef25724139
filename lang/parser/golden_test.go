// golden_test.go compares the parser's trees with CPython's: the snippets of
// testdata/ast_cases.txt are dumped and checked against
// testdata/ast_golden.txt, which testdata/gen_golden.py produces with
// CPython 3.11's ast module.

package parser

import (
	"os"
	"strings"
	"testing"
)

func TestGoldenCPython(t *testing.T) {
	cases, err := os.ReadFile("testdata/ast_cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/ast_golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	var cur string
	for _, line := range strings.Split(strings.TrimRight(string(golden), "\n"), "\n") {
		if name, ok := strings.CutPrefix(line, "==== "); ok {
			cur = name
			want[cur] = nil
			continue
		}
		want[cur] = append(want[cur], line)
	}
	for _, c := range strings.Split(string(cases), "\n==== ") {
		name, src, _ := strings.Cut(strings.TrimPrefix(c, "==== "), "\n")
		t.Run(name, func(t *testing.T) {
			m, err := Parse(name+".yf", []byte(src))
			if err != nil {
				t.Fatalf("parse error: %v", err)
			}
			w := want[name]
			if len(m.Body) != len(w) {
				t.Errorf("got %d statements, want %d", len(m.Body), len(w))
			}
			for i, s := range m.Body {
				got := dump(s)
				if i < len(w) && got != w[i] {
					t.Errorf("statement %d:\n got  %s\n want %s", i+1, got, w[i])
				}
			}
		})
	}
}
