// chain_test.go tests the generator resume machinery: send, throw and
// close at every generator state, and `yield from` chains (delegation,
// O(1) resumes, unwinding by return and by exception).

package vm_test

import (
	"bytes"
	"strings"
	"testing"

	"yflow/lang/compiler"
	"yflow/vm"
)

// runProgram runs src and returns stdout, or the exception's traceback.
func runProgram(t *testing.T, src string) string {
	t.Helper()
	var out, errb bytes.Buffer
	in := vm.NewInterp(strings.NewReader(""), &out, &errb)
	err := in.RunMain("test.yf", []byte(src))
	in.Flush()
	if err != nil {
		if e, ok := err.(*vm.Exception); ok {
			return out.String() + "!! " + e.Error()
		}
		return out.String() + "!! " + err.Error()
	}
	return out.String()
}

func TestGeneratorStates(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"send to created", `
def g():
    x = yield 1
    print("got", x)
    yield 2
it = g()
try:
    it.send(5)
except TypeError as e:
    print(e)
print(it.send(None), it.send("a"))
`, "can't send non-None value to a just-started generator\ngot a\n1 2\n"},
		{"throw into created", `
def g():
    try:
        yield 1
    finally:
        print("never")
it = g()
try:
    it.throw(ValueError("v"))
except ValueError as e:
    print("raised", e)
print(next(it, "done"))
`, "raised v\ndone\n"},
		{"throw into suspended, caught", `
def g():
    while True:
        try:
            yield "ok"
        except KeyError as e:
            print("caught", e)
it = g()
print(next(it))
print(it.throw(KeyError("k")))
`, "ok\ncaught 'k'\nok\n"},
		{"close suspended runs finally", `
def g():
    try:
        yield 1
    finally:
        print("cleanup")
it = g()
next(it)
it.close()
it.close()
print(next(it, "exhausted"))
`, "cleanup\nexhausted\n"},
		{"close ignoring GeneratorExit", `
def g():
    try:
        yield 1
    except GeneratorExit:
        yield 2
it = g()
next(it)
try:
    it.close()
except RuntimeError as e:
    print(e)
`, "generator ignored GeneratorExit\n"},
		{"return value", `
def g():
    yield 1
    return 42
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
`, "value 42\n"},
		{"pep 479", `
def g():
    yield 1
    raise StopIteration("x")
try:
    list(g())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
`, "generator raised StopIteration StopIteration\n"},
		{"already executing", `
def g():
    yield next(me)
me = g()
try:
    next(me)
except ValueError as e:
    print(e)
`, "generator already executing\n"},
		{"handled exception is per generator", `
import sys
def g():
    try:
        raise KeyError("inside")
    except KeyError:
        yield 1
        print(repr(sys.exception()))
it = g()
next(it)
print(sys.exception())
next(it, None)
`, "None\nKeyError('inside')\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := runProgram(t, c.src); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

func TestYieldFromChains(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"delegation and return values", `
def leaf():
    x = yield "a"
    y = yield x
    return y * 2
def mid():
    r = yield from leaf()
    yield ("mid", r)
    return r + 1
def top():
    r = yield from mid()
    return r
it = top()
print(next(it), it.send(3), it.send(5))
try:
    next(it)
except StopIteration as e:
    print("done", e.value)
`, "a 3 ('mid', 10)\ndone 11\n"},
		{"exception unwinds levels", `
def leaf():
    yield 1
    raise ValueError("bottom")
def mid():
    try:
        yield from leaf()
    finally:
        print("mid finally")
def top():
    try:
        yield from mid()
    except ValueError as e:
        print("top caught", e)
        yield "recovered"
it = top()
print(next(it), next(it))
`, "mid finally\ntop caught bottom\n1 recovered\n"},
		{"throw reaches the leaf", `
def leaf():
    try:
        yield 1
    except KeyError:
        yield "leaf handled"
def top():
    yield from leaf()
    yield "after"
it = top()
next(it)
print(it.throw(KeyError), next(it))
`, "leaf handled after\n"},
		{"close closes every level", `
def leaf():
    try:
        yield 1
    finally:
        print("leaf closed")
def mid():
    try:
        yield from leaf()
    finally:
        print("mid closed")
it = mid()
next(it)
it.close()
`, "leaf closed\nmid closed\n"},
		{"gi_yieldfrom and running", `
def leaf():
    print("running", top_gen.gi_running, mid_gen.gi_running)
    yield 1
def mid():
    yield from leaf()
def top():
    yield from mid_gen
mid_gen = mid()
top_gen = top()
next(top_gen)
print(top_gen.gi_yieldfrom is mid_gen, type(mid_gen.gi_yieldfrom).__name__)
print(top_gen.gi_running, mid_gen.gi_running)
`, "running True True\nTrue generator\nFalse False\n"},
		{"deep chain", `
import sys
sys.setrecursionlimit(5000)
def leaf(n):
    acc = 0
    for i in range(n):
        acc += yield i
    return acc
def level(d, n):
    if d == 0:
        return (yield from leaf(n))
    return (yield from level(d - 1, n)) + 1
g = level(2000, 5)
v = g.send(None)
try:
    while True:
        v = g.send(v + 1)
except StopIteration as e:
    print(e.value)
`, "2015\n"},
		{"for loop over delegating generator", `
def inner():
    yield 1
    yield 2
    return "r"
def outer():
    r = yield from inner()
    yield r
print([x for x in outer()], list(outer()))
`, "[1, 2, 'r'] [1, 2, 'r']\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := runProgram(t, c.src); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

var _ = compiler.ModeExec
