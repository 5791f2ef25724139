// Package modutil holds helpers shared by yflow's built-in modules:
// defining functions on modules and converting arguments the way
// CPython's C modules do.
package modutil

import (
	"math"
	"math/big"

	"yflow/vm"
)

// Def adds a built-in function named name to module m.
func Def(m *vm.Module, name string, fn vm.BuiltinFn) {
	m.Set(name, vm.Obj(vm.NewBuiltin(name, fn)))
}

// TypeName is the class name of v, as error messages show it.
func TypeName(v vm.Value) string { return v.Type().Name }

// Float converts a real number argument to float64 as CPython's
// PyFloat_AsDouble does: floats, ints (OverflowError when too large),
// bools, and objects with __float__ or __index__.
func Float(t *vm.Thread, v vm.Value) (float64, error) {
	if v.IsFloat() {
		return v.AsFloat(), nil
	}
	if v.IsInt() || v.IsBool() {
		return float64(v.AsInt()), nil
	}
	if b, ok := v.AsBig(); ok {
		f, _ := new(big.Float).SetInt(b).Float64()
		if math.IsInf(f, 0) {
			return 0, vm.Errorf(vm.OverflowErrorType, "int too large to convert to float")
		}
		return f, nil
	}
	if m := v.Type().LookupString("__float__"); !m.IsNull() {
		r, err := t.CallMethod(v, "__float__", nil, nil)
		if err != nil {
			return 0, err
		}
		if !r.IsFloat() {
			return 0, vm.Errorf(vm.TypeErrorType, "%s.__float__ returned non-float (type %s)", TypeName(v), TypeName(r))
		}
		return r.AsFloat(), nil
	}
	if m := v.Type().LookupString("__index__"); !m.IsNull() {
		i, err := t.Index(v)
		return float64(i), err
	}
	return 0, vm.Errorf(vm.TypeErrorType, "must be real number, not %s", TypeName(v))
}

// Int converts an integer argument (int, bool or an object with
// __index__) to a big.Int, with CPython's TypeError otherwise.
func Int(t *vm.Thread, v vm.Value) (*big.Int, error) {
	if b, ok := v.AsBig(); ok {
		return b, nil
	}
	if m := v.Type().LookupString("__index__"); !m.IsNull() {
		r, err := t.CallMethod(v, "__index__", nil, nil)
		if err != nil {
			return nil, err
		}
		if b, ok := r.AsBig(); ok {
			return b, nil
		}
		return nil, vm.Errorf(vm.TypeErrorType, "__index__ returned non-int (type %s)", TypeName(r))
	}
	return nil, vm.Errorf(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", TypeName(v))
}

// Int64 is Int for values that must fit in an int64 (OverflowError
// otherwise, with CPython's message).
func Int64(t *vm.Thread, v vm.Value) (int64, error) {
	if v.IsInt() || v.IsBool() {
		return v.AsInt(), nil
	}
	b, err := Int(t, v)
	if err != nil {
		return 0, err
	}
	if !b.IsInt64() {
		return 0, vm.Errorf(vm.OverflowErrorType, "Python int too large to convert to C long")
	}
	return b.Int64(), nil
}

// IntValue makes an int Value of a big.Int.
func IntValue(b *big.Int) vm.Value { return vm.BigIntValue(b) }

// FloatToInt converts an integral float to an int Value (big when
// needed); the float must be finite.
func FloatToInt(f float64) vm.Value {
	if f >= -9.2e18 && f <= 9.2e18 {
		return vm.Int(int64(f))
	}
	b, _ := big.NewFloat(f).Int(nil)
	return vm.BigIntValue(b)
}

// Str returns v's string when v is a str.
func Str(v vm.Value) (string, bool) {
	if s, ok := v.AsStr(); ok {
		return s.String(), true
	}
	return "", false
}

// Opt returns v, or def when v is NULL (an omitted optional argument).
func Opt(v, def vm.Value) vm.Value {
	if v.IsNull() {
		return def
	}
	return v
}
