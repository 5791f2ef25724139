// namedtuple.go implements collections.namedtuple: each call makes a
// native class whose instances hold a tuple payload, with field
// properties, _fields, _field_defaults, _make, _asdict, _replace, and
// tuple behaviour (indexing, unpacking, comparison and hashing as tuples).

package collectionsmod

import (
	"strings"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

type ntData struct {
	tup *vm.Tuple
}

func (*ntData) Type() *vm.Type { return payloadType }

// TupleOf returns the items of a tuple or of a namedtuple instance.
func TupleOf(v vm.Value) ([]vm.Value, bool) {
	if tp, ok := v.Object().(*vm.Tuple); ok {
		return tp.Items(), true
	}
	if p, ok := vm.NativePayload(v); ok {
		if nt, ok := p.(*ntData); ok && nt.tup != nil {
			return nt.tup.Items(), true
		}
	}
	return nil, false
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r > 127 || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

func ntFactory(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	var namev, fieldsv, renamev, defaultsv, modulev vm.Value
	if err := vm.UnpackArgs("namedtuple", args, kw, []string{"typename", "field_names", "rename", "defaults", "module"}, 2, &namev, &fieldsv, &renamev, &defaultsv, &modulev); err != nil {
		return vm.Null, err
	}
	if npos := len(args) - len(kw); npos > 2 {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "namedtuple() takes 2 positional arguments but %d were given", npos)
	}
	name, ok := modutil.Str(namev)
	if !ok {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "namedtuple() argument 'typename' must be str")
	}
	var fields []string
	if s, ok := modutil.Str(fieldsv); ok {
		fields = strings.Fields(strings.ReplaceAll(s, ",", " "))
	} else {
		items, err := t.ToList(fieldsv)
		if err != nil {
			return vm.Null, err
		}
		for _, it := range items {
			s, err := t.Str(it)
			if err != nil {
				return vm.Null, err
			}
			fields = append(fields, s)
		}
	}
	rename := false
	if !renamev.IsNull() {
		b, err := t.Truth(renamev)
		if err != nil {
			return vm.Null, err
		}
		rename = b
	}
	if rename {
		seen := map[string]bool{}
		for i, f := range fields {
			if !isIdent(f) || keywords[f] || strings.HasPrefix(f, "_") || seen[f] {
				fields[i] = "_" + itoa(i)
			}
			seen[fields[i]] = true
		}
	}
	for _, n := range append([]string{name}, fields...) {
		if !isIdent(n) {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Type names and field names must be valid identifiers: '%s'", n)
		}
		if keywords[n] {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Type names and field names cannot be a keyword: '%s'", n)
		}
	}
	seen := map[string]bool{}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Field names cannot start with an underscore: '%s'", f)
		}
		if seen[f] {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Encountered duplicate field name: '%s'", f)
		}
		seen[f] = true
	}
	var defaults []vm.Value
	if !defaultsv.IsNull() && !defaultsv.IsNone() {
		d, err := t.ToList(defaultsv)
		if err != nil {
			return vm.Null, err
		}
		if len(d) > len(fields) {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Got more default values than field names")
		}
		defaults = d
	}
	module := "__main__"
	if !modulev.IsNull() && !modulev.IsNone() {
		module, _ = modutil.Str(modulev)
	}
	cls, err := newNamedTuple(t, name, fields, defaults, module)
	if err != nil {
		return vm.Null, err
	}
	return vm.Obj(cls), nil
}

// NewNamedTuple makes a namedtuple class from Go (time.struct_time, ...).
func NewNamedTuple(t *vm.Thread, name string, fields []string, module string) (*vm.Type, error) {
	return newNamedTuple(t, name, fields, nil, module)
}

func ntOf(self vm.Value, name string, cls *vm.Type) (*ntData, error) {
	p, ok := vm.NativePayload(self)
	if ok {
		if p == nil {
			nt := &ntData{tup: vm.NewTuple(nil)}
			vm.SetNativePayload(self, nt)
			return nt, nil
		}
		if nt, ok := p.(*ntData); ok {
			return nt, nil
		}
	}
	return nil, vm.DescriptorError(name, cls, self)
}

func newNamedTuple(t *vm.Thread, name string, fields []string, defaults []vm.Value, module string) (*vm.Type, error) {
	cls, err := vm.NewNativeClass(t, name, module, nil, nil)
	if err != nil {
		return nil, err
	}
	nf := len(fields)
	fieldVals := make([]vm.Value, nf)
	for i, f := range fields {
		fieldVals[i] = vm.StrValue(f)
	}
	vm.SetClassAttr(cls, "_fields", vm.TupleValue(fieldVals...))
	vm.SetClassAttr(cls, "__match_args__", vm.TupleValue(fieldVals...))
	fd := vm.NewDict()
	for i, d := range defaults {
		fd.Set(t, fieldVals[nf-len(defaults)+i], d)
	}
	vm.SetClassAttr(cls, "_field_defaults", vm.Obj(fd))
	qual := name + ".__new__"

	// bind maps constructor arguments to the field values.
	bind := func(args []vm.Value, kw []*vm.Str) ([]vm.Value, error) {
		npos := len(args) - len(kw)
		if npos > nf {
			if len(defaults) > 0 {
				return nil, vm.Errorf(vm.TypeErrorType, "%s() takes from %d to %d positional arguments but %d were given", qual, nf+1-len(defaults), nf+1, npos+1)
			}
			return nil, vm.Errorf(vm.TypeErrorType, "%s() takes %d positional arguments but %d were given", qual, nf+1, npos+1)
		}
		vals := make([]vm.Value, nf)
		copy(vals, args[:npos])
		for i, k := range kw {
			j := -1
			for fi, f := range fields {
				if f == k.String() {
					j = fi
				}
			}
			if j < 0 {
				return nil, vm.Errorf(vm.TypeErrorType, "%s() got an unexpected keyword argument '%s'", qual, k.String())
			}
			if !vals[j].IsNull() {
				return nil, vm.Errorf(vm.TypeErrorType, "%s() got multiple values for argument '%s'", qual, k.String())
			}
			vals[j] = args[npos+i]
		}
		var missing []string
		for i := range vals {
			if vals[i].IsNull() {
				if d := i - (nf - len(defaults)); d >= 0 {
					vals[i] = defaults[d]
				} else {
					missing = append(missing, "'"+fields[i]+"'")
				}
			}
		}
		if len(missing) > 0 {
			var list string
			switch len(missing) {
			case 1:
				list = missing[0]
			case 2:
				list = missing[0] + " and " + missing[1]
			default:
				list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
			}
			s := "s"
			if len(missing) == 1 {
				s = ""
			}
			return nil, vm.Errorf(vm.TypeErrorType, "%s() missing %d required positional argument%s: %s", qual, len(missing), s, list)
		}
		return vals, nil
	}

	type fn = func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error)
	method := func(mname string, min, max int, f fn) {
		vm.AddMethod(cls, mname, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			nt, err := ntOf(self, mname, cls)
			if err != nil {
				return vm.Null, err
			}
			if min >= 0 {
				if err := vm.CheckArgs(mname, args, kw, min, max); err != nil {
					return vm.Null, err
				}
			}
			return f(t, nt, self, args, kw)
		})
	}
	method("__init__", -1, -1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		vals, err := bind(args, kw)
		if err != nil {
			return vm.Null, err
		}
		nt.tup = vm.NewTuple(vals)
		return vm.None, nil
	})
	for i, f := range fields {
		i := i
		vm.SetClassAttr(cls, f, vm.NewProperty(vm.Obj(vm.NewBuiltin(f, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			nt, err := ntOf(args[0], f, cls)
			if err != nil {
				return vm.Null, err
			}
			items := nt.tup.Items()
			if i >= len(items) {
				return vm.None, nil
			}
			return items[i], nil
		})), vm.Null))
	}
	vm.AddClassMethod(cls, "_make", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("_make", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return vm.Null, err
		}
		if len(items) != nf {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Expected %d arguments, got %d", nf, len(items))
		}
		c, _ := self.Object().(*vm.Type)
		if c == cls {
			return vm.NewNativeInstance(cls, &ntData{tup: vm.NewTuple(items)}), nil
		}
		return t.Call(self, items, nil)
	})
	method("_asdict", 0, 0, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d := vm.NewDict()
		for i, v := range nt.tup.Items() {
			if err := d.Set(t, fieldVals[i], v); err != nil {
				return vm.Null, err
			}
		}
		return vm.Obj(d), nil
	})
	method("_replace", -1, -1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if len(args) > len(kw) {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "%s._replace() takes 1 positional argument but %d were given", name, len(args)-len(kw)+1)
		}
		vals := append([]vm.Value(nil), nt.tup.Items()...)
		var bad []string
		for i, k := range kw {
			found := false
			for fi, f := range fields {
				if f == k.String() {
					vals[fi] = args[i]
					found = true
				}
			}
			if !found {
				bad = append(bad, "'"+k.String()+"'")
			}
		}
		if len(bad) > 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Got unexpected field names: [%s]", strings.Join(bad, ", "))
		}
		if self.Type() == cls {
			return vm.NewNativeInstance(cls, &ntData{tup: vm.NewTuple(vals)}), nil
		}
		return t.Call(vm.Obj(self.Type()), vals, nil)
	})
	method("__getnewargs__", 0, 0, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Obj(nt.tup), nil
	})
	method("__repr__", 0, 0, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return reprWith(t, self, func() (string, error) {
			var b strings.Builder
			tn := self.Type().Name
			if self.Type().Module == "time" {
				tn = "time." + tn
			}
			b.WriteString(tn + "(")
			for i, v := range nt.tup.Items() {
				if i > 0 {
					b.WriteString(", ")
				}
				r, err := t.Repr(v)
				if err != nil {
					return "", err
				}
				if i < nf {
					b.WriteString(fields[i] + "=")
				}
				b.WriteString(r)
			}
			b.WriteString(")")
			return b.String(), nil
		}, "...")
	})
	method("__len__", 0, 0, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Int(int64(len(nt.tup.Items()))), nil
	})
	method("__iter__", 0, 0, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return t.Iter(vm.Obj(nt.tup))
	})
	method("__getitem__", 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return t.GetItem(vm.Obj(nt.tup), args[0])
	})
	method("__contains__", 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		ok, err := t.Contains(vm.Obj(nt.tup), args[0])
		return vm.Bool(ok), err
	})
	method("__hash__", 0, 0, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		h, err := t.Hash(vm.Obj(nt.tup))
		return vm.Int(h), err
	})
	method("count", 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return t.CallMethod(vm.Obj(nt.tup), "count", args, nil)
	})
	method("index", -1, -1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return t.CallMethod(vm.Obj(nt.tup), "index", args, kw)
	})
	for _, op := range []struct {
		name string
		op   compiler.CompareOp
	}{{"__eq__", compiler.CmpEq}, {"__ne__", compiler.CmpNe}, {"__lt__", compiler.CmpLt}, {"__le__", compiler.CmpLe}, {"__gt__", compiler.CmpGt}, {"__ge__", compiler.CmpGe}} {
		op := op
		method(op.name, 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			o, ok := TupleOf(args[0])
			if !ok {
				return vm.NotImplemented, nil
			}
			return t.Compare(op.op, vm.Obj(nt.tup), vm.TupleValue(o...))
		})
	}
	method("__add__", 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		o, ok := TupleOf(args[0])
		if !ok {
			return vm.NotImplemented, nil
		}
		return vm.TupleValue(append(append([]vm.Value(nil), nt.tup.Items()...), o...)...), nil
	})
	method("__radd__", 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		o, ok := TupleOf(args[0])
		if !ok {
			return vm.NotImplemented, nil
		}
		return vm.TupleValue(append(append([]vm.Value(nil), o...), nt.tup.Items()...)...), nil
	})
	method("__mul__", 1, 1, func(t *vm.Thread, nt *ntData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return t.BinaryOp(compiler.BinMul, vm.Obj(nt.tup), args[0])
	})
	return cls, nil
}
