// str_testutil_test.go: the harness of the generated method table tests
// (str_methods_test.go, bytes_methods_test.go, format_test.go): each case
// calls one method through the VM and compares repr(result), or
// "ExceptionName: message", with CPython's output.

package vm

import (
	"bytes"
	"math/big"
	"strings"
	"testing"
)

type methodCase struct {
	expr   string
	recv   Value
	method string
	args   []Value
	kw     []string
	want   string
}

func dictOf(kv ...Value) Value {
	d := NewDict()
	for i := 0; i+1 < len(kv); i += 2 {
		_ = d.Set(nil, kv[i], kv[i+1])
	}
	return Obj(d)
}

func newTestThread() *Thread {
	var out, errb bytes.Buffer
	in := NewInterp(strings.NewReader(""), &out, &errb)
	return in.MainThread()
}

// callResult calls recv.method(*args, **kw) and renders the outcome.
func callResult(th *Thread, recv Value, method string, args []Value, kw []string) string {
	m, err := th.GetAttr(recv, Intern(method))
	if err != nil {
		return err.Error()
	}
	var names []*Str
	for _, k := range kw {
		names = append(names, Intern(k))
	}
	r, err := th.Call(m, args, names)
	if err != nil {
		return err.Error()
	}
	s, err := th.Repr(r)
	if err != nil {
		return "repr failed: " + err.Error()
	}
	return s
}

func runMethodCases(t *testing.T, cases []methodCase) {
	th := newTestThread()
	for _, c := range cases {
		got := callResult(th, c.recv, c.method, c.args, c.kw)
		if got != c.want {
			t.Errorf("%s\n got: %s\nwant: %s", c.expr, got, c.want)
		}
	}
}

func bigInt(s string) Value {
	b, _ := new(big.Int).SetString(s, 10)
	return BigIntValue(b)
}
