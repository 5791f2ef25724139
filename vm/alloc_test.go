// alloc_test.go guards the allocation-free hot paths: small-int and float
// arithmetic, comparisons, local variable access and loops over range.

package vm_test

import (
	"bytes"
	"strings"
	"testing"

	"yflow/vm"
)

func TestArithmeticLoopDoesNotAllocate(t *testing.T) {
	var out, errb bytes.Buffer
	in := vm.NewInterp(strings.NewReader(""), &out, &errb)
	src := `
def ints(n):
    t = 0
    i = 0
    while i < n:
        t += (i * 3) % 7 - (i >> 2) + (i ^ 5)
        i += 1
    return t

def floats(n):
    x = 0.5
    for j in range(n):
        x = x * 1.0000001 + 0.25 / (j + 1.0)
        if x > 1000.0:
            x -= 999.0
    return x
`
	if err := in.RunMain("alloc.yf", []byte(src)); err != nil {
		t.Fatal(err)
	}
	th := in.MainThread()
	g, _ := in.Modules.GetStr(vm.Intern("__main__"))
	mod := g.Object().(*vm.Module)
	for _, name := range []string{"ints", "floats"} {
		fn, _ := mod.Dict().GetStr(vm.Intern(name))
		call := func(n int64) {
			if _, err := th.Call(fn, []vm.Value{vm.Int(n)}, nil); err != nil {
				t.Fatal(err)
			}
		}
		base := testing.AllocsPerRun(20, func() { call(1) })
		many := testing.AllocsPerRun(20, func() { call(10000) })
		if many > base+1 {
			t.Errorf("%s: %v allocations for 10000 iterations (1 iteration: %v)", name, many, base)
		}
	}
}
