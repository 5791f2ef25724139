// Package randommod implements yflow's built-in random module on CPython's
// Mersenne Twister (mt.go), reproducing CPython 3.11's sequences for the
// same seed: seed (int, float, str, bytes), random, getrandbits, randrange,
// randint, choice, choices, shuffle, sample, uniform, triangular, gauss,
// normalvariate, expovariate, getstate/setstate, and the Random class.
package randommod

import (
	"crypto/sha512"
	"math"
	"math/big"
	"time"
	"yflow/vm/libm"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

type rng struct {
	mt        MT
	gaussNext vm.Value // NULL when none
}

var payloadType = vm.NewBuiltinType("_random_state", "random", nil)

func (*rng) Type() *vm.Type { return payloadType }

func newRNG() *rng {
	r := &rng{}
	r.seedTime()
	return r
}

func (r *rng) seedTime() {
	var b [8]byte
	n := time.Now().UnixNano()
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	sum := sha512.Sum512(b[:])
	key := make([]uint32, 16)
	for i := range key {
		key[i] = uint32(sum[4*i]) | uint32(sum[4*i+1])<<8 | uint32(sum[4*i+2])<<16 | uint32(sum[4*i+3])<<24
	}
	r.mt.InitByArray(key)
	r.gaussNext = vm.Null
}

// seed is Random.seed(a) for version 2.
func (r *rng) seed(t *vm.Thread, a vm.Value) error {
	r.gaussNext = vm.Null
	if a.IsNull() || a.IsNone() {
		r.seedTime()
		return nil
	}
	if b, ok := a.AsBig(); ok {
		r.mt.SeedInt(b)
		return nil
	}
	var data []byte
	if s, ok := a.AsStr(); ok {
		data = []byte(s.String())
	} else if a.Type() == vm.BytesType || a.Type() == vm.ByteArrayType {
		items, err := t.ToList(a)
		if err != nil {
			return err
		}
		for _, it := range items {
			data = append(data, byte(it.AsInt()))
		}
	} else if a.IsFloat() {
		h, err := t.Hash(a)
		if err != nil {
			return err
		}
		r.mt.SeedInt(big.NewInt(h))
		return nil
	} else {
		return vm.Errorf(vm.TypeErrorType, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	sum := sha512.Sum512(data)
	n := new(big.Int).SetBytes(append(data, sum[:]...))
	r.mt.SeedInt(n)
	return nil
}

// index converts a randrange argument (an int or an integral float,
// deprecated in CPython) to an int.
func index(t *vm.Thread, v vm.Value, what string) (*big.Int, error) {
	if b, ok := v.AsBig(); ok {
		return b, nil
	}
	if !v.Type().LookupString("__index__").IsNull() {
		return modutil.Int(t, v)
	}
	if v.IsFloat() {
		f := v.AsFloat()
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			b, _ := big.NewFloat(f).Int(nil)
			return b, nil
		}
		return nil, vm.Errorf(vm.ValueErrorType, "non-integer %s for randrange()", what)
	}
	return nil, vm.Errorf(vm.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

func (r *rng) randrange(t *vm.Thread, startv, stopv, stepv vm.Value) (vm.Value, error) {
	istart, err := index(t, startv, "arg 1")
	if err != nil {
		return vm.Null, err
	}
	if stopv.IsNull() || stopv.IsNone() {
		if !stepv.IsNull() {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Missing a non-None stop argument")
		}
		if istart.Sign() > 0 {
			return vm.BigIntValue(r.mt.Below(istart)), nil
		}
		return vm.Null, vm.Errorf(vm.ValueErrorType, "empty range for randrange()")
	}
	istop, err := index(t, stopv, "stop")
	if err != nil {
		return vm.Null, err
	}
	width := new(big.Int).Sub(istop, istart)
	istep := big.NewInt(1)
	if !stepv.IsNull() {
		if istep, err = index(t, stepv, "step"); err != nil {
			return vm.Null, err
		}
	}
	if istep.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return vm.BigIntValue(new(big.Int).Add(istart, r.mt.Below(width))), nil
		}
		return vm.Null, vm.Errorf(vm.ValueErrorType, "empty range for randrange() (%s, %s, %s)", istart, istop, width)
	}
	var n *big.Int
	switch istep.Sign() {
	case 1:
		n = new(big.Int).Add(width, istep)
		n.Sub(n, big.NewInt(1))
	case -1:
		n = new(big.Int).Add(width, istep)
		n.Add(n, big.NewInt(1))
	default:
		return vm.Null, vm.Errorf(vm.ValueErrorType, "zero step for randrange()")
	}
	n = floorDiv(n, istep)
	if n.Sign() <= 0 {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "empty range for randrange()")
	}
	res := new(big.Int).Mul(istep, r.mt.Below(n))
	return vm.BigIntValue(res.Add(res, istart)), nil
}

func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

func (r *rng) gauss() float64 {
	if !r.gaussNext.IsNull() {
		z := r.gaussNext.AsFloat()
		r.gaussNext = vm.Null
		return z
	}
	x2pi := r.mt.Float() * 2 * math.Pi
	g2rad := math.Sqrt(-2.0 * libm.Log(1.0-r.mt.Float()))
	r.gaussNext = vm.Float(libm.Sin(x2pi) * g2rad)
	return libm.Cos(x2pi) * g2rad
}

var randomCls *vm.Type

func rngOf(self vm.Value, name string) (*rng, error) {
	p, ok := vm.NativePayload(self)
	if ok {
		if p == nil {
			r := newRNG()
			vm.SetNativePayload(self, r)
			return r, nil
		}
		if r, ok := p.(*rng); ok {
			return r, nil
		}
	}
	return nil, vm.DescriptorError(name, randomCls, self)
}

func floatArg(t *vm.Thread, v vm.Value, def float64) (float64, error) {
	if v.IsNull() {
		return def, nil
	}
	return modutil.Float(t, v)
}

func makeRandom(t *vm.Thread) (*vm.Type, error) {
	cls, err := vm.NewNativeClass(t, "Random", "random", nil, nil)
	if err != nil {
		return nil, err
	}
	randomCls = cls
	type fn = func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error)
	method := func(name string, f fn) {
		vm.AddMethod(cls, name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			r, err := rngOf(self, name)
			if err != nil {
				return vm.Null, err
			}
			return f(t, r, self, args, kw)
		})
	}
	seed := func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var a, version vm.Value
		if err := vm.UnpackArgs("seed", args, kw, []string{"a", "version"}, 0, &a, &version); err != nil {
			return vm.Null, err
		}
		return vm.None, r.seed(t, a)
	}
	method("__init__", seed)
	method("seed", seed)
	method("random", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("random", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return vm.Float(r.mt.Float()), nil
	})
	method("getrandbits", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("getrandbits", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		k, err := modutil.Int64(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if k < 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "number of bits must be non-negative")
		}
		if k == 0 {
			return vm.Int(0), nil
		}
		return vm.BigIntValue(r.mt.Bits(int(k))), nil
	})
	method("randbytes", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("randbytes", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		n, err := modutil.Int64(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if n < 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "number of bits must be non-negative")
		}
		out := make([]byte, n)
		if n > 0 {
			b := r.mt.Bits(int(n * 8)).Bytes() // big-endian
			for i := 0; i < len(b); i++ {
				out[i] = b[len(b)-1-i]
			}
		}
		return vm.Obj(vm.NewBytes(out)), nil
	})
	method("randrange", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var start, stop, step vm.Value
		if err := vm.UnpackArgs("randrange", args, kw, []string{"start", "stop", "step"}, 1, &start, &stop, &step); err != nil {
			return vm.Null, err
		}
		return r.randrange(t, start, stop, step)
	})
	method("randint", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var a, b vm.Value
		if err := vm.UnpackArgs("randint", args, kw, []string{"a", "b"}, 2, &a, &b); err != nil {
			return vm.Null, err
		}
		b1, err := t.BinaryOp(compiler.BinAdd, b, vm.Int(1))
		if err != nil {
			return vm.Null, err
		}
		return r.randrange(t, a, b1, vm.Null)
	})
	method("choice", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var seq vm.Value
		if err := vm.UnpackArgs("choice", args, kw, []string{"seq"}, 1, &seq); err != nil {
			return vm.Null, err
		}
		n, err := t.Len(seq)
		if err != nil {
			return vm.Null, err
		}
		if n == 0 {
			return vm.Null, vm.Errorf(vm.IndexErrorType, "Cannot choose from an empty sequence")
		}
		return t.GetItem(seq, vm.Int(r.mt.BelowInt(int64(n))))
	})
	method("shuffle", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var x vm.Value
		if err := vm.UnpackArgs("shuffle", args, kw, []string{"x"}, 1, &x); err != nil {
			return vm.Null, err
		}
		if l, ok := x.Object().(*vm.List); ok {
			items := l.Items()
			for i := len(items) - 1; i >= 1; i-- {
				j := r.mt.BelowInt(int64(i + 1))
				items[i], items[j] = items[j], items[i]
			}
			return vm.None, nil
		}
		n, err := t.Len(x)
		if err != nil {
			return vm.Null, err
		}
		for i := n - 1; i >= 1; i-- {
			j := vm.Int(r.mt.BelowInt(int64(i + 1)))
			a, err := t.GetItem(x, vm.Int(int64(i)))
			if err != nil {
				return vm.Null, err
			}
			b, err := t.GetItem(x, j)
			if err != nil {
				return vm.Null, err
			}
			if err := t.SetItem(x, vm.Int(int64(i)), b); err != nil {
				return vm.Null, err
			}
			if err := t.SetItem(x, j, a); err != nil {
				return vm.Null, err
			}
		}
		return vm.None, nil
	})
	method("sample", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var pop, kv, counts vm.Value
		if err := vm.UnpackArgs("sample", args, kw, []string{"population", "k", "counts"}, 2, &pop, &kv, &counts); err != nil {
			return vm.Null, err
		}
		return r.sample(t, pop, kv, counts)
	})
	method("choices", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var pop, weights, cum, kv vm.Value
		if err := vm.UnpackArgs("choices", args, kw, []string{"population", "weights", "cum_weights", "k"}, 1, &pop, &weights, &cum, &kv); err != nil {
			return vm.Null, err
		}
		return r.choices(t, pop, weights, cum, kv)
	})
	method("uniform", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var av, bv vm.Value
		if err := vm.UnpackArgs("uniform", args, kw, []string{"a", "b"}, 2, &av, &bv); err != nil {
			return vm.Null, err
		}
		a, err := modutil.Float(t, av)
		if err != nil {
			return vm.Null, err
		}
		b, err := modutil.Float(t, bv)
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(a + (b-a)*r.mt.Float()), nil
	})
	method("triangular", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var lv, hv, mv vm.Value
		if err := vm.UnpackArgs("triangular", args, kw, []string{"low", "high", "mode"}, 0, &lv, &hv, &mv); err != nil {
			return vm.Null, err
		}
		low, err := floatArg(t, lv, 0)
		if err != nil {
			return vm.Null, err
		}
		high, err := floatArg(t, hv, 1)
		if err != nil {
			return vm.Null, err
		}
		u := r.mt.Float()
		c := 0.5
		if !mv.IsNull() && !mv.IsNone() {
			mode, err := modutil.Float(t, mv)
			if err != nil {
				return vm.Null, err
			}
			if high == low {
				return vm.Float(low), nil
			}
			c = (mode - low) / (high - low)
		}
		if u > c {
			u, c, low, high = 1-u, 1-c, high, low
		}
		return vm.Float(low + (high-low)*math.Sqrt(u*c)), nil
	})
	method("gauss", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var mv, sv vm.Value
		if err := vm.UnpackArgs("gauss", args, kw, []string{"mu", "sigma"}, 0, &mv, &sv); err != nil {
			return vm.Null, err
		}
		mu, err := floatArg(t, mv, 0)
		if err != nil {
			return vm.Null, err
		}
		sigma, err := floatArg(t, sv, 1)
		if err != nil {
			return vm.Null, err
		}
		return vm.Float(mu + r.gauss()*sigma), nil
	})
	method("normalvariate", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var mv, sv vm.Value
		if err := vm.UnpackArgs("normalvariate", args, kw, []string{"mu", "sigma"}, 0, &mv, &sv); err != nil {
			return vm.Null, err
		}
		mu, err := floatArg(t, mv, 0)
		if err != nil {
			return vm.Null, err
		}
		sigma, err := floatArg(t, sv, 1)
		if err != nil {
			return vm.Null, err
		}
		magic := 4 * libm.Exp(-0.5) / math.Sqrt(2.0)
		var z float64
		for {
			u1 := r.mt.Float()
			u2 := 1.0 - r.mt.Float()
			z = magic * (u1 - 0.5) / u2
			if z*z/4.0 <= -libm.Log(u2) {
				break
			}
		}
		return vm.Float(mu + z*sigma), nil
	})
	method("expovariate", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var lv vm.Value
		if err := vm.UnpackArgs("expovariate", args, kw, []string{"lambd"}, 1, &lv); err != nil {
			return vm.Null, err
		}
		l, err := modutil.Float(t, lv)
		if err != nil {
			return vm.Null, err
		}
		if l == 0 {
			return vm.Null, vm.Errorf(vm.ZeroDivisionErrorType, "float division by zero")
		}
		return vm.Float(-libm.Log(1.0-r.mt.Float()) / l), nil
	})
	method("getstate", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		st := make([]vm.Value, mtN+1)
		for i, w := range r.mt.state {
			st[i] = vm.Int(int64(w))
		}
		st[mtN] = vm.Int(int64(r.mt.index))
		g := vm.None
		if !r.gaussNext.IsNull() {
			g = r.gaussNext
		}
		return vm.TupleValue(vm.Int(3), vm.TupleValue(st...), g), nil
	})
	method("setstate", func(t *vm.Thread, r *rng, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("setstate", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		parts, err := t.ToList(args[0])
		if err != nil {
			return vm.Null, err
		}
		if len(parts) != 3 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "state vector is the wrong size")
		}
		st, err := t.ToList(parts[1])
		if err != nil {
			return vm.Null, err
		}
		if len(st) != mtN+1 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "state vector is the wrong size")
		}
		for i := 0; i < mtN; i++ {
			w, err := modutil.Int64(t, st[i])
			if err != nil {
				return vm.Null, err
			}
			r.mt.state[i] = uint32(w)
		}
		idx, err := modutil.Int64(t, st[mtN])
		if err != nil {
			return vm.Null, err
		}
		if idx < 0 || idx > mtN {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "invalid state")
		}
		r.mt.index = int(idx)
		r.gaussNext = vm.Null
		if !parts[2].IsNone() {
			r.gaussNext = parts[2]
		}
		return vm.None, nil
	})
	return cls, nil
}

func (r *rng) sample(t *vm.Thread, pop, kv, counts vm.Value) (vm.Value, error) {
	switch pop.Object().(type) {
	case *vm.Dict, *vm.Set:
		return vm.Null, vm.Errorf(vm.TypeErrorType, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	if pop.Type().LookupString("__getitem__").IsNull() && pop.Type().IsBuiltin() {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := t.Len(pop)
	if err != nil {
		return vm.Null, err
	}
	k64, err := modutil.Int64(t, kv)
	if err != nil {
		return vm.Null, err
	}
	if !counts.IsNull() && !counts.IsNone() {
		cs, err := t.ToList(counts)
		if err != nil {
			return vm.Null, err
		}
		cum := make([]vm.Value, len(cs))
		acc := vm.Int(0)
		for i, c := range cs {
			if acc, err = t.BinaryOp(compiler.BinAdd, acc, c); err != nil {
				return vm.Null, err
			}
			cum[i] = acc
		}
		if len(cum) != n {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "The number of counts does not match the population")
		}
		total := cum[len(cum)-1]
		cum = cum[:len(cum)-1]
		if !vm.IsIntLike(total) {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "Counts must be integers")
		}
		if total.AsInt() <= 0 {
			return vm.Null, vm.Errorf(vm.ValueErrorType, "Total of counts must be greater than zero")
		}
		sel, err := r.sample(t, vm.Obj(rangeList(total.AsInt())), kv, vm.Null)
		if err != nil {
			return vm.Null, err
		}
		items := sel.Object().(*vm.List).Items()
		out := make([]vm.Value, len(items))
		for i, s := range items {
			j, err := bisectRight(t, cum, s, len(cum))
			if err != nil {
				return vm.Null, err
			}
			if out[i], err = t.GetItem(pop, vm.Int(int64(j))); err != nil {
				return vm.Null, err
			}
		}
		return vm.Obj(vm.NewList(out)), nil
	}
	k := int(k64)
	if k64 < 0 || k64 > int64(n) {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "Sample larger than population or is negative")
	}
	result := make([]vm.Value, k)
	setsize := 21
	if k > 5 {
		setsize += int(libm.Pow(4, math.Ceil(libm.Log(float64(k*3))/libm.Log(4))))
	}
	if n <= setsize {
		pool, err := t.ToList(pop)
		if err != nil {
			return vm.Null, err
		}
		for i := 0; i < k; i++ {
			j := r.mt.BelowInt(int64(n - i))
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
	} else {
		selected := map[int64]bool{}
		for i := 0; i < k; i++ {
			j := r.mt.BelowInt(int64(n))
			for selected[j] {
				j = r.mt.BelowInt(int64(n))
			}
			selected[j] = true
			v, err := t.GetItem(pop, vm.Int(j))
			if err != nil {
				return vm.Null, err
			}
			result[i] = v
		}
	}
	return vm.Obj(vm.NewList(result)), nil
}

func rangeList(n int64) *vm.List {
	items := make([]vm.Value, n)
	for i := range items {
		items[i] = vm.Int(int64(i))
	}
	return vm.NewList(items)
}

func bisectRight(t *vm.Thread, a []vm.Value, x vm.Value, hi int) (int, error) {
	lo := 0
	for lo < hi {
		mid := (lo + hi) / 2
		less, err := t.Less(x, a[mid])
		if err != nil {
			return 0, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

func (r *rng) choices(t *vm.Thread, pop, weights, cum, kv vm.Value) (vm.Value, error) {
	n, err := t.Len(pop)
	if err != nil {
		return vm.Null, err
	}
	k := int64(1)
	if !kv.IsNull() {
		if k, err = modutil.Int64(t, kv); err != nil {
			return vm.Null, err
		}
	}
	var out []vm.Value
	if cum.IsNull() || cum.IsNone() {
		if weights.IsNull() || weights.IsNone() {
			nf := float64(n)
			for i := int64(0); i < k; i++ {
				v, err := t.GetItem(pop, vm.Int(int64(math.Floor(r.mt.Float()*nf))))
				if err != nil {
					return vm.Null, err
				}
				out = append(out, v)
			}
			return vm.Obj(vm.NewList(out)), nil
		}
		ws, err := t.ToList(weights)
		if err != nil {
			if vm.IsIntLike(weights) {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "The number of choices must be a keyword argument: k=%d", weights.AsInt())
			}
			return vm.Null, err
		}
		acc := vm.Null
		for _, w := range ws {
			if acc.IsNull() {
				acc = w
			} else if acc, err = t.BinaryOp(compiler.BinAdd, acc, w); err != nil {
				return vm.Null, err
			}
			out = append(out, acc)
		}
		cum = vm.Obj(vm.NewList(out))
		out = nil
	} else if !weights.IsNull() && !weights.IsNone() {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "Cannot specify both weights and cumulative weights")
	}
	cw, err := t.ToList(cum)
	if err != nil {
		return vm.Null, err
	}
	if len(cw) != n {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "The number of weights does not match the population")
	}
	if n == 0 {
		return vm.Null, vm.Errorf(vm.IndexErrorType, "list index out of range")
	}
	totalV, err := t.BinaryOp(compiler.BinAdd, cw[n-1], vm.Float(0))
	if err != nil {
		return vm.Null, err
	}
	total := totalV.AsFloat()
	if total <= 0 {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return vm.Null, vm.Errorf(vm.ValueErrorType, "Total of weights must be finite")
	}
	for i := int64(0); i < k; i++ {
		j, err := bisectRight(t, cw, vm.Float(r.mt.Float()*total), n-1)
		if err != nil {
			return vm.Null, err
		}
		v, err := t.GetItem(pop, vm.Int(int64(j)))
		if err != nil {
			return vm.Null, err
		}
		out = append(out, v)
	}
	return vm.Obj(vm.NewList(out)), nil
}

// Module builds the random module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("random")
	cls, err := makeRandom(t)
	if err != nil {
		return nil, err
	}
	m.Set("Random", vm.Obj(cls))
	inst := vm.NewNativeInstance(cls, newRNG())
	for _, name := range []string{"seed", "random", "getrandbits", "randbytes", "randrange", "randint", "choice", "shuffle",
		"sample", "choices", "uniform", "triangular", "gauss", "normalvariate", "expovariate", "getstate", "setstate"} {
		f, err := t.GetAttr(inst, vm.Intern(name))
		if err != nil {
			return nil, err
		}
		m.Set(name, f)
	}
	return m, nil
}
