// parser_test.go checks what the CPython golden cannot: yflow's `yielding`
// soft keyword, ParseExpr, async forms, and a few structural properties.

package parser

import (
	"testing"

	"yflow/lang/ast"
)

func TestYielding(t *testing.T) {
	cases := []struct{ src, want string }{
		{"for x in yielding it:\n    pass\n",
			`For@1:1(Target=Name@1:5(Id="x"), Iter=Name@1:19(Id="it"), Body=[Pass@2:5], Yielding=True)`},
		{"for x in yielding a, b: pass\n",
			`For@1:1(Target=Name@1:5(Id="x"), Iter=TupleExpr@1:19(Elts=[Name@1:19(Id="a"), Name@1:22(Id="b")]), Body=[Pass@1:25], Yielding=True)`},
		{"async for x in yielding f(): pass\n",
			`For@1:1(Target=Name@1:11(Id="x"), Iter=Call@1:25(Func=Name@1:25(Id="f")), Body=[Pass@1:30], Async=True, Yielding=True)`},
		{"for x in yielding: pass\n",
			`For@1:1(Target=Name@1:5(Id="x"), Iter=Name@1:10(Id="yielding"), Body=[Pass@1:20])`},
		{"for x in yielding.items(): pass\n",
			`For@1:1(Target=Name@1:5(Id="x"), Iter=Call@1:10(Func=Attribute@1:10(X=Name@1:10(Id="yielding"), Name="items")), Body=[Pass@1:28])`},
		{"with yielding cm as x:\n    pass\n",
			`With@1:1(Items=[WithItem(Context=Name@1:15(Id="cm"), Target=Name@1:21(Id="x"))], Body=[Pass@2:5], Yielding=True)`},
		{"with yielding a(), b as c: pass\n",
			`With@1:1(Items=[WithItem(Context=Call@1:15(Func=Name@1:15(Id="a"))), WithItem(Context=Name@1:20(Id="b"), Target=Name@1:25(Id="c"))], Body=[Pass@1:28], Yielding=True)`},
		{"with yielding (a as b, c): pass\n",
			`With@1:1(Items=[WithItem(Context=Name@1:16(Id="a"), Target=Name@1:21(Id="b")), WithItem(Context=Name@1:24(Id="c"))], Body=[Pass@1:28], Yielding=True)`},
		{"async with yielding a: pass\n",
			`With@1:1(Items=[WithItem(Context=Name@1:21(Id="a"))], Body=[Pass@1:24], Async=True, Yielding=True)`},
		{"with yielding as y: pass\n",
			`With@1:1(Items=[WithItem(Context=Name@1:6(Id="yielding"), Target=Name@1:18(Id="y"))], Body=[Pass@1:21])`},
		{"x = [e for x in yielding it]\n",
			`Assign@1:1(Targets=[Name@1:1(Id="x")], Value=ListComp@1:5(Elt=Name@1:6(Id="e"), Generators=[Comprehension(Target=Name@1:12(Id="x"), Iter=Name@1:26(Id="it"), Yielding=True)]))`},
		{"{k: v for k in a for v in yielding g(k) if v}\n",
			`ExprStmt@1:1(X=DictComp@1:1(Key=Name@1:2(Id="k"), Value=Name@1:5(Id="v"), Generators=[Comprehension(Target=Name@1:11(Id="k"), Iter=Name@1:16(Id="a")), Comprehension(Target=Name@1:22(Id="v"), Iter=Call@1:36(Func=Name@1:36(Id="g"), Args=[Name@1:38(Id="k")]), Ifs=[Name@1:44(Id="v")], Yielding=True)]))`},
		{"s = {[y for y in yielding z] for z in w}\n",
			`Assign@1:1(Targets=[Name@1:1(Id="s")], Value=SetComp@1:5(Elt=ListComp@1:6(Elt=Name@1:7(Id="y"), Generators=[Comprehension(Target=Name@1:13(Id="y"), Iter=Name@1:27(Id="z"), Yielding=True)]), Generators=[Comprehension(Target=Name@1:34(Id="z"), Iter=Name@1:39(Id="w"))]))`},
		{"g = (x async for x in yielding y)\n",
			`Assign@1:1(Targets=[Name@1:1(Id="g")], Value=GeneratorExp@1:5(Elt=Name@1:6(Id="x"), Generators=[Comprehension(Target=Name@1:18(Id="x"), Iter=Name@1:32(Id="y"), Async=True, Yielding=True)]))`},
		{"yielding = yielding + 1\n",
			`Assign@1:1(Targets=[Name@1:1(Id="yielding")], Value=BinOp@1:12(Op="+", X=Name@1:12(Id="yielding"), Y=Constant@1:23(1)))`},
		{"def yielding(yielding): return yielding\n",
			`FuncDef@1:1(Name="yielding", Params=Params(Args=[Param@1:14(Name="yielding")]), Body=[Return@1:25(Value=Name@1:32(Id="yielding"))])`},
		{"x = a in yielding\n",
			`Assign@1:1(Targets=[Name@1:1(Id="x")], Value=Compare@1:5(Left=Name@1:5(Id="a"), Ops=["in"], Rights=[Name@1:10(Id="yielding")]))`},
	}
	for _, c := range cases {
		m, err := Parse("y.yf", []byte(c.src))
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if len(m.Body) != 1 {
			t.Errorf("%q: %d statements", c.src, len(m.Body))
			continue
		}
		if got := dump(m.Body[0]); got != c.want {
			t.Errorf("%q:\n got  %s\n want %s", c.src, got, c.want)
		}
	}
}

func TestParseExpr(t *testing.T) {
	cases := []struct{ src, want string }{
		{"1 + 2 * 3", `BinOp@1:1(Op="+", X=Constant@1:1(1), Y=BinOp@1:5(Op="*", X=Constant@1:5(2), Y=Constant@1:9(3)))`},
		{"  x\n", `Name@1:3(Id="x")`},
		{"a, *b", `TupleExpr@1:1(Elts=[Name@1:1(Id="a"), Starred@1:4(X=Name@1:5(Id="b"))])`},
		{"(\n1,\n2)\n", `TupleExpr@1:1(Elts=[Constant@2:1(1), Constant@3:1(2)])`},
		{"-2**2", `UnaryOp@1:1(Op="-", X=BinOp@1:2(Op="**", X=Constant@1:2(2), Y=Constant@1:5(2)))`},
	}
	for _, c := range cases {
		x, err := ParseExpr("e", []byte(c.src))
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		if got := dump(x); got != c.want {
			t.Errorf("%q:\n got  %s\n want %s", c.src, got, c.want)
		}
	}
	for _, bad := range []string{"", "x = 1", "1\n2", "*a", "if x: pass", "yield"} {
		if _, err := ParseExpr("e", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestConstants(t *testing.T) {
	x, err := ParseExpr("e", []byte("123456789012345678901234567890"))
	if err != nil {
		t.Fatal(err)
	}
	c := x.(*ast.Constant)
	if c.BigInt() == nil || c.BigInt().String() != "123456789012345678901234567890" {
		t.Errorf("big int: %v", c.Value)
	}
	x, _ = ParseExpr("e", []byte(`b"a\x00\xff" b'\u1234'`))
	if b, ok := x.(*ast.Constant).Value.(ast.Bytes); !ok || string(b) != "a\x00\xff\\u1234" {
		t.Errorf("bytes: %#v", x.(*ast.Constant).Value)
	}
	x, _ = ParseExpr("e", []byte(`"\N{BULLET}\N{latin small letter e with acute}\N{CJK UNIFIED IDEOGRAPH-4E00}"`))
	if s := x.(*ast.Constant).Value; s != "•é一" {
		t.Errorf("\\N: %q", s)
	}
	x, _ = ParseExpr("e", []byte(`2j`))
	if v := x.(*ast.Constant).Value; v != complex(0, 2) {
		t.Errorf("imaginary: %v", v)
	}
}

func TestDeepNesting(t *testing.T) {
	src := make([]byte, 0, 4000)
	for i := 0; i < 500; i++ {
		src = append(src, '(')
	}
	src = append(src, 'x')
	for i := 0; i < 500; i++ {
		src = append(src, ')')
	}
	if _, err := Parse("deep.yf", src); err != nil {
		t.Fatal(err)
	}
}
