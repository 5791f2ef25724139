// modsys.go defines the sys module, its struct sequences
// (sys.version_info, sys.float_info, sys.int_info) and the Python-visible
// standard streams.

package vm

import (
	"bufio"
	"math"
	"runtime"
	"strings"
)

// TextStream is sys.stdout / sys.stderr: a text file writing to a buffered writer.
type TextStream struct {
	name string
	w    *bufio.Writer
	in   *Interp
}

var textStreamType *Type

// Type implements Object.
func (*TextStream) Type() *Type { return textStreamType }

func setupStreamType() {
	textStreamType = newBuiltinType("TextIOWrapper", ObjectType)
	addMethod(textStreamType, "write", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("write", args, kw, 1, 1); err != nil {
			return Null, err
		}
		s, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "write() argument must be str, not %s", args[0].Type().Name)
		}
		ts := self.o.(*TextStream)
		if ts.name == "<stderr>" {
			ts.in.Stdout.Flush()
		}
		ts.w.WriteString(s.s)
		if ts.name == "<stderr>" {
			ts.w.Flush()
		}
		return Int(int64(s.Len())), nil
	})
	addMethod(textStreamType, "flush", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		self.o.(*TextStream).w.Flush()
		return None, nil
	})
	addMethod(textStreamType, "writelines", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		ts := self.o.(*TextStream)
		err := t.iterate(args[0], func(v Value) error {
			s, ok := v.o.(*Str)
			if !ok {
				return Errorf(TypeErrorType, "write() argument must be str, not %s", v.Type().Name)
			}
			ts.w.WriteString(s.s)
			return nil
		})
		return None, err
	})
	addMethod(textStreamType, "isatty", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return False, nil
	})
	textStreamType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		switch name {
		case "name":
			return StrValue(o.o.(*TextStream).name), true, nil
		case "encoding":
			return StrValue("utf-8"), true, nil
		}
		return Null, false, nil
	}
}

// newSysModule builds sys.
func newSysModule(t *Thread) (*Module, error) {
	in := t.in
	m := NewModule("sys")
	argv := make([]Value, len(in.Argv))
	for i, a := range in.Argv {
		argv[i] = StrValue(a)
	}
	m.Set("argv", Obj(NewList(argv)))
	m.Set("modules", Obj(in.Modules))
	if in.sysPath == nil {
		var p []Value
		for _, d := range in.Path {
			p = append(p, StrValue(d))
		}
		in.sysPath = NewList(p)
	}
	m.Set("path", Obj(in.sysPath))
	m.Set("stdin", in.stdinObj)
	m.Set("__stdin__", in.stdinObj)
	m.Set("stdout", in.stdoutObj)
	m.Set("stderr", in.stderrObj)
	m.Set("__stdout__", in.stdoutObj)
	m.Set("__stderr__", in.stderrObj)
	m.Set("platform", StrValue(runtime.GOOS))
	m.Set("byteorder", StrValue("little"))
	m.Set("maxsize", Int(1<<63-1))
	m.Set("version", StrValue("3.11.0 (yflow)"))
	for _, sq := range []struct {
		name   string
		fields []string
		vals   []Value
	}{
		{"version_info", []string{"major", "minor", "micro", "releaselevel", "serial"},
			[]Value{Int(3), Int(11), Int(0), StrValue("final"), Int(0)}},
		{"float_info", []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
			"dig", "mant_dig", "epsilon", "radix", "rounds"},
			[]Value{Float(math.MaxFloat64), Int(1024), Int(308), Float(0x1p-1022), Int(-1021), Int(-307),
				Int(15), Int(53), Float(0x1p-52), Int(2), Int(1)}},
		// CPython's values: yflow's big ints have no digit size of their own
		// worth reporting, and the str-conversion limits are CPython's
		{"int_info", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
			[]Value{Int(30), Int(4), Int(4300), Int(640)}},
	} {
		v, err := newStructSeq(t, "sys", sq.name, sq.fields, sq.vals)
		if err != nil {
			return nil, err
		}
		m.Set(sq.name, v)
	}
	m.Set("implementation", StrValue("yflow"))
	m.Set("executable", StrValue("yflow"))
	m.Set("builtin_module_names", TupleValue(StrValue("sys"), StrValue("builtins")))
	fn := func(name string, f BuiltinFn) { m.Set(name, Obj(NewBuiltin(name, f))) }
	fn("exit", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("exit", args, kw, 0, 1); err != nil {
			return Null, err
		}
		return Null, NewException(SystemExitType, args...)
	})
	fn("setrecursionlimit", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("setrecursionlimit", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return Null, err
		}
		if n < 1 {
			return Null, Errorf(ValueErrorType, "recursion limit must be greater or equal than 1")
		}
		t.in.recursionLimit = int(n)
		return None, nil
	})
	fn("getrecursionlimit", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(t.in.recursionLimit)), nil
	})
	fn("set_asyncgen_hooks", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var first, fin Value
		if err := unpackArgs("set_asyncgen_hooks", args, kw, []string{"firstiter", "finalizer"}, 0, &first, &fin); err != nil {
			return Null, err
		}
		for _, h := range []struct {
			name string
			v    Value
		}{{"finalizer", fin}, {"firstiter", first}} {
			if h.v.o != nil && !h.v.IsNone() && !Callable(h.v) {
				return Null, Errorf(TypeErrorType, "callable %s expected, got %s", h.name, h.v.Type().Name)
			}
		}
		set := func(dst *Value, v Value) {
			if v.o == nil {
				return
			}
			if v.IsNone() {
				*dst = Null
			} else {
				*dst = v
			}
		}
		set(&t.agFirstIter, first)
		set(&t.agFinalizer, fin)
		return None, nil
	})
	fn("get_asyncgen_hooks", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("get_asyncgen_hooks", args, kw, 0, 0); err != nil {
			return Null, err
		}
		orNone := func(v Value) Value {
			if v.o == nil {
				return None
			}
			return v
		}
		return newStructSeq(t, "builtins", "asyncgen_hooks", []string{"firstiter", "finalizer"}, []Value{orNone(t.agFirstIter), orNone(t.agFinalizer)})
	})
	fn("getswitchinterval", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("getswitchinterval", args, kw, 0, 0); err != nil {
			return Null, err
		}
		return Float(float64(t.in.gil.interval.Load()) / 1e9), nil
	})
	fn("setswitchinterval", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("setswitchinterval", args, kw, 1, 1); err != nil {
			return Null, err
		}
		secs, ok := toFloat(args[0])
		if !ok {
			return Null, Errorf(TypeErrorType, "must be real number, not %s", args[0].Type().Name)
		}
		if !(secs > 0) {
			return Null, Errorf(ValueErrorType, "switch interval must be strictly positive")
		}
		t.in.gil.interval.Store(int64(secs * 1e9))
		return None, nil
	})
	fn("exc_info", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		h := t.currentHandled()
		if h.o == nil || h.IsNone() {
			return TupleValue(None, None, None), nil
		}
		e := h.o.(*Exception)
		tb := None
		if e.tb != nil {
			tb = Obj(e.tb)
		}
		return TupleValue(Obj(e.cls), h, tb), nil
	})
	fn("exception", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return t.currentHandled(), nil
	})
	fn("_getframe", getFrame)
	fn("set_int_max_str_digits", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		var n Value
		if err := unpackArgs("set_int_max_str_digits", args, kw, []string{"maxdigits"}, 1, &n); err != nil {
			return Null, err
		}
		v, err := t.Index(n)
		if err != nil {
			return Null, err
		}
		if v != 0 && v < 640 {
			return Null, Errorf(ValueErrorType, "maxdigits must be 0 or larger than 640")
		}
		t.in.maxStrDigits = int(v)
		return None, nil
	})
	fn("get_int_max_str_digits", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return Int(int64(t.in.maxStrDigits)), nil
	})
	fn("getsizeof", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return Int(64), nil
	})
	fn("intern", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if s, ok := args[0].o.(*Str); ok {
			return Obj(Intern(s.s)), nil
		}
		return Null, Errorf(TypeErrorType, "intern() argument must be str")
	})
	return m, nil
}

// newStructSeq makes a struct sequence type, as CPython's C modules
// define them, and its one instance holding vals: a tuple subclass named
// module.name (no __dict__) whose fields are read-only properties reading
// the tuple's items, with n_fields, __match_args__ and the repr
// "sys.version_info(major=3, ...)".
func newStructSeq(t *Thread, module, name string, fields []string, vals []Value) (Value, error) {
	ns := NewDict()
	ns.SetStr(strModule, StrValue(module))
	ns.SetStr(strSlots, Obj(emptyTuple))
	names := make([]Value, len(fields))
	for i, f := range fields {
		names[i] = StrValue(f)
	}
	ns.SetStr(Intern("__match_args__"), Obj(NewTuple(names)))
	for _, k := range []string{"n_fields", "n_sequence_fields"} {
		ns.SetStr(Intern(k), Int(int64(len(fields))))
	}
	ns.SetStr(Intern("n_unnamed_fields"), Int(0))
	readonly := Obj(NewBuiltin("readonly", func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		return Null, Errorf(AttributeErrorType, "readonly attribute")
	}))
	for i, f := range fields {
		i := i
		get := NewBuiltin(f, func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
			if len(args) > 0 {
				if tp, ok := unwrapSelf(args[0]).o.(*Tuple); ok && i < len(tp.items) {
					return tp.items[i], nil
				}
			}
			return Null, Errorf(TypeErrorType, "descriptor '%s' for '%s.%s' objects doesn't apply to this object", f, module, name)
		})
		ns.SetStr(Intern(f), Obj(&Property{fget: Obj(get), fset: readonly}))
	}
	// the built-in methods of a tuple subclass receive the tuple itself,
	// so __repr__ is owned by tuple and knows its type's name
	full := module + "." + name
	if module == "builtins" {
		full = name
	}
	ns.SetStr(Intern("__repr__"), Obj(&MethodDescr{name: "__repr__", owner: TupleType, fn: func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		tp, ok := self.o.(*Tuple)
		if !ok {
			return Null, descrError("__repr__", TupleType, self)
		}
		var b strings.Builder
		b.WriteString(full + "(")
		for i, v := range tp.items {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := t.Repr(v)
			if err != nil {
				return Null, err
			}
			if i < len(fields) {
				b.WriteString(fields[i] + "=")
			}
			b.WriteString(r)
		}
		b.WriteByte(')')
		return StrValue(b.String()), nil
	}}))
	cls, err := NewClass(t, name, module, []*Type{TupleType}, ns)
	if err != nil {
		return Null, err
	}
	in := newInstance(cls)
	in.base = Obj(NewTuple(vals))
	return Obj(in), nil
}

// ExitStatus is the process status for an uncaught SystemExit, printing
// its message (if not an int) to stderr as CPython does.
func (in *Interp) ExitStatus(exc *Exception) int {
	var code Value = None
	switch len(exc.args) {
	case 0:
	case 1:
		code = exc.args[0]
	default:
		code = Obj(NewTuple(exc.args))
	}
	if code.IsNone() {
		return 0
	}
	if code.IsInt() || code.IsBool() {
		return int(code.AsInt()) & 0xff
	}
	s, err := in.mainThread.Str(code)
	if err != nil {
		s = "?"
	}
	in.Stdout.Flush()
	in.Stderr.WriteString(s + "\n")
	return 1
}
