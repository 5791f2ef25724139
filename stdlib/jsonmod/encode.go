// encode.go implements json.dumps/json.dump as CPython's json encoder
// does: separators, indent, sort_keys, ensure_ascii, allow_nan, skipkeys,
// default, circular-reference detection, and its error messages.

package jsonmod

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"yflow/stdlib/collectionsmod"
	"yflow/vm"
)

type encoder struct {
	t           *vm.Thread
	indent      string
	hasIndent   bool
	itemSep     string
	keySep      string
	sortKeys    bool
	ensureASCII bool
	allowNaN    bool
	skipKeys    bool
	def         vm.Value
	markers     []vm.Value
	b           strings.Builder
}

// Quote encodes s as a JSON string literal (ensureASCII escapes every
// non-ASCII character as \uXXXX, with surrogate pairs).
func Quote(s string, ensureASCII bool) string {
	var b strings.Builder
	quoteTo(&b, s, ensureASCII)
	return b.String()
}

func quoteTo(b *strings.Builder, s string, ensureASCII bool) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			default:
				if c < 0x20 || c == 0x7f && ensureASCII {
					// ensure_ascii escapes everything outside ' '..'~'
					fmt.Fprintf(b, `\u%04x`, c)
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if ensureASCII {
			if r > 0xFFFF {
				r -= 0x10000
				fmt.Fprintf(b, `\u%04x\u%04x`, 0xD800|((r>>10)&0x3FF), 0xDC00|(r&0x3FF))
			} else {
				fmt.Fprintf(b, `\u%04x`, r)
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

func (e *encoder) floatStr(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if !e.allowNaN {
			return "", vm.Errorf(vm.ValueErrorType, "Out of range float values are not JSON compliant")
		}
		switch {
		case math.IsNaN(f):
			return "NaN", nil
		case f > 0:
			return "Infinity", nil
		}
		return "-Infinity", nil
	}
	return e.t.Repr(vm.Float(f))
}

func (e *encoder) enter(v vm.Value) error {
	for _, m := range e.markers {
		if m.Is(v) {
			return vm.Errorf(vm.ValueErrorType, "Circular reference detected")
		}
	}
	e.markers = append(e.markers, v)
	return nil
}

func (e *encoder) leave() { e.markers = e.markers[:len(e.markers)-1] }

func (e *encoder) newline(level int) {
	if e.hasIndent {
		e.b.WriteByte('\n')
		for i := 0; i < level; i++ {
			e.b.WriteString(e.indent)
		}
	}
}

func (e *encoder) encode(v vm.Value, level int) error {
	switch {
	case v.IsNone():
		e.b.WriteString("null")
		return nil
	case v.IsBool():
		if v.AsInt() != 0 {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
		return nil
	case vm.IsIntLike(v):
		s, err := e.t.Repr(v)
		e.b.WriteString(s)
		return err
	case v.IsFloat():
		s, err := e.floatStr(v.AsFloat())
		e.b.WriteString(s)
		return err
	}
	if s, ok := v.AsStr(); ok {
		quoteTo(&e.b, s.String(), e.ensureASCII)
		return nil
	}
	if d, ok := collectionsmod.DictOf(v); ok {
		return e.encodeDict(v, d, level)
	}
	var items []vm.Value
	isSeq := false
	switch x := v.Object().(type) {
	case *vm.List:
		items, isSeq = x.Items(), true
	default:
		items, isSeq = collectionsmod.TupleOf(v)
	}
	if isSeq {
		if err := e.enter(v); err != nil {
			return err
		}
		if len(items) == 0 {
			e.b.WriteString("[]")
			e.leave()
			return nil
		}
		e.b.WriteByte('[')
		for i := 0; i < len(items); i++ {
			if i > 0 {
				e.b.WriteString(e.itemSep)
			}
			e.newline(level + 1)
			if err := e.encode(items[i], level+1); err != nil {
				return err
			}
		}
		e.newline(level)
		e.b.WriteByte(']')
		e.leave()
		return nil
	}
	if e.def.IsNull() || e.def.IsNone() {
		return vm.Errorf(vm.TypeErrorType, "Object of type %s is not JSON serializable", v.Type().Name)
	}
	if err := e.enter(v); err != nil {
		return err
	}
	r, err := e.t.Call(e.def, []vm.Value{v}, nil)
	if err != nil {
		return err
	}
	err = e.encode(r, level)
	e.leave()
	return err
}

func (e *encoder) encodeDict(v vm.Value, d *vm.Dict, level int) error {
	if err := e.enter(v); err != nil {
		return err
	}
	defer e.leave()
	if d.Len() == 0 {
		e.b.WriteString("{}")
		return nil
	}
	var keys, vals []vm.Value
	d.Items(func(k, val vm.Value) bool {
		keys = append(keys, k)
		vals = append(vals, val)
		return true
	})
	if e.sortKeys {
		idx := make([]vm.Value, len(keys))
		for i := range keys {
			idx[i] = vm.Int(int64(i))
		}
		pairs := make([]vm.Value, len(keys))
		for i := range keys {
			pairs[i] = vm.TupleValue(keys[i], vm.Int(int64(i)))
		}
		sorted, err := e.t.SortValues(pairs, vm.Null, vm.Null)
		if err != nil {
			return err
		}
		nk, nv := make([]vm.Value, len(keys)), make([]vm.Value, len(keys))
		for i, p := range sorted {
			it := p.Object().(*vm.Tuple).Items()
			j := it[1].AsInt()
			nk[i], nv[i] = keys[j], vals[j]
		}
		keys, vals = nk, nv
	}
	e.b.WriteByte('{')
	first := true
	for i, k := range keys {
		var ks string
		switch {
		case k.IsNone():
			ks = "null"
		case k.IsBool():
			ks = "false"
			if k.AsInt() != 0 {
				ks = "true"
			}
		case vm.IsIntLike(k):
			s, err := e.t.Repr(k)
			if err != nil {
				return err
			}
			ks = s
		case k.IsFloat():
			s, err := e.floatStr(k.AsFloat())
			if err != nil {
				return err
			}
			ks = s
		default:
			s, ok := k.AsStr()
			if !ok {
				if e.skipKeys {
					continue
				}
				return vm.Errorf(vm.TypeErrorType, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
			}
			ks = s.String()
		}
		if !first {
			e.b.WriteString(e.itemSep)
		}
		first = false
		e.newline(level + 1)
		quoteTo(&e.b, ks, e.ensureASCII)
		e.b.WriteString(e.keySep)
		if err := e.encode(vals[i], level+1); err != nil {
			return err
		}
	}
	e.newline(level)
	e.b.WriteByte('}')
	return nil
}

var dumpsNames = []string{"obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"}

func dumpsArgs(t *vm.Thread, name string, args []vm.Value, kw []*vm.Str, names []string) (*encoder, []vm.Value, error) {
	vals := make([]vm.Value, len(names))
	ptrs := make([]*vm.Value, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := vm.UnpackArgs(name, args, kw, names, len(names)-len(dumpsNames)+1, ptrs...); err != nil {
		return nil, nil, err
	}
	npos := len(args) - len(kw)
	if want := len(names) - len(dumpsNames) + 1; npos > want {
		return nil, nil, vm.Errorf(vm.TypeErrorType, "%s() takes %d positional argument%s but %d were given", name, want, map[bool]string{true: "", false: "s"}[want == 1], npos)
	}
	off := len(names) - len(dumpsNames)
	opt := func(i int) vm.Value { return vals[off+i] }
	truth := func(i int, def bool) (bool, error) {
		if opt(i).IsNull() {
			return def, nil
		}
		return t.Truth(opt(i))
	}
	e := &encoder{t: t, itemSep: ", ", keySep: ": ", def: opt(8)}
	var err error
	if e.skipKeys, err = truth(1, false); err != nil {
		return nil, nil, err
	}
	if e.ensureASCII, err = truth(2, true); err != nil {
		return nil, nil, err
	}
	if e.allowNaN, err = truth(4, true); err != nil {
		return nil, nil, err
	}
	if e.sortKeys, err = truth(9, false); err != nil {
		return nil, nil, err
	}
	if ind := opt(6); !ind.IsNull() && !ind.IsNone() {
		e.hasIndent = true
		e.itemSep = ","
		if s, ok := ind.AsStr(); ok {
			e.indent = s.String()
		} else if vm.IsIntLike(ind) {
			n := ind.AsInt()
			if n > 0 {
				e.indent = strings.Repeat(" ", int(n))
			}
		} else {
			return nil, nil, vm.Errorf(vm.TypeErrorType, "can't multiply sequence by non-int of type '%s'", ind.Type().Name)
		}
	}
	if sep := opt(7); !sep.IsNull() && !sep.IsNone() {
		items, err := t.ToList(sep)
		if err != nil {
			return nil, nil, err
		}
		if len(items) != 2 {
			return nil, nil, vm.Errorf(vm.ValueErrorType, "too many values to unpack (expected 2)")
		}
		a, ok1 := items[0].AsStr()
		b, ok2 := items[1].AsStr()
		if !ok1 || !ok2 {
			return nil, nil, vm.Errorf(vm.TypeErrorType, "make_encoder() argument 6 must be str, not %s", items[0].Type().Name)
		}
		e.itemSep, e.keySep = a.String(), b.String()
	}
	if c := opt(5); !c.IsNull() && !c.IsNone() {
		// cls=SomeEncoder: honour its default method when it overrides one
		if dm := c.Type(); dm != nil {
			inst, err := t.Call(c, nil, nil)
			if err == nil {
				if d, err := t.GetAttr(inst, vm.Intern("default")); err == nil {
					e.def = d
				}
			}
		}
	}
	return e, vals, nil
}

func dumps(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	e, vals, err := dumpsArgs(t, "dumps", args, kw, dumpsNames)
	if err != nil {
		return vm.Null, err
	}
	if err := e.encode(vals[0], 0); err != nil {
		return vm.Null, err
	}
	return vm.StrValue(e.b.String()), nil
}

func dump(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	names := append([]string{"obj", "fp"}, dumpsNames[1:]...)
	e, vals, err := dumpsArgs(t, "dump", args, kw, names)
	if err != nil {
		return vm.Null, err
	}
	if err := e.encode(vals[0], 0); err != nil {
		return vm.Null, err
	}
	_, err = t.CallMethod(vals[1], "write", []vm.Value{vm.StrValue(e.b.String())}, nil)
	return vm.None, err
}
