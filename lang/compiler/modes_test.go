// modes_test.go tests the compilation modes (exec, single, eval) and a
// set of snippets that exercise the harder code shapes, each checked by
// the stack verifier.

package compiler

import (
	"strings"
	"testing"

	"yflow/lang/ast"
	"yflow/lang/parser"
)

func ops(c *Code) []string {
	var out []string
	for _, ins := range c.Instrs {
		op, _ := DecodeInstr(ins)
		out = append(out, op.String())
	}
	return out
}

func TestModes(t *testing.T) {
	mod, err := parser.Parse("<stdin>", []byte("1 + 2\nif x:\n    x\n"))
	if err != nil {
		t.Fatal(err)
	}
	code, err := Compile(mod, ModeSingle)
	if err != nil {
		t.Fatal(err)
	}
	verifyAll(t, "single", code)
	if n := strings.Count(strings.Join(ops(code), " "), "PRINT_EXPR"); n != 2 {
		t.Errorf("single mode: %d PRINT_EXPR, want 2: %v", n, ops(code))
	}

	mod, err = parser.Parse("<eval>", []byte("a + [x for x in b]\n"))
	if err != nil {
		t.Fatal(err)
	}
	code, err = Compile(mod, ModeEval)
	if err != nil {
		t.Fatal(err)
	}
	verifyAll(t, "eval", code)
	o := ops(code)
	if o[len(o)-1] != "RETURN_VALUE" || o[len(o)-2] != "BINARY_OP" {
		t.Errorf("eval mode: %v", o)
	}

	code, err = CompileExpr("<expr>", &ast.BinOp{Pos: ast.Pos{Line: 1, Col: 1}, Op: ast.Add,
		X: &ast.Name{Pos: ast.Pos{Line: 1, Col: 1}, Id: "a"}, Y: &ast.Constant{Pos: ast.Pos{Line: 1, Col: 5}, Value: "s"}})
	if err != nil {
		t.Fatal(err)
	}
	if g := strings.Join(ops(code), " "); g != "LOAD_NAME LOAD_CONST BINARY_OP RETURN_VALUE" {
		t.Errorf("CompileExpr: %s", g)
	}

	// eval mode rejects statements
	mod, _ = parser.Parse("<eval>", []byte("x = 1\n"))
	if mod != nil {
		if _, err := Compile(mod, ModeEval); err == nil {
			t.Errorf("eval mode accepted a statement")
		}
	}
}

// TestShapes compiles snippets with tricky control flow; the stack
// verifier checks each code object.
func TestShapes(t *testing.T) {
	snippets := []string{
		"def f():\n    for x in y:\n        try:\n            break\n        finally:\n            continue\n",
		"def f():\n    while x:\n        try:\n            return 1\n        except E as e:\n            return e\n        finally:\n            return 2\n",
		"def f():\n    for x in y:\n        with a as b, c:\n            try:\n                return x\n            except:\n                continue\n",
		"def f():\n    try:\n        pass\n    finally:\n        for x in y:\n            try:\n                break\n            finally:\n                return 3\n",
		"def f():\n    try:\n        x\n    except A:\n        try:\n            y\n        except B as b:\n            raise\n        finally:\n            z\n    else:\n        w\n",
		"async def f():\n    async with a as b:\n        async for x in b:\n            if x:\n                break\n            return [await y async for y in x if await y]\n",
		"async def f():\n    return (y async for y in x)\n",
		"def f():\n    return (x async for x in y), (await x for x in y)\n",
		"async def f():\n    return [[x async for x in y] for z in w], (x for x in [z async for z in y])\n",
		"def f():\n    return (x for x in y if [a async for a in x])\n",
		"def g():\n    for x in yielding y:\n        with yielding z as q:\n            return [a for a in yielding q for b in yielding a if b]\n",
		"def g(w):\n    return [[lambda: x + y for y in z] for x in yielding w]\n",
		"def g():\n    return lambda: [x for x in yielding y]\n",
		"class C:\n    def f(self):\n        def g():\n            return super().f()\n        return g\n",
		"def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n        y = x\n        def m(self):\n            return x\n",
		"def f(*, a=1, b, **k):\n    return (a, b, *k)\n",
		"@a.b(c)\nclass C(*bases, **kw):\n    '''doc'''\n    x: int = 1\n    y: str\n",
		"x = [i for i in range(3) if (j := i)]\nprint(j)\n",
		"def f():\n    return [j := i for i in range(3)], j\n",
		"import a.b.c\nimport a.b as c, d\nfrom . import x\nfrom ..m import (y as z)\nfrom m import *\n",
		"def f(a, /, b, *args, c, d=2, **kw):\n    del a, (b, c), [d]\n",
		"x = f'{a!r:{b}.{c}}{d=}' f'{e!s}' 'lit'\n",
		"a = b = c = 1\na.b, c[1:2:3], *d = e\n",
		"with a: pass\nwith b as (c, d): pass\n",
		"for x in y:\n    pass\nelse:\n    z = 1\nwhile True:\n    break\n",
		"def f():\n    try:\n        yield 1\n    finally:\n        yield 2\n",
		"assert x\nassert y, z\nraise\n",
	}
	for _, src := range snippets {
		mod, err := parser.Parse("t.py", []byte(src))
		if err != nil {
			t.Logf("parse %q: %v", src, err)
			continue
		}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			t.Errorf("compile %q: %v", src, err)
			continue
		}
		verifyAll(t, src, code)
	}
}
