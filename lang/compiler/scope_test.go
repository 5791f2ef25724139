// scope_test.go tests the scope pass: snippets and the expected
// classification of names in one of their scopes.

package compiler

import (
	"sort"
	"strings"
	"testing"

	"yflow/lang/parser"
)

func kindName(s *scope, name string) string {
	switch s.bind[name] {
	case bindLocal:
		if s.cells[name] {
			return "cell"
		}
		if s.kind == scopeModule || s.kind == scopeClass {
			return "name"
		}
		return "local"
	case bindGlobalExplicit:
		return "global"
	case bindGlobalImplicit:
		return "implicit"
	case bindFree:
		return "free"
	case bindParent:
		return "parent"
	}
	return "?"
}

// findScope returns the scope named name (the first in creation order).
func findScope(st *symtable, name string) *scope {
	for _, s := range st.all {
		if s.name == name {
			return s
		}
	}
	return nil
}

func TestScopes(t *testing.T) {
	tests := []struct {
		src   string
		scope string
		want  string // "name:kind ..." sorted by name
	}{
		{"x = 1\ndef f(a):\n    b = a + x\n    return b\n", "f", "a:local b:local x:implicit"},
		{"def f():\n    x = 1\n    def g():\n        return x\n    return g\n", "f", "g:local x:cell"},
		{"def f():\n    x = 1\n    def g():\n        return x\n    return g\n", "g", "x:free"},
		{"def f():\n    global x\n    x = 1\n", "f", "x:global"},
		{"def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n", "g", "x:free"},
		{"def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n", "f", "g:local x:cell"},
		// passing through an intermediate function
		{"def f():\n    x = 1\n    def g():\n        def h():\n            return x\n", "g", "h:local x:free"},
		// class bodies: names, class-level names invisible to methods
		{"class C:\n    y = 1\n    def m(self):\n        return y\n", "C", "m:name y:name"},
		{"class C:\n    y = 1\n    def m(self):\n        return y\n", "m", "self:local y:implicit"},
		// a class in a function reads the function's variable as free
		{"def f():\n    x = 1\n    class C:\n        y = x\n", "C", "x:free y:name"},
		// the class both binds x and passes f's x to its method
		{"def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n", "C", "m:name x:name"},
		{"def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n", "m", "self:local x:free"},
		// super() gives the method a __class__ free variable
		{"class C:\n    def m(self):\n        return super().m()\n", "m", "__class__:free self:local super:implicit"},
		{"class C:\n    def m(self):\n        return super().m()\n", "C", "m:name"},
		// comprehensions
		{"def f(xs):\n    return [x * y for x in xs]\n", "<listcomp>", ".0:local x:local y:implicit"},
		{"def f(xs, y):\n    return [x * y for x in xs]\n", "f", "xs:local y:cell"},
		{"def f(xs):\n    return [z := x for x in xs]\n", "<listcomp>", ".0:local x:local z:free"},
		{"def f(xs):\n    return [z := x for x in xs]\n", "f", "xs:local z:cell"},
		{"[z := x for x in xs]\n", "<listcomp>", ".0:local x:local z:global"},
		// private names
		{"class C:\n    def m(self):\n        __x = 1\n        return __x\n", "m", "_C__x:local self:local"},
		// inline (yielding) comprehension: its variables are hidden locals of f
		{"def f(xs):\n    return [x for x in yielding xs]\n", "<listcomp>", ".0:local x:local"},
		{"def f(xs, y):\n    return [x + y for x in yielding xs]\n", "<listcomp>", ".0:local x:local y:parent"},
		{"def f(xs, y):\n    return [x + y for x in yielding xs]\n", "f", "xs:local y:local"},
		// del makes a name local
		{"def f():\n    del x\n", "f", "x:local"},
		// imports bind
		{"def f():\n    import a.b\n    from c import d as e\n", "f", "a:local e:local"},
	}
	for _, tt := range tests {
		mod, err := parser.Parse("t.py", []byte(tt.src))
		if err != nil {
			t.Errorf("parse %q: %v", tt.src, err)
			continue
		}
		st, serr := buildSymtable(mod, "t.py")
		if serr != nil {
			t.Errorf("%q: %v", tt.src, serr)
			continue
		}
		s := findScope(st, tt.scope)
		if s == nil {
			t.Errorf("%q: no scope %s", tt.src, tt.scope)
			continue
		}
		var got []string
		for n := range s.bind {
			got = append(got, n+":"+kindName(s, n))
		}
		sort.Strings(got)
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q scope %s:\n got %s\nwant %s", tt.src, tt.scope, g, tt.want)
		}
	}
}

// TestCodeVars checks the variable tables of compiled code objects.
func TestCodeVars(t *testing.T) {
	src := `
def outer(a, *args, k=1, **kw):
    b = 2
    def inner():
        nonlocal b
        b = a
        return k
    return inner
class C:
    def m(self):
        return __class__
`
	code := compileSrc(t, src)
	outer := findCode(code, "outer")
	if outer == nil {
		t.Fatal("no outer")
	}
	if g := strings.Join(outer.VarNames, ","); g != "a,k,args,kw,inner" {
		t.Errorf("outer varnames %s", g)
	}
	if g := strings.Join(outer.CellVars, ","); g != "b,a,k" {
		t.Errorf("outer cellvars %s", g)
	}
	if g := outer.Cell2Arg; len(g) != 3 || g[0] != -1 || g[1] != 0 || g[2] != 1 {
		t.Errorf("outer cell2arg %v", g)
	}
	if outer.ArgCount != 1 || outer.KwOnlyCount != 1 || outer.Flags&(FlagVarargs|FlagVarkw) != FlagVarargs|FlagVarkw {
		t.Errorf("outer counts %d %d %v", outer.ArgCount, outer.KwOnlyCount, outer.Flags)
	}
	inner := findCode(code, "inner")
	if g := strings.Join(inner.FreeVars, ","); g != "b,a,k" {
		t.Errorf("inner freevars %s", g)
	}
	if inner.QualName != "outer.<locals>.inner" || inner.Flags&FlagNested == 0 {
		t.Errorf("inner qualname %s flags %v", inner.QualName, inner.Flags)
	}
	cls := findCode(code, "C")
	if g := strings.Join(cls.CellVars, ","); g != "__class__" {
		t.Errorf("C cellvars %s", g)
	}
	m := findCode(code, "m")
	if g := strings.Join(m.FreeVars, ","); g != "__class__" || m.QualName != "C.m" {
		t.Errorf("m freevars %s qualname %s", g, m.QualName)
	}
}

func findCode(c *Code, name string) *Code {
	if c.Name == name {
		return c
	}
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			if f := findCode(sub, name); f != nil {
				return f
			}
		}
	}
	return nil
}
