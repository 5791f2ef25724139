// quicken_test.go checks that the quickener fuses the pairs and triples it
// is meant to (the golden testdata/fused_ops.py checks that the fused
// forms compute what the plain instructions would).

package vm

import (
	"testing"

	"yflow/lang/compiler"
	"yflow/lang/parser"
)

// quickenedFunc compiles src and returns the quickened instructions of
// its first function.
func quickenedFunc(t *testing.T, src string) (*compiler.Code, []uint32) {
	t.Helper()
	mod, err := parser.Parse("q.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	code, err := compiler.Compile(mod, compiler.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range code.Consts {
		if c, ok := k.(*compiler.Code); ok {
			return c, quicken(c)
		}
	}
	t.Fatal("no function in source")
	return nil, nil
}

func countOp(instrs []uint32, op compiler.Opcode) int {
	n := 0
	for _, ins := range instrs {
		if compiler.Opcode(ins&0xff) == op {
			n++
		}
	}
	return n
}

func TestQuickenFusions(t *testing.T) {
	cases := []struct {
		name string
		src  string
		op   compiler.Opcode
	}{
		{"fast fast binary", "def f(a, b):\n    return a + b\n", opFastFastBinary},
		{"fast fast compare", "def f(a, b):\n    if a < b:\n        return 1\n", opFastFastCompare},
		{"fast compare", "def f(a, b):\n    return len(a) == b\n", opFastCompare},
		{"move", "def f(a):\n    b = a\n    return b\n", opMoveFast},
		{"yield local", "def f(a):\n    yield a\n", opLoadFastYield},
		{"for loop back edge", "def f(xs):\n    for x in xs:\n        print(x)\n", opJumpForIter},
		{"fast const binary", "def f(i):\n    i += 1\n    return i\n", opFastConstBinary},
		{"local is none jump", "def f(a):\n    if a is not None:\n        return 1\n", opFastIsNoneJump},
		{"is none jump", "def f(a):\n    if a() is None:\n        return 1\n", opIsNoneJump},
	}
	for _, c := range cases {
		_, out := quickenedFunc(t, c.src)
		if countOp(out, c.op) == 0 {
			t.Errorf("%s: no fused instruction in %v", c.name, out)
		}
	}
}

// A for loop's STORE_FAST stays plain so FOR_ITER can store its item
// directly, and a jump to an unconditional JUMP is threaded through it.
func TestQuickenForLoopShape(t *testing.T) {
	code, out := quickenedFunc(t, "def f(xs):\n    for x in xs:\n        if x:\n            continue\n        y = x\n")
	for i, ins := range code.Instrs {
		if compiler.Opcode(ins&0xff) == compiler.FOR_ITER {
			if op := compiler.Opcode(out[i+1] & 0xff); op != compiler.STORE_FAST {
				t.Errorf("instruction after FOR_ITER quickened to %v", op)
			}
		}
	}
	for i, ins := range out {
		op, target := compiler.DecodeInstr(ins)
		switch op {
		case compiler.POP_JUMP_IF_FALSE, compiler.POP_JUMP_IF_TRUE, compiler.JUMP:
			if top, _ := compiler.DecodeInstr(code.Instrs[target]); top == compiler.JUMP {
				t.Errorf("jump at %d lands on a JUMP at %d", i, target)
			}
		}
	}
}
