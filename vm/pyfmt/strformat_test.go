// strformat_test.go: ParseFormat, ParseFieldName and StrFormat against
// str.format / str.format_map in CPython 3.11 (testdata/strformat.jsonl),
// using a fake VM whose objects mirror gen.py's arguments.

package pyfmt

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// fakeObj mirrors gen.py's Obj: custom __format__, __repr__, __str__.
type fakeObj struct{ attrs map[string]any }

type fakeOps struct {
	args   []any
	kwargs map[string]any
	isMap  bool // format_map
}

func fakeTypeName(o any) string {
	switch o.(type) {
	case int64:
		return "int"
	case string:
		return "str"
	case float64:
		return "float"
	case []any:
		return "list"
	case map[any]any:
		return "dict"
	case *fakeObj:
		return "Obj"
	}
	return "?"
}

func (f *fakeOps) Positional(i int) (any, error) {
	if f.isMap {
		return nil, valueError("Format string contains positional fields")
	}
	if i >= len(f.args) {
		return nil, ReplacementIndexError(i)
	}
	return f.args[i], nil
}

func (f *fakeOps) Keyword(name string) (any, error) {
	v, ok := f.kwargs[name]
	if !ok {
		return nil, &Error{Kind: "KeyError", Msg: StrRepr(name)}
	}
	return v, nil
}

func (f *fakeOps) GetAttr(obj any, name string) (any, error) {
	switch o := obj.(type) {
	case *fakeObj:
		if v, ok := o.attrs[name]; ok {
			return v, nil
		}
	case int64:
		if name == "real" {
			return o, nil
		}
	}
	return nil, &Error{Kind: "AttributeError", Msg: "'" + fakeTypeName(obj) + "' object has no attribute " + StrRepr(name)}
}

func (f *fakeOps) GetItem(obj any, key any) (any, error) {
	switch o := obj.(type) {
	case []any:
		i, ok := key.(int)
		if !ok {
			return nil, typeError("list indices must be integers or slices, not " + fakeTypeName(key))
		}
		if i >= len(o) {
			return nil, &Error{Kind: "IndexError", Msg: "list index out of range"}
		}
		return o[i], nil
	case string:
		i, ok := key.(int)
		if !ok {
			return nil, typeError("string indices must be integers, not " + StrRepr(fakeTypeName(key)))
		}
		return string(o[i]), nil
	case map[any]any:
		if i, ok := key.(int); ok {
			key = int64(i)
		}
		v, ok := o[key]
		if !ok {
			return nil, &Error{Kind: "KeyError", Msg: f.mustRepr(key)}
		}
		return v, nil
	}
	return nil, typeError("'" + fakeTypeName(obj) + "' object is not subscriptable")
}

func (f *fakeOps) mustRepr(o any) string { s, _ := f.Repr(o); return s }

func (f *fakeOps) Str(obj any) (string, error) {
	switch o := obj.(type) {
	case string:
		return o, nil
	case *fakeObj:
		return "obj-str", nil
	}
	return f.Repr(obj)
}

func (f *fakeOps) Repr(obj any) (string, error) {
	switch o := obj.(type) {
	case int64:
		return strconv.FormatInt(o, 10), nil
	case string:
		return StrRepr(o), nil
	case float64:
		return FloatRepr(o), nil
	case []any:
		parts := make([]string, len(o))
		for i, e := range o {
			parts[i] = f.mustRepr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case *fakeObj:
		return "Obj\u00e9", nil
	}
	return "?", nil
}

func (f *fakeOps) Format(obj any, spec string) (string, error) {
	if o, ok := obj.(*fakeObj); ok {
		_ = o
		return "Obj(" + spec + ")", nil
	}
	sp, err := ParseSpec(spec)
	if err != nil {
		return "", err
	}
	switch o := obj.(type) {
	case int64:
		return FormatInt64(o, sp, "int")
	case string:
		return FormatString(o, sp, "str")
	case float64:
		if spec == "" {
			return FloatRepr(o), nil
		}
		return FormatFloat(o, sp, "float")
	}
	if spec == "" {
		return f.Str(obj)
	}
	return "", typeError("unsupported format string passed to " + fakeTypeName(obj) + ".__format__")
}

func newFakeOps() *fakeOps {
	mk := func() *fakeObj {
		return &fakeObj{attrs: map[string]any{"x": int64(7), "y": "why", "l": []any{int64(1), int64(2)}}}
	}
	return &fakeOps{
		args: []any{int64(42), "abc", 3.5, []any{int64(10), int64(20), int64(30)}, mk()},
		kwargs: map[string]any{
			"name": "Bob",
			"d":    map[any]any{"k": "v", "0": "zero", int64(5): "five"},
			"o":    mk(), "w": int64(10), "p": int64(3), "f": ">",
		},
	}
}

func TestStrFormatTable(t *testing.T) {
	rows := readJSONL(t, "strformat.jsonl")
	for _, row := range rows {
		format := jstr(t, row[0])
		ops := newFakeOps()
		res := row[len(row)-1]
		if len(row) == 3 {
			ops.isMap = true
		}
		want := joutcome(t, res)
		got, err := StrFormat(format, ops)
		if msg := want.check(got, err); msg != "" {
			t.Errorf("%q.format(...): %s", format, msg)
		}
	}
	if len(rows) < 90 {
		t.Fatalf("only %d rows", len(rows))
	}
}

func TestParseFormat(t *testing.T) {
	fields, err := ParseFormat("a{{b{0.x[k]!r:>{w}}c}}")
	if err != nil {
		t.Fatal(err)
	}
	want := []Field{
		{Literal: "a{b", IsField: true, Name: "0.x[k]", Conversion: 'r', Spec: ">{w}", SpecHasFields: true},
		{Literal: "c}"},
	}
	if len(fields) != len(want) {
		t.Fatalf("got %+v", fields)
	}
	for i := range want {
		if fields[i] != want[i] {
			t.Errorf("field %d = %+v, want %+v", i, fields[i], want[i])
		}
	}
	fields, err = ParseFormat("x{}y{")
	if len(fields) != 1 || err == nil || err.Error() != "ValueError: Single '{' encountered in format string" {
		t.Errorf("got %+v, %v", fields, err)
	}
	for _, c := range []struct{ in, msg string }{
		{"}", "Single '}' encountered in format string"},
		{"{0", "expected '}' before end of string"},
		{"{0:", "unmatched '{' in format spec"},
		{"{a{", "unexpected '{' in field name"},
	} {
		_, err := ParseFormat(c.in)
		if pe, ok := err.(*Error); !ok || pe.Msg != c.msg {
			t.Errorf("ParseFormat(%q) error %v, want %q", c.in, err, c.msg)
		}
	}
}

func TestParseFieldName(t *testing.T) {
	fn, err := ParseFieldName("name.attr[3][key].z")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(fn)
	want := `{"Auto":false,"Index":-1,"Key":"name","Rest":[{"Attr":true,"Name":"attr","IsInt":false,"Index":0},{"Attr":false,"Name":"","IsInt":true,"Index":3},{"Attr":false,"Name":"key","IsInt":false,"Index":0},{"Attr":true,"Name":"z","IsInt":false,"Index":0}],"RestErr":null}`
	if string(b) != want {
		t.Errorf("got %s", b)
	}
	fn, _ = ParseFieldName("0.a.")
	if fn.Index != 0 || len(fn.Rest) != 1 || fn.RestErr == nil {
		t.Errorf("got %+v", fn)
	}
	var an AutoNumber
	a, _ := ParseFieldName("")
	if err := an.Resolve(&a); err != nil || a.Index != 0 {
		t.Errorf("auto: %+v %v", a, err)
	}
	m, _ := ParseFieldName("1")
	if err := an.Resolve(&m); err == nil || !strings.Contains(err.Error(), "automatic field numbering to manual") {
		t.Errorf("want switch error, got %v", err)
	}
}
