// errors_test.go checks the SyntaxErrors the compiler reports: message,
// line and column (CPython 3.11's wording and positions).

package compiler

import (
	"testing"

	"yflow/lang/ast"
	"yflow/lang/parser"
)

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"def f():\n    nonlocal x\n", 2, 5, "no binding for nonlocal 'x' found"},
		{"nonlocal x\n", 1, 1, "nonlocal declaration not allowed at module level"},
		{"def f(x):\n    global x\n", 2, 5, "name 'x' is parameter and global"},
		{"def f():\n    print(x)\n    global x\n", 3, 5, "name 'x' is used prior to global declaration"},
		{"def f():\n    x = 1\n    global x\n", 3, 5, "name 'x' is assigned to before global declaration"},
		{"def g():\n  x=1\n  def f():\n    x = 1\n    nonlocal x\n", 5, 5, "name 'x' is assigned to before nonlocal declaration"},
		{"def g():\n  x=1\n  def f():\n    print(x)\n    nonlocal x\n", 5, 5, "name 'x' is used prior to nonlocal declaration"},
		{"def f(x):\n    nonlocal x\n", 2, 5, "name 'x' is parameter and nonlocal"},
		{"return 1\n", 1, 1, "'return' outside function"},
		{"class C:\n    return 1\n", 2, 5, "'return' outside function"},
		{"break\n", 1, 1, "'break' outside loop"},
		{"continue\n", 1, 1, "'continue' not properly in loop"},
		{"for x in y:\n    def f():\n        break\n", 3, 9, "'break' outside loop"},
		{"yield 1\n", 1, 1, "'yield' outside function"},
		{"class C:\n  yield 1\n", 2, 3, "'yield' outside function"},
		{"await x\n", 1, 1, "'await' outside function"},
		{"def f():\n  await x\n", 2, 3, "'await' outside async function"},
		{"1 = x\n", 1, 1, "cannot assign to literal here. Maybe you meant '==' instead of '='?"},
		{"f() = x\n", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"},
		{"(a, 1) = 2\n", 1, 5, "cannot assign to literal"},
		{"del 1\n", 1, 5, "cannot delete literal"},
		{"del f()\n", 1, 5, "cannot delete function call"},
		{"*a = 1\n", 1, 1, "starred assignment target must be in a list or tuple"},
		{"*a, *b = 1\n", 1, 1, "multiple starred expressions in assignment"},
		{"f(x=1, x=2)\n", 1, 8, "keyword argument repeated: x"},
		{"def f(x, x): pass\n", 1, 10, "duplicate argument 'x' in function definition"},
		{"def f(a, *, a): pass\n", 1, 13, "duplicate argument 'a' in function definition"},
		{"def f(x=1, y): pass\n", 1, 12, "non-default argument follows default argument"},
		{"[*x for x in y]\n", 1, 2, "iterable unpacking cannot be used in comprehension"},
		{"def f():\n  from m import *\n", 2, 3, "import * only allowed at module level"},
		{"def f():\n  [(yield x) for x in y]\n", 2, 5, "'yield' inside list comprehension"},
		{"def f():\n  ((yield x) for x in y)\n", 2, 5, "'yield' inside generator expression"},
		{"async def f():\n  yield from x\n", 2, 3, "'yield from' inside async function"},
		{"async def f():\n  yield 1\n  return 2\n", 3, 3, "'return' with value in async generator"},
		{"def f():\n  [x async for x in y]\n", 2, 3, "asynchronous comprehension outside of an asynchronous function"},
		{"def f():\n  return [await x for x in y]\n", 2, 10, "asynchronous comprehension outside of an asynchronous function"},
		{"[await x for x in y]\n", 1, 1, "asynchronous comprehension outside of an asynchronous function"},
		{"def f():\n  lambda: await x\n", 2, 11, "'await' outside async function"},
		{"class C:\n  [(z:=1) for x in y]\n", 2, 5, "assignment expression within a comprehension cannot be used in a class body"},
		{"[(x:=1) for x in y]\n", 1, 3, "assignment expression cannot rebind comprehension iteration variable 'x'"},
		{"f() += 1\n", 1, 1, "'function call' is an illegal expression for augmented assignment"},
		{"x = *a\n", 1, 5, "can't use starred expression here"},
		{"for x in yielding y:\n    pass\n", 1, 1, "'yield' outside function"},
		{"class C:\n    with yielding m:\n        pass\n", 2, 5, "'yield' outside function"},
		{"try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", 3, 1, "default 'except:' must be last"},
	}
	for _, tt := range tests {
		mod, err := parser.Parse("t.py", []byte(tt.src))
		if err != nil {
			t.Logf("%q: parser reports %v", tt.src, err)
			continue
		}
		_, err = Compile(mod, ModeExec)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want SyntaxError %q", tt.src, err, tt.msg)
			continue
		}
		if e.Msg != tt.msg || e.Line != tt.line || e.Col != tt.col || e.Kind != "SyntaxError" {
			t.Errorf("%q:\n got %d:%d %s: %s\nwant %d:%d SyntaxError: %s", tt.src, e.Line, e.Col, e.Kind, e.Msg, tt.line, tt.col, tt.msg)
		}
	}
}

// TestHandBuiltTrees compiles trees the parser would never produce: the
// compiler must report errors, not panic.
func TestHandBuiltTrees(t *testing.T) {
	trees := []ast.Stmt{
		&ast.ExprStmt{X: nil},
		&ast.Assign{Targets: nil, Value: &ast.Name{Id: "x"}},
		&ast.Assign{Targets: []ast.Expr{nil}, Value: nil},
		&ast.ExprStmt{X: &ast.Call{Func: nil, Keywords: []*ast.Keyword{nil}}},
		&ast.ExprStmt{X: &ast.BoolOp{Op: ast.And}},
		&ast.ExprStmt{X: &ast.Compare{Left: &ast.Name{Id: "a"}}},
		&ast.ExprStmt{X: &ast.ListComp{Elt: &ast.Name{Id: "a"}}},
		&ast.ExprStmt{X: &ast.DictExpr{Keys: []ast.Expr{nil}}},
		&ast.FuncDef{Name: "f", Params: nil, Body: []ast.Stmt{&ast.Return{}}},
		&ast.ExprStmt{X: &ast.Lambda{Params: nil, Body: nil}},
		&ast.With{Items: []*ast.WithItem{nil, {Context: nil}}},
		&ast.Try{Handlers: []*ast.ExceptHandler{nil}},
		&ast.ExprStmt{X: &ast.BinOp{Op: ast.Not, X: &ast.Name{Id: "a"}, Y: &ast.Name{Id: "b"}}},
		&ast.AugAssign{Target: &ast.Name{Id: "a"}, Op: ast.Eq, Value: &ast.Name{Id: "b"}},
		&ast.ExprStmt{X: &ast.NamedExpr{Value: &ast.Name{Id: "a"}}},
		&ast.ClassDef{Name: "C", Keywords: []*ast.Keyword{nil}},
		&ast.Import{Names: []*ast.Alias{nil}},
	}
	for i, s := range trees {
		mod := &ast.Module{Pos: ast.Pos{Line: 1, Col: 1}, Filename: "t.py", Body: []ast.Stmt{s}}
		code, err := Compile(mod, ModeExec)
		if err == nil {
			verifyAll(t, "hand-built tree", code)
		}
		t.Logf("tree %d: %v", i, err)
	}
}

// TestHandBuiltErrors checks the compiler's own checks of errors that the
// parser normally reports first.
func TestHandBuiltErrors(t *testing.T) {
	p := func(l, c int) ast.Pos { return ast.Pos{Line: l, Col: c} }
	name := func(id string, l, c int) *ast.Name { return &ast.Name{Pos: p(l, c), Id: id} }
	one := &ast.Constant{Pos: p(1, 1), Value: nil}
	tests := []struct {
		s    ast.Stmt
		line int
		col  int
		msg  string
	}{
		{&ast.Assign{Pos: p(1, 1), Targets: []ast.Expr{&ast.Constant{Pos: p(1, 1), Value: "s"}}, Value: name("x", 1, 5)}, 1, 1,
			"cannot assign to literal here. Maybe you meant '==' instead of '='?"},
		{&ast.Assign{Pos: p(1, 1), Targets: []ast.Expr{&ast.TupleExpr{Pos: p(1, 1), Elts: []ast.Expr{name("a", 1, 2), &ast.Call{Pos: p(1, 5), Func: name("f", 1, 5)}}}}, Value: one}, 1, 5,
			"cannot assign to function call"},
		{&ast.Assign{Pos: p(1, 1), Targets: []ast.Expr{&ast.Starred{Pos: p(1, 1), X: name("a", 1, 2)}}, Value: one}, 1, 1,
			"starred assignment target must be in a list or tuple"},
		{&ast.Assign{Pos: p(1, 1), Targets: []ast.Expr{&ast.TupleExpr{Pos: p(1, 1), Elts: []ast.Expr{&ast.Starred{Pos: p(1, 1), X: name("a", 1, 2)}, &ast.Starred{Pos: p(1, 5), X: name("b", 1, 6)}}}}, Value: one}, 1, 1,
			"multiple starred expressions in assignment"},
		{&ast.Del{Pos: p(1, 1), Targets: []ast.Expr{&ast.Constant{Pos: p(1, 5), Value: "s"}}}, 1, 5, "cannot delete literal"},
		{&ast.ExprStmt{Pos: p(1, 1), X: &ast.Call{Pos: p(1, 1), Func: name("f", 1, 1), Keywords: []*ast.Keyword{{Pos: p(1, 3), Name: "x", Value: one}, {Pos: p(1, 8), Name: "x", Value: one}}}}, 1, 8,
			"keyword argument repeated: x"},
		{&ast.FuncDef{Pos: p(1, 1), Name: "f", Params: &ast.Params{Args: []*ast.Param{{Pos: p(1, 7), Name: "x"}, {Pos: p(1, 10), Name: "x"}}}}, 1, 10,
			"duplicate argument 'x' in function definition"},
		{&ast.FuncDef{Pos: p(1, 1), Name: "f", Params: &ast.Params{Args: []*ast.Param{{Pos: p(1, 7), Name: "x", Default: one}, {Pos: p(1, 12), Name: "y"}}}}, 1, 12,
			"non-default argument follows default argument"},
		{&ast.ExprStmt{Pos: p(1, 1), X: &ast.ListComp{Pos: p(1, 1), Elt: &ast.Starred{Pos: p(1, 2), X: name("x", 1, 3)},
			Generators: []*ast.Comprehension{{Pos: p(1, 5), Target: name("x", 1, 9), Iter: name("y", 1, 14)}}}}, 1, 2,
			"iterable unpacking cannot be used in comprehension"},
		{&ast.AugAssign{Pos: p(1, 1), Target: &ast.TupleExpr{Pos: p(1, 1), Elts: []ast.Expr{name("a", 1, 2)}}, Op: ast.Add, Value: one}, 1, 1,
			"'tuple' is an illegal expression for augmented assignment"},
		{&ast.Try{Pos: p(1, 1), Body: []ast.Stmt{&ast.Pass{Pos: p(2, 5)}}, Handlers: []*ast.ExceptHandler{{Pos: p(3, 1)}, {Pos: p(5, 1), Type: name("E", 5, 8)}}}, 3, 1,
			"default 'except:' must be last"},
	}
	for i, tt := range tests {
		mod := &ast.Module{Pos: p(1, 1), Filename: "t.py", Body: []ast.Stmt{tt.s}}
		_, err := Compile(mod, ModeExec)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("case %d: got %v, want %q", i, err, tt.msg)
			continue
		}
		if e.Msg != tt.msg || e.Line != tt.line || e.Col != tt.col {
			t.Errorf("case %d:\n got %d:%d %s\nwant %d:%d %s", i, e.Line, e.Col, e.Msg, tt.line, tt.col, tt.msg)
		}
	}
}
