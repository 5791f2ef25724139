// Package operatormod implements yflow's built-in operator module: the
// operators as functions (add, sub, lt, getitem, ...) and the callable
// helpers itemgetter, attrgetter and methodcaller.
package operatormod

import (
	"strings"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

var payloadType = vm.NewBuiltinType("_operator_payload", "operator", nil)

type getter struct {
	kind  int // 0 item, 1 attr, 2 method
	items []vm.Value
	args  []vm.Value
	kw    []*vm.Str
}

func (*getter) Type() *vm.Type { return payloadType }

// Module builds the operator module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("operator")
	def := func(names []string, n int, f func(t *vm.Thread, args []vm.Value) (vm.Value, error)) {
		for _, name := range names {
			name := name
			modutil.Def(m, name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
				if err := vm.CheckArgs(name, args, kw, n, n); err != nil {
					return vm.Null, err
				}
				return f(t, args)
			})
		}
	}
	bin := map[string]compiler.BinaryOp{"add": compiler.BinAdd, "sub": compiler.BinSub, "mul": compiler.BinMul,
		"matmul": compiler.BinMatMul, "truediv": compiler.BinTrueDiv, "floordiv": compiler.BinFloorDiv,
		"mod": compiler.BinMod, "pow": compiler.BinPow, "lshift": compiler.BinLShift, "rshift": compiler.BinRShift,
		"and_": compiler.BinAnd, "or_": compiler.BinOr, "xor": compiler.BinXor, "concat": compiler.BinAdd}
	for name, op := range bin {
		op := op
		base := strings.TrimSuffix(name, "_")
		def([]string{name, "__" + base + "__"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
			return t.BinaryOp(op, a[0], a[1])
		})
		if name != "concat" {
			def([]string{"i" + base, "__i" + base + "__"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
				return t.BinaryOp(op+compiler.InplaceOffset, a[0], a[1])
			})
		}
	}
	for name, op := range map[string]compiler.CompareOp{"lt": compiler.CmpLt, "le": compiler.CmpLe, "eq": compiler.CmpEq,
		"ne": compiler.CmpNe, "gt": compiler.CmpGt, "ge": compiler.CmpGe} {
		op := op
		def([]string{name, "__" + name + "__"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
			return t.Compare(op, a[0], a[1])
		})
	}
	for name, op := range map[string]compiler.UnaryOp{"neg": compiler.UnaryNeg, "pos": compiler.UnaryPos,
		"invert": compiler.UnaryInvert, "inv": compiler.UnaryInvert} {
		op := op
		def([]string{name, "__" + name + "__"}, 1, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
			return t.UnaryOp(op, a[0])
		})
	}
	def([]string{"not_", "__not__"}, 1, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		b, err := t.Truth(a[0])
		return vm.Bool(!b), err
	})
	def([]string{"truth"}, 1, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		b, err := t.Truth(a[0])
		return vm.Bool(b), err
	})
	def([]string{"abs", "__abs__"}, 1, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		f, _ := t.Interp().Builtins.GetStr(vm.Intern("abs"))
		return t.Call(f, a, nil)
	})
	def([]string{"index", "__index__"}, 1, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		b, err := modutil.Int(t, a[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.BigIntValue(b), nil
	})
	def([]string{"is_"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) { return vm.Bool(a[0].Is(a[1])), nil })
	def([]string{"is_not"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) { return vm.Bool(!a[0].Is(a[1])), nil })
	def([]string{"contains", "__contains__"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		b, err := t.Contains(a[0], a[1])
		return vm.Bool(b), err
	})
	def([]string{"countOf"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		n := 0
		err := t.Iterate(a[0], func(v vm.Value) error {
			eq, err := t.Equal(v, a[1])
			if eq {
				n++
			}
			return err
		})
		return vm.Int(int64(n)), err
	})
	def([]string{"getitem", "__getitem__"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) { return t.GetItem(a[0], a[1]) })
	def([]string{"setitem", "__setitem__"}, 3, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		return vm.None, t.SetItem(a[0], a[1], a[2])
	})
	def([]string{"delitem", "__delitem__"}, 2, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		return vm.None, t.DelItem(a[0], a[1])
	})
	def([]string{"length_hint"}, 1, func(t *vm.Thread, a []vm.Value) (vm.Value, error) {
		n, err := t.Len(a[0])
		if err != nil {
			return vm.Int(0), nil
		}
		return vm.Int(int64(n)), nil
	})

	cls, err := vm.NewNativeClass(t, "_getter", "operator", nil, nil)
	if err != nil {
		return nil, err
	}
	_ = cls
	mk := func(name string, kind int) (*vm.Type, error) {
		c, err := vm.NewNativeClass(t, name, "operator", nil, nil)
		if err != nil {
			return nil, err
		}
		gOf := func(v vm.Value) *getter {
			p, _ := vm.NativePayload(v)
			g, _ := p.(*getter)
			if g == nil {
				g = &getter{kind: kind}
			}
			return g
		}
		vm.AddMethod(c, "__init__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			g := &getter{kind: kind}
			npos := len(args) - len(kw)
			switch kind {
			case 2:
				if npos < 1 {
					return vm.Null, vm.Errorf(vm.TypeErrorType, "methodcaller needs at least one argument, the method name")
				}
				if _, ok := args[0].AsStr(); !ok {
					return vm.Null, vm.Errorf(vm.TypeErrorType, "method name must be a string")
				}
				g.items = []vm.Value{args[0]}
				g.args = append([]vm.Value(nil), args[1:]...)
				g.kw = append([]*vm.Str(nil), kw...)
			default:
				if err := vm.NoKw(name, kw); err != nil {
					return vm.Null, err
				}
				if npos < 1 {
					return vm.Null, vm.Errorf(vm.TypeErrorType, "%s expected 1 argument, got 0", name)
				}
				if kind == 1 {
					for _, a := range args {
						if _, ok := a.AsStr(); !ok {
							return vm.Null, vm.Errorf(vm.TypeErrorType, "attribute name must be a string")
						}
					}
				}
				g.items = append([]vm.Value(nil), args...)
			}
			vm.SetNativePayload(self, g)
			return vm.None, nil
		})
		get1 := func(t *vm.Thread, g *getter, obj, item vm.Value) (vm.Value, error) {
			if g.kind == 0 {
				return t.GetItem(obj, item)
			}
			s, _ := item.AsStr()
			for _, part := range strings.Split(s.String(), ".") {
				v, err := t.GetAttr(obj, vm.Intern(part))
				if err != nil {
					return vm.Null, err
				}
				obj = v
			}
			return obj, nil
		}
		vm.AddMethod(c, "__call__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			g := gOf(self)
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			if g.kind == 2 {
				s, _ := g.items[0].AsStr()
				return t.CallMethod(args[0], s.String(), g.args, g.kw)
			}
			if len(g.items) == 1 {
				return get1(t, g, args[0], g.items[0])
			}
			out := make([]vm.Value, len(g.items))
			for i, it := range g.items {
				v, err := get1(t, g, args[0], it)
				if err != nil {
					return vm.Null, err
				}
				out[i] = v
			}
			return vm.TupleValue(out...), nil
		})
		vm.AddMethod(c, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			g := gOf(self)
			var parts []string
			all := append(append([]vm.Value(nil), g.items...), g.args[:max(0, len(g.args)-len(g.kw))]...)
			for _, a := range all {
				r, err := t.Repr(a)
				if err != nil {
					return vm.Null, err
				}
				parts = append(parts, r)
			}
			for i, k := range g.kw {
				r, err := t.Repr(g.args[len(g.args)-len(g.kw)+i])
				if err != nil {
					return vm.Null, err
				}
				parts = append(parts, k.String()+"="+r)
			}
			return vm.StrValue("operator." + name + "(" + strings.Join(parts, ", ") + ")"), nil
		})
		m.Set(name, vm.Obj(c))
		return c, nil
	}
	for i, n := range []string{"itemgetter", "attrgetter", "methodcaller"} {
		if _, err := mk(n, i); err != nil {
			return nil, err
		}
	}
	return m, nil
}
