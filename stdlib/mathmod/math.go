// Package mathmod implements yflow's built-in math module, following
// CPython 3.11's mathmodule.c: the same results, special cases and error
// messages ("math domain error", "math range error").
package mathmod

import (
	"math"
	"math/big"
	"yflow/vm/libm"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

func domainError() error { return vm.Errorf(vm.ValueErrorType, "math domain error") }
func rangeError() error  { return vm.Errorf(vm.OverflowErrorType, "math range error") }

// check applies CPython's math_1 error rules to r = f(x).
func check(x, r float64, canOverflow bool) (vm.Value, error) {
	if math.IsNaN(r) && !math.IsNaN(x) {
		return vm.Null, domainError()
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
		if canOverflow {
			return vm.Null, rangeError()
		}
		return vm.Null, domainError()
	}
	return vm.Float(r), nil
}

func one(name string, f func(float64) float64, canOverflow bool) vm.BuiltinFn {
	return func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		x, err := modutil.Float(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		return check(x, f(x), canOverflow)
	}
}

func two(name string, args []vm.Value, kw []*vm.Str, t *vm.Thread) (float64, float64, error) {
	if err := vm.CheckArgs(name, args, kw, 2, 2); err != nil {
		return 0, 0, err
	}
	x, err := modutil.Float(t, args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := modutil.Float(t, args[1])
	return x, y, err
}

// Module builds the math module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("math")
	m.Set("pi", vm.Float(math.Pi))
	m.Set("e", vm.Float(math.E))
	m.Set("tau", vm.Float(2*math.Pi))
	m.Set("inf", vm.Float(math.Inf(1)))
	m.Set("nan", vm.Float(math.NaN()))
	def := func(name string, fn vm.BuiltinFn) { modutil.Def(m, name, fn) }

	def("sqrt", one("sqrt", math.Sqrt, false))
	def("exp", one("exp", libm.Exp, true))
	def("exp2", one("exp2", math.Exp2, true))
	def("expm1", one("expm1", libm.Expm1, true))
	def("log1p", one("log1p", func(x float64) float64 {
		if x <= -1 {
			return math.NaN()
		}
		return libm.Log1p(x)
	}, false))
	def("sin", one("sin", libm.Sin, false))
	def("cos", one("cos", libm.Cos, false))
	def("tan", one("tan", libm.Tan, false))
	def("asin", one("asin", libm.Asin, false))
	def("acos", one("acos", libm.Acos, false))
	def("atan", one("atan", libm.Atan, false))
	def("sinh", one("sinh", libm.Sinh, true))
	def("cosh", one("cosh", libm.Cosh, true))
	def("tanh", one("tanh", libm.Tanh, false))
	def("asinh", one("asinh", libm.Asinh, false))
	def("acosh", one("acosh", libm.Acosh, false))
	def("atanh", one("atanh", func(x float64) float64 {
		if x <= -1 || x >= 1 {
			return math.NaN()
		}
		return libm.Atanh(x)
	}, false))
	def("erf", one("erf", libm.Erf, false))
	def("erfc", one("erfc", libm.Erfc, false))
	def("gamma", one("gamma", func(x float64) float64 {
		if x == math.Floor(x) && x <= 0 {
			return math.NaN()
		}
		return libm.Gamma(x)
	}, true))
	def("lgamma", one("lgamma", func(x float64) float64 {
		if x == math.Floor(x) && x <= 0 {
			return math.Inf(1)
		}
		r := libm.Lgamma(x)
		return r
	}, true))
	def("fabs", one("fabs", math.Abs, false))
	def("degrees", one("degrees", func(x float64) float64 { return x * (180 / math.Pi) }, true))
	def("radians", one("radians", func(x float64) float64 { return x * (math.Pi / 180) }, false))
	def("cbrt", one("cbrt", libm.Cbrt, false))
	def("ulp", one("ulp", func(x float64) float64 {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return math.Abs(x)
		}
		x = math.Abs(x)
		if x == math.MaxFloat64 {
			return x - math.Nextafter(x, 0)
		}
		return math.Nextafter(x, math.Inf(1)) - x
	}, false))

	def("floor", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return rounding(t, "floor", "__floor__", math.Floor, args, kw)
	})
	def("ceil", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return rounding(t, "ceil", "__ceil__", math.Ceil, args, kw)
	})
	def("trunc", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("trunc", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		x := args[0]
		if x.IsFloat() {
			return floatToInt(math.Trunc(x.AsFloat()))
		}
		if x.Type().LookupString("__trunc__").IsNull() {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "type %s doesn't define __trunc__ method", x.Type().Name)
		}
		return t.CallMethod(x, "__trunc__", nil, nil)
	})

	def("pow", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		x, y, err := two("pow", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		return powFloat(x, y)
	})
	def("atan2", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		y, x, err := two("atan2", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(libm.Atan2(y, x)), nil
	})
	def("copysign", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		x, y, err := two("copysign", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(math.Copysign(x, y)), nil
	})
	def("fmod", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		x, y, err := two("fmod", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return vm.Float(x), nil
		}
		r := math.Mod(x, y)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return vm.Null, domainError()
		}
		return vm.Float(r), nil
	})
	def("remainder", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		x, y, err := two("remainder", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		r := math.Remainder(x, y)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return vm.Null, domainError()
		}
		return vm.Float(r), nil
	})
	def("nextafter", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		x, y, err := two("nextafter", args, kw, t)
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(math.Nextafter(x, y)), nil
	})
	def("ldexp", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("ldexp", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		x, err := modutil.Float(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if args[1].IsFloat() {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Expected an int as second argument to ldexp.")
		}
		eb, err := modutil.Int(t, args[1])
		if err != nil {
			return vm.Null, err
		}
		if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
			return vm.Float(x), nil
		}
		var e int
		switch {
		case eb.Cmp(big.NewInt(100000)) > 0:
			e = 100000
		case eb.Cmp(big.NewInt(-100000)) < 0:
			e = -100000
		default:
			e = int(eb.Int64())
		}
		r := math.Ldexp(x, e)
		if math.IsInf(r, 0) {
			return vm.Null, rangeError()
		}
		return vm.Float(r), nil
	})
	def("frexp", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("frexp", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		x, err := modutil.Float(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
			return vm.TupleValue(vm.Float(x), vm.Int(0)), nil
		}
		fr, e := math.Frexp(x)
		return vm.TupleValue(vm.Float(fr), vm.Int(int64(e))), nil
	})
	def("modf", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("modf", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		x, err := modutil.Float(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if math.IsInf(x, 0) {
			return vm.TupleValue(vm.Float(math.Copysign(0, x)), vm.Float(x)), nil
		}
		ip, fp := math.Modf(x)
		return vm.TupleValue(vm.Float(fp), vm.Float(ip)), nil
	})
	def("log", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("log", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		num, err := logOf(t, args[0], libm.Log)
		if err != nil {
			return vm.Null, err
		}
		if len(args) == 1 {
			return vm.Float(num), nil
		}
		den, err := logOf(t, args[1], libm.Log)
		if err != nil {
			return vm.Null, err
		}
		if den == 0 {
			return vm.Null, vm.Errorf(vm.ZeroDivisionErrorType, "float division by zero")
		}
		return vm.Float(num / den), nil
	})
	def("log2", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("log2", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		r, err := logOf(t, args[0], libm.Log2)
		return vm.Float(r), err
	})
	def("log10", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("log10", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		r, err := logOf(t, args[0], libm.Log10)
		return vm.Float(r), err
	})
	def("hypot", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.NoKw("hypot", kw); err != nil {
			return vm.Null, err
		}
		xs := make([]float64, len(args))
		for i, a := range args {
			f, err := modutil.Float(t, a)
			if err != nil {
				return vm.Null, err
			}
			xs[i] = f
		}
		return vm.Float(hypot(xs)), nil
	})
	def("dist", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("dist", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		p, err := t.ToList(args[0])
		if err != nil {
			return vm.Null, err
		}
		q, err := t.ToList(args[1])
		if err != nil {
			return vm.Null, err
		}
		if len(p) != len(q) {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "both points must have the same number of dimensions")
		}
		xs := make([]float64, len(p))
		for i := range p {
			a, err := modutil.Float(t, p[i])
			if err != nil {
				return vm.Null, err
			}
			b, err := modutil.Float(t, q[i])
			if err != nil {
				return vm.Null, err
			}
			xs[i] = a - b
		}
		return vm.Float(hypot(xs)), nil
	})
	pred := func(name string, f func(float64) bool) {
		def(name, func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
				return vm.Null, err
			}
			x, err := modutil.Float(t, args[0])
			if err != nil {
				return vm.Null, err
			}
			return vm.Bool(f(x)), nil
		})
	}
	pred("isnan", math.IsNaN)
	pred("isinf", func(x float64) bool { return math.IsInf(x, 0) })
	pred("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) })
	def("isclose", isclose)

	def("gcd", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.NoKw("gcd", kw); err != nil {
			return vm.Null, err
		}
		res := new(big.Int)
		for _, a := range args {
			b, err := modutil.Int(t, a)
			if err != nil {
				return vm.Null, err
			}
			res.GCD(nil, nil, res.Abs(res), b.Abs(b))
		}
		return vm.BigIntValue(res), nil
	})
	def("lcm", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.NoKw("lcm", kw); err != nil {
			return vm.Null, err
		}
		res := big.NewInt(1)
		for _, a := range args {
			b, err := modutil.Int(t, a)
			if err != nil {
				return vm.Null, err
			}
			b.Abs(b)
			if b.Sign() == 0 || res.Sign() == 0 {
				res.SetInt64(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, res, b)
			res.Mul(res, b.Quo(b, g))
		}
		return vm.BigIntValue(res), nil
	})
	def("factorial", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("factorial", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		n, err := modutil.Int(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if n.Sign() < 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "factorial() not defined for negative values")
		}
		if !n.IsInt64() || n.Int64() > 1<<20 {
			return vm.Null, vm.Errorf(vm.OverflowErrorType, "factorial() argument should not exceed %d", int64(math.MaxInt64))
		}
		return vm.BigIntValue(new(big.Int).MulRange(1, n.Int64())), nil
	})
	def("isqrt", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("isqrt", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		n, err := modutil.Int(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if n.Sign() < 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "isqrt() argument must be nonnegative")
		}
		return vm.BigIntValue(n.Sqrt(n)), nil
	})
	def("comb", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("comb", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		n, k, err := nk(t, args[0], args[1])
		if err != nil {
			return vm.Null, err
		}
		if k > n {
			return vm.Int(0), nil
		}
		return vm.BigIntValue(new(big.Int).Binomial(n, k)), nil
	})
	def("perm", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("perm", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		kv := vm.None
		if len(args) == 2 {
			kv = args[1]
		}
		if kv.IsNone() {
			kv = args[0]
		}
		n, k, err := nk(t, args[0], kv)
		if err != nil {
			return vm.Null, err
		}
		if k > n {
			return vm.Int(0), nil
		}
		if k == 0 {
			return vm.Int(1), nil
		}
		return vm.BigIntValue(new(big.Int).MulRange(n-k+1, n)), nil
	})
	def("prod", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var it, start vm.Value
		if err := vm.UnpackArgs("prod", args, kw, []string{"", "start"}, 1, &it, &start); err != nil {
			return vm.Null, err
		}
		if len(args)-len(kw) > 1 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "prod() takes exactly 1 positional argument (%d given)", len(args)-len(kw))
		}
		acc := modutil.Opt(start, vm.Int(1))
		err := t.Iterate(it, func(v vm.Value) error {
			r, err := t.BinaryOp(compiler.BinMul, acc, v)
			acc = r
			return err
		})
		return acc, err
	})
	def("fsum", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("fsum", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		var xs []float64
		err := t.Iterate(args[0], func(v vm.Value) error {
			f, err := modutil.Float(t, v)
			xs = append(xs, f)
			return err
		})
		if err != nil {
			return vm.Null, err
		}
		r, err := Fsum(xs)
		return vm.Float(r), err
	})
	return m, nil
}

func nk(t *vm.Thread, nv, kv vm.Value) (int64, int64, error) {
	n, err := modutil.Int(t, nv)
	if err != nil {
		return 0, 0, err
	}
	k, err := modutil.Int(t, kv)
	if err != nil {
		return 0, 0, err
	}
	if n.Sign() < 0 {
		return 0, 0, vm.Errorf(vm.ValueErrorType, "n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return 0, 0, vm.Errorf(vm.ValueErrorType, "k must be a non-negative integer")
	}
	if !n.IsInt64() || !k.IsInt64() {
		return 0, 0, vm.Errorf(vm.OverflowErrorType, "Python int too large to convert to C long")
	}
	return n.Int64(), k.Int64(), nil
}

func floatToInt(f float64) (vm.Value, error) {
	if math.IsNaN(f) {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "cannot convert float NaN to integer")
	}
	if math.IsInf(f, 0) {
		return vm.Null, vm.Errorf(vm.OverflowErrorType, "cannot convert float infinity to integer")
	}
	return modutil.FloatToInt(f), nil
}

func rounding(t *vm.Thread, name, special string, f func(float64) float64, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	if err := vm.CheckArgs(name, args, kw, 1, 1); err != nil {
		return vm.Null, err
	}
	x := args[0]
	switch {
	case x.IsFloat():
		return floatToInt(f(x.AsFloat()))
	case x.IsBool():
		return vm.Int(x.AsInt()), nil
	case vm.IsIntLike(x):
		return x, nil
	}
	if !x.Type().LookupString(special).IsNull() {
		return t.CallMethod(x, special, nil, nil)
	}
	fl, err := modutil.Float(t, x)
	if err != nil {
		return vm.Null, err
	}
	return floatToInt(f(fl))
}

func powFloat(x, y float64) (vm.Value, error) {
	if math.IsNaN(x) || math.IsNaN(y) {
		if y == 0 || x == 1 {
			return vm.Float(1), nil
		}
		return vm.Float(math.NaN()), nil
	}
	r := libm.Pow(x, y)
	if math.IsNaN(r) {
		return vm.Null, domainError()
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		if x == 0 {
			return vm.Null, domainError()
		}
		return vm.Null, rangeError()
	}
	return vm.Float(r), nil
}

// logOf is log(v) for a real or a (possibly huge) int, "math domain
// error" for non-positive arguments.
func logOf(t *vm.Thread, v vm.Value, f func(float64) float64) (float64, error) {
	if b, ok := v.AsBig(); ok && !v.IsBool() {
		if b.Sign() <= 0 {
			return 0, domainError()
		}
		if x, _ := new(big.Float).SetInt(b).Float64(); !math.IsInf(x, 0) {
			return f(x), nil
		}
		// too large for a float: log(m * 2**e) = log(m) + log(2)*e, m in [0.5, 1)
		bf := new(big.Float).SetPrec(53).SetInt(b)
		mant := new(big.Float)
		e := bf.MantExp(mant)
		mf, _ := mant.Float64()
		return f(mf) + f(2.0)*float64(e), nil
	}
	x, err := modutil.Float(t, v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(x) {
		return x, nil
	}
	if x <= 0 {
		return 0, domainError()
	}
	return f(x), nil
}

func hypot(xs []float64) float64 {
	max := 0.0
	nan := false
	for _, x := range xs {
		x = math.Abs(x)
		if math.IsInf(x, 0) {
			return math.Inf(1)
		}
		if math.IsNaN(x) {
			nan = true
		}
		if x > max {
			max = x
		}
	}
	if nan {
		return math.NaN()
	}
	switch len(xs) {
	case 0:
		return 0
	case 1:
		return math.Abs(xs[0])
	case 2:
		return libm.Hypot(xs[0], xs[1])
	}
	if max == 0 {
		return 0
	}
	// scaled sum of squares, compensated
	sum, c := 0.0, 0.0
	for _, x := range xs {
		q := x / max
		y := q*q - c
		s := sum + y
		c = (s - sum) - y
		sum = s
	}
	return max * math.Sqrt(sum)
}

func isclose(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	var av, bv, relv, absv vm.Value
	if err := vm.UnpackArgs("isclose", args, kw, []string{"a", "b", "rel_tol", "abs_tol"}, 2, &av, &bv, &relv, &absv); err != nil {
		return vm.Null, err
	}
	if len(args)-len(kw) > 2 {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "isclose() takes exactly 2 positional arguments (%d given)", len(args)-len(kw))
	}
	a, err := modutil.Float(t, av)
	if err != nil {
		return vm.Null, err
	}
	b, err := modutil.Float(t, bv)
	if err != nil {
		return vm.Null, err
	}
	rel, abs := 1e-9, 0.0
	if !relv.IsNull() {
		if rel, err = modutil.Float(t, relv); err != nil {
			return vm.Null, err
		}
	}
	if !absv.IsNull() {
		if abs, err = modutil.Float(t, absv); err != nil {
			return vm.Null, err
		}
	}
	if rel < 0 || abs < 0 {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "tolerances must be non-negative")
	}
	if a == b {
		return vm.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return vm.False, nil
	}
	diff := math.Abs(b - a)
	return vm.Bool((diff <= math.Abs(rel*b)) || (diff <= math.Abs(rel*a)) || diff <= abs), nil
}

// Fsum is CPython's math.fsum: the correctly rounded sum of xs
// (Shewchuk's algorithm with full-precision partials).
func Fsum(xs []float64) (float64, error) {
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	for _, x := range xs {
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
					return 0, vm.Errorf(vm.OverflowErrorType, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
	}
	if specialSum != 0 {
		if math.IsNaN(infSum) {
			return 0, vm.Errorf(vm.ValueErrorType, "-inf + inf in fsum")
		}
		return specialSum, nil
	}
	n := len(partials)
	hi := 0.0
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return hi, nil
}
