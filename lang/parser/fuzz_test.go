// fuzz_test.go is the fuzz target of the parser: Parse and ParseExpr must
// never panic and must return either a tree or an *Error with a position.

package parser

import (
	"errors"
	"os"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"", "\n", "x", "x = 1\n", "if x:\n    pass\nelse:\n    y\n",
	"def f(a, /, b=1, *c, d, **e) -> int:\n    return a\n",
	"class C(A, metaclass=M):\n    x: int = 1\n",
	"f'{x!r:>{w}}' f\"{y=}\"\n", "b'\\x00' rb'\\d'\n",
	"for x in yielding it:\n    pass\n", "with yielding a as b:\n    pass\n",
	"[e for x in yielding it if x]\n", "async def f():\n    async with a: await b\n",
	"x = (1 +\n", "  x\n", "if x:\n\ty\n        z\n", "'''abc", "\"abc\n",
	"lambda *a, **k: (yield)\n", "a[1:2, ::3] = b\n", "del a, (b, c)\n",
	"try:\n    pass\nexcept (A, B) as e:\n    raise X from Y\nfinally:\n    pass\n",
	"from ..a import (b as c, d,)\n", "@d\nclass C: pass\n", "x = \\\n 1\n",
	"with (a as b, c as d,):\n    pass\n", "print(*a, **b, sep='')\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, c := range errorCases {
		f.Add([]byte(c.src))
	}
	if cases, err := os.ReadFile("testdata/ast_cases.txt"); err == nil {
		for _, c := range strings.Split(string(cases), "\n==== ") {
			_, src, _ := strings.Cut(c, "\n")
			f.Add([]byte(src))
		}
	}
	for _, path := range repoPrograms(f) {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(src)
		}
	}
	repanic = true
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := Parse("fuzz.yf", src)
		checkResult(t, m != nil, err)
		x, err := ParseExpr("fuzz.yf", src)
		checkResult(t, x != nil, err)
	})
}

func checkResult(t *testing.T, ok bool, err error) {
	t.Helper()
	if err == nil {
		if !ok {
			t.Fatal("nil result without error")
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not *Error: %v", err, err)
	}
	if e.Line < 1 || e.Col < 1 {
		t.Fatalf("bad position in %v", e)
	}
	switch e.Kind {
	case "SyntaxError", "IndentationError", "TabError":
	default:
		t.Fatalf("bad kind in %v", e)
	}
}
