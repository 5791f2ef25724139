// set_impl_test.go tests the containers against CPython 3.11: small
// programs whose expected output was produced by python3 (set iteration
// order, set algebra, frozenset hashes, dict views, reprs, big ranges),
// and direct calls of the Set API and of list methods.

package vm

import (
	"bytes"
	"strings"
	"testing"
)

// runSnippet runs src as a __main__ module and returns its stdout, or the
// error text.
func runSnippet(t *testing.T, src string) string {
	t.Helper()
	var out, errb bytes.Buffer
	in := NewInterp(strings.NewReader(""), &out, &errb)
	err := in.RunMain("snippet.yf", []byte(src+"\n"))
	in.Flush()
	if err != nil {
		return out.String() + "ERROR: " + err.Error()
	}
	return out.String()
}

var containerSnippets = []struct{ src, want string }{
	{`s = set()
for x in [16, 32, 0, 1, 2, 48, 7, 64]: s.add(x)
print(s, s.pop(), s.pop(), s)`,
		`{2, 1, 64, 7, 16, 48} 0 32 {2, 1, 64, 7, 16, 48}
`},
	{`a = set(range(0, 100, 7)); b = set(range(0, 100, 5)); print(a | b, a & b, a - b, a ^ b)`,
		`{0, 5, 7, 10, 14, 15, 20, 21, 25, 28, 30, 35, 40, 42, 45, 49, 50, 55, 56, 60, 63, 65, 70, 75, 77, 80, 84, 85, 90, 91, 95, 98} {0, 35, 70} {98, 7, 42, 77, 14, 49, 84, 21, 56, 91, 28, 63} {65, 5, 7, 10, 75, 77, 14, 15, 80, 20, 85, 84, 21, 25, 90, 91, 28, 30, 95, 98, 40, 42, 45, 49, 50, 55, 56, 60, 63}
`},
	{`s = set([8, 16, 24, 1]); s.discard(16); s.add(40); s.add(32); print(s, {*s}, s.copy())`,
		`{32, 1, 8, 40, 24} {32, 1, 8, 24, 40} {32, 1, 8, 24, 40}
`},
	{`print(hash(frozenset([1, 2, 3])), hash(frozenset()), {frozenset([1]), frozenset([2, 3]), frozenset()})`,
		`-272375401224217160 133146708735736 {frozenset(), frozenset({1}), frozenset({2, 3})}
`},
	{`print({9, 2, 7} == frozenset([2, 7, 9]), {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {3} > {1})`,
		`True True True False
`},
	{`d = {16: 1, 32: 2, 0: 3, 1: 4, 2: 5}; print(set(d), d.keys() | {7}, d.keys() & {0, 32}, d.keys() - {1}, d.keys() ^ {99})`,
		`{16, 32, 0, 1, 2} {16, 32, 0, 1, 2, 7} {0, 32} {16, 32, 0, 2} {16, 32, 0, 1, 2, 99}
`},
	{`l = [1, 2]; l.append(l); d = {'k': l}; print(l, d, (l,), d.items())`,
		`[1, 2, [...]] {'k': [1, 2, [...]]} ([1, 2, [...]],) dict_items([('k', [1, 2, [...]])])
`},
	{`print(range(10**20)[-1], range(10**20)[10:20:5], 10**19 in range(10**20), range(0, 10, 3).index(9))`,
		`99999999999999999999 range(10, 20, 5) True 3
`},
	{`print(slice(1, None), slice(1, 2, 3).indices(2), [5, 6, 7].index(7, -1), {}.fromkeys([2, 1], 0))`,
		`slice(1, None, None) (1, 2, 3) 2 {2: 0, 1: 0}
`},
}

func TestContainerSnippets(t *testing.T) {
	for _, c := range containerSnippets {
		if got := runSnippet(t, c.src); got != c.want {
			t.Errorf("%s\ngot:  %q\nwant: %q", c.src, got, c.want)
		}
	}
}

// TestSetSlotOrder checks the table layout directly: CPython prints
// set(range(20, 0, -3)) as {2, 5, 8, 11, 14, 17, 20} and a set grown
// past a resize in slot order.
func TestSetSlotOrder(t *testing.T) {
	th := newContainerTestThread()
	s := NewSet()
	for _, x := range []int64{9, 2, 7} {
		if err := s.Add(th, Int(x)); err != nil {
			t.Fatal(err)
		}
	}
	if got := reprOf(th, Obj(s)); got != "{9, 2, 7}" {
		t.Errorf("got %s", got)
	}
	s = NewSet()
	for x := int64(20); x > 0; x -= 3 {
		_ = s.Add(th, Int(x))
	}
	if got := reprOf(th, Obj(s)); got != "{2, 5, 8, 11, 14, 17, 20}" {
		t.Errorf("got %s", got)
	}
	if ok, _ := s.Has(th, Int(11)); !ok {
		t.Errorf("11 missing")
	}
	if found, _ := s.Discard(th, Int(11)); !found || s.Len() != 6 {
		t.Errorf("discard failed: %v %d", found, s.Len())
	}
	if ok, _ := s.Has(th, Int(11)); ok {
		t.Errorf("11 still present")
	}
	// unhashable elements
	if err := s.Add(th, Obj(NewList(nil))); err == nil || err.Error() != "TypeError: unhashable type: 'list'" {
		t.Errorf("got %v", err)
	}
}

func newContainerTestThread() *Thread {
	var out, errb bytes.Buffer
	return NewInterp(strings.NewReader(""), &out, &errb).MainThread()
}

func reprOf(th *Thread, v Value) string {
	s, err := th.Repr(v)
	if err != nil {
		return err.Error()
	}
	return s
}

// callMethod calls recv.name(*args) and renders the result or the error.
func callMethod(th *Thread, recv Value, name string, args ...Value) string {
	m, err := th.GetAttr(recv, Intern(name))
	if err != nil {
		return err.Error()
	}
	r, err := th.Call(m, args, nil)
	if err != nil {
		return err.Error()
	}
	return reprOf(th, r)
}

func TestListMethodsDirect(t *testing.T) {
	th := newContainerTestThread()
	l := Obj(NewList([]Value{Int(3), Int(1), Int(2)}))
	checks := []struct {
		name string
		args []Value
		want string
	}{
		{"append", []Value{Int(5)}, "None"},
		{"index", []Value{Int(5)}, "3"},
		{"index", []Value{Int(9)}, "ValueError: 9 is not in list"},
		{"pop", nil, "5"},
		{"pop", []Value{Int(7)}, "IndexError: pop index out of range"},
		{"insert", []Value{Int(0), StrValue("a")}, "None"},
		{"count", []Value{StrValue("a")}, "1"},
		{"remove", []Value{StrValue("a")}, "None"},
		{"remove", []Value{StrValue("a")}, "ValueError: list.remove(x): x not in list"},
		{"sort", nil, "None"},
		{"__repr__", nil, "'[1, 2, 3]'"},
		{"reverse", nil, "None"},
		{"copy", nil, "[3, 2, 1]"},
		{"__len__", nil, "3"},
		{"clear", nil, "None"},
		{"pop", nil, "IndexError: pop from empty list"},
	}
	for _, c := range checks {
		if got := callMethod(th, l, c.name, c.args...); got != c.want {
			t.Errorf("list.%s%v: got %q want %q", c.name, c.args, got, c.want)
		}
	}
}
