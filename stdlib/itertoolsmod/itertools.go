// Package itertoolsmod implements yflow's built-in itertools module as Go
// iterators: count, cycle, repeat, chain (+from_iterable), islice,
// accumulate, product, permutations, combinations,
// combinations_with_replacement, zip_longest, groupby, takewhile,
// dropwhile, starmap, compress, filterfalse, pairwise, batched-free 3.11
// set, and tee. Each is a type (its iterators' class) callable to
// construct one, as in CPython.
package itertoolsmod

import (
	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

type nextFn = func(t *vm.Thread) (vm.Value, bool, error)

func iter(name string, f nextFn) vm.Value { return vm.NewIterator(name, f) }

// fromIter wraps a Python iterator as a Go next function.
func fromIter(t *vm.Thread, v vm.Value) (nextFn, error) {
	it, err := t.Iter(v)
	if err != nil {
		return nil, err
	}
	return func(t *vm.Thread) (vm.Value, bool, error) { return t.Next(it) }, nil
}

func truth(t *vm.Thread, f, v vm.Value) (bool, error) {
	r, err := t.Call(f, []vm.Value{v}, nil)
	if err != nil {
		return false, err
	}
	return t.Truth(r)
}

func tuple(items []vm.Value) vm.Value { return vm.TupleValue(append([]vm.Value(nil), items...)...) }

// rArg reads an optional r argument (None: default).
func rArg(t *vm.Thread, v vm.Value, def int) (int, error) {
	if v.IsNull() || v.IsNone() {
		return def, nil
	}
	r, err := modutil.Int64(t, v)
	if err != nil {
		return 0, err
	}
	if r < 0 {
		return 0, vm.Errorf(vm.ValueErrorType, "r must be non-negative")
	}
	return int(r), nil
}

// Module builds the itertools module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("itertools")
	typ := func(name string, ctor func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error)) *vm.Type {
		ty := vm.IteratorTypeNamed(name)
		ty.Module = "itertools"
		vm.SetTypeNew(ty, func(t *vm.Thread, cls *vm.Type, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			// the iterator outlives the call: never keep the VM's argument slice
			return ctor(t, append([]vm.Value(nil), args...), kw)
		})
		m.Set(name, vm.Obj(ty))
		return ty
	}
	typ("count", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var start, step vm.Value
		if err := vm.UnpackArgs("count", args, kw, []string{"start", "step"}, 0, &start, &step); err != nil {
			return vm.Null, err
		}
		cur := modutil.Opt(start, vm.Int(0))
		st := modutil.Opt(step, vm.Int(1))
		for _, v := range []vm.Value{cur, st} {
			if !vm.IsIntLike(v) && !v.IsFloat() && v.Type().LookupString("__add__").IsNull() {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "a number is required")
			}
		}
		return iter("count", func(t *vm.Thread) (vm.Value, bool, error) {
			v := cur
			n, err := t.BinaryOp(compiler.BinAdd, cur, st)
			if err != nil {
				return vm.Null, false, err
			}
			cur = n
			return v, true, nil
		}), nil
	})
	typ("cycle", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("cycle", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		var saved []vm.Value
		first, i := true, 0
		return iter("cycle", func(t *vm.Thread) (vm.Value, bool, error) {
			if first {
				v, ok, err := next(t)
				if err != nil {
					return vm.Null, false, err
				}
				if ok {
					saved = append(saved, v)
					return v, true, nil
				}
				first = false
			}
			if len(saved) == 0 {
				return vm.Null, false, nil
			}
			v := saved[i%len(saved)]
			i++
			return v, true, nil
		}), nil
	})
	typ("repeat", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var obj, times vm.Value
		if err := vm.UnpackArgs("repeat", args, kw, []string{"object", "times"}, 1, &obj, &times); err != nil {
			return vm.Null, err
		}
		n := int64(-1)
		if !times.IsNull() {
			var err error
			if n, err = modutil.Int64(t, times); err != nil {
				return vm.Null, err
			}
			if n < 0 {
				n = 0
			}
		}
		return iter("repeat", func(t *vm.Thread) (vm.Value, bool, error) {
			if n == 0 {
				return vm.Null, false, nil
			}
			if n > 0 {
				n--
			}
			return obj, true, nil
		}), nil
	})
	chainOf := func(t *vm.Thread, sources nextFn) vm.Value {
		var cur nextFn
		return iter("chain", func(t *vm.Thread) (vm.Value, bool, error) {
			for {
				if cur == nil {
					src, ok, err := sources(t)
					if err != nil || !ok {
						return vm.Null, false, err
					}
					if cur, err = fromIter(t, src); err != nil {
						return vm.Null, false, err
					}
				}
				v, ok, err := cur(t)
				if err != nil {
					return vm.Null, false, err
				}
				if ok {
					return v, true, nil
				}
				cur = nil
			}
		})
	}
	chain := typ("chain", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.NoKw("chain", kw); err != nil {
			return vm.Null, err
		}
		i := 0
		return chainOf(t, func(t *vm.Thread) (vm.Value, bool, error) {
			if i >= len(args) {
				return vm.Null, false, nil
			}
			i++
			return args[i-1], true, nil
		}), nil
	})
	vm.AddClassMethod(chain, "from_iterable", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("from_iterable", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		src, err := fromIter(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		return chainOf(t, src), nil
	})
	typ("islice", islice)
	typ("accumulate", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var it, fn, initial vm.Value
		if err := vm.UnpackArgs("accumulate", args, kw, []string{"iterable", "func", "initial"}, 1, &it, &fn, &initial); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, it)
		if err != nil {
			return vm.Null, err
		}
		acc := vm.Null
		if !initial.IsNull() && !initial.IsNone() {
			acc = initial
		}
		pendingInitial := !acc.IsNull()
		return iter("accumulate", func(t *vm.Thread) (vm.Value, bool, error) {
			if pendingInitial {
				pendingInitial = false
				return acc, true, nil
			}
			v, ok, err := next(t)
			if err != nil || !ok {
				return vm.Null, false, err
			}
			if acc.IsNull() {
				acc = v
			} else if fn.IsNull() || fn.IsNone() {
				if acc, err = t.BinaryOp(compiler.BinAdd, acc, v); err != nil {
					return vm.Null, false, err
				}
			} else if acc, err = t.Call(fn, []vm.Value{acc, v}, nil); err != nil {
				return vm.Null, false, err
			}
			return acc, true, nil
		}), nil
	})
	typ("product", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		repeat := int64(1)
		npos := len(args) - len(kw)
		for i, k := range kw {
			if k.String() != "repeat" {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "product() got an unexpected keyword argument '%s'", k.String())
			}
			var err error
			if repeat, err = modutil.Int64(t, args[npos+i]); err != nil {
				return vm.Null, err
			}
			if repeat < 0 {
				return vm.Null, vm.Errorf(vm.ValueErrorType, "repeat argument cannot be negative")
			}
		}
		var pools [][]vm.Value
		for _, a := range args[:npos] {
			p, err := t.ToList(a)
			if err != nil {
				return vm.Null, err
			}
			pools = append(pools, p)
		}
		var all [][]vm.Value
		for r := int64(0); r < repeat; r++ {
			all = append(all, pools...)
		}
		idx := make([]int, len(all))
		done := false
		for _, p := range all {
			if len(p) == 0 {
				done = true
			}
		}
		first := true
		return iter("product", func(t *vm.Thread) (vm.Value, bool, error) {
			if done {
				return vm.Null, false, nil
			}
			if !first {
				i := len(all) - 1
				for ; i >= 0; i-- {
					idx[i]++
					if idx[i] < len(all[i]) {
						break
					}
					idx[i] = 0
				}
				if i < 0 {
					done = true
					return vm.Null, false, nil
				}
			}
			first = false
			out := make([]vm.Value, len(all))
			for i, p := range all {
				out[i] = p[idx[i]]
			}
			return vm.TupleValue(out...), true, nil
		}), nil
	})
	typ("permutations", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var it, rv vm.Value
		if err := vm.UnpackArgs("permutations", args, kw, []string{"iterable", "r"}, 1, &it, &rv); err != nil {
			return vm.Null, err
		}
		pool, err := t.ToList(it)
		if err != nil {
			return vm.Null, err
		}
		n := len(pool)
		r, err := rArg(t, rv, n)
		if err != nil {
			return vm.Null, err
		}
		indices := make([]int, n)
		for i := range indices {
			indices[i] = i
		}
		cycles := make([]int, r)
		for i := range cycles {
			cycles[i] = n - i
		}
		first, done := true, r > n
		emit := func() vm.Value {
			out := make([]vm.Value, r)
			for i := 0; i < r; i++ {
				out[i] = pool[indices[i]]
			}
			return vm.TupleValue(out...)
		}
		return iter("permutations", func(t *vm.Thread) (vm.Value, bool, error) {
			if done {
				return vm.Null, false, nil
			}
			if first {
				first = false
				return emit(), true, nil
			}
			for i := r - 1; i >= 0; i-- {
				cycles[i]--
				if cycles[i] == 0 {
					x := indices[i]
					copy(indices[i:], indices[i+1:])
					indices[n-1] = x
					cycles[i] = n - i
				} else {
					j := cycles[i]
					indices[i], indices[n-j] = indices[n-j], indices[i]
					return emit(), true, nil
				}
			}
			done = true
			return vm.Null, false, nil
		}), nil
	})
	combos := func(name string, repl bool) {
		typ(name, func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			var it, rv vm.Value
			if err := vm.UnpackArgs(name, args, kw, []string{"iterable", "r"}, 2, &it, &rv); err != nil {
				return vm.Null, err
			}
			pool, err := t.ToList(it)
			if err != nil {
				return vm.Null, err
			}
			n := len(pool)
			r, err := rArg(t, rv, 0)
			if err != nil {
				return vm.Null, err
			}
			indices := make([]int, r)
			if !repl {
				for i := range indices {
					indices[i] = i
				}
			}
			first := true
			done := (!repl && r > n) || (repl && n == 0 && r > 0)
			emit := func() vm.Value {
				out := make([]vm.Value, r)
				for i, j := range indices {
					out[i] = pool[j]
				}
				return vm.TupleValue(out...)
			}
			return iter(name, func(t *vm.Thread) (vm.Value, bool, error) {
				if done {
					return vm.Null, false, nil
				}
				if first {
					first = false
					return emit(), true, nil
				}
				i := r - 1
				if repl {
					for ; i >= 0 && indices[i] == n-1; i-- {
					}
					if i < 0 {
						done = true
						return vm.Null, false, nil
					}
					v := indices[i] + 1
					for j := i; j < r; j++ {
						indices[j] = v
					}
					return emit(), true, nil
				}
				for ; i >= 0 && indices[i] == i+n-r; i-- {
				}
				if i < 0 {
					done = true
					return vm.Null, false, nil
				}
				indices[i]++
				for j := i + 1; j < r; j++ {
					indices[j] = indices[j-1] + 1
				}
				return emit(), true, nil
			}), nil
		})
	}
	combos("combinations", false)
	combos("combinations_with_replacement", true)
	typ("zip_longest", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		fill := vm.None
		npos := len(args) - len(kw)
		for i, k := range kw {
			if k.String() != "fillvalue" {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "zip_longest() got an unexpected keyword argument '%s'", k.String())
			}
			fill = args[npos+i]
		}
		nexts := make([]nextFn, npos)
		for i, a := range args[:npos] {
			f, err := fromIter(t, a)
			if err != nil {
				return vm.Null, err
			}
			nexts[i] = f
		}
		active := npos
		return iter("zip_longest", func(t *vm.Thread) (vm.Value, bool, error) {
			if active == 0 {
				return vm.Null, false, nil
			}
			out := make([]vm.Value, npos)
			for i, f := range nexts {
				if f == nil {
					out[i] = fill
					continue
				}
				v, ok, err := f(t)
				if err != nil {
					return vm.Null, false, err
				}
				if !ok {
					nexts[i] = nil
					active--
					if active == 0 {
						return vm.Null, false, nil
					}
					v = fill
				}
				out[i] = v
			}
			return vm.TupleValue(out...), true, nil
		}), nil
	})
	typ("groupby", groupby)
	typ("takewhile", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("takewhile", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, args[1])
		if err != nil {
			return vm.Null, err
		}
		stopped := false
		return iter("takewhile", func(t *vm.Thread) (vm.Value, bool, error) {
			if stopped {
				return vm.Null, false, nil
			}
			v, ok, err := next(t)
			if err != nil || !ok {
				return vm.Null, false, err
			}
			b, err := truth(t, args[0], v)
			if err != nil {
				return vm.Null, false, err
			}
			if !b {
				stopped = true
				return vm.Null, false, nil
			}
			return v, true, nil
		}), nil
	})
	typ("dropwhile", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("dropwhile", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, args[1])
		if err != nil {
			return vm.Null, err
		}
		dropping := true
		return iter("dropwhile", func(t *vm.Thread) (vm.Value, bool, error) {
			for {
				v, ok, err := next(t)
				if err != nil || !ok {
					return vm.Null, false, err
				}
				if dropping {
					b, err := truth(t, args[0], v)
					if err != nil {
						return vm.Null, false, err
					}
					if b {
						continue
					}
					dropping = false
				}
				return v, true, nil
			}
		}), nil
	})
	typ("filterfalse", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("filterfalse", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, args[1])
		if err != nil {
			return vm.Null, err
		}
		return iter("filterfalse", func(t *vm.Thread) (vm.Value, bool, error) {
			for {
				v, ok, err := next(t)
				if err != nil || !ok {
					return vm.Null, false, err
				}
				var b bool
				if args[0].IsNone() {
					b, err = t.Truth(v)
				} else {
					b, err = truth(t, args[0], v)
				}
				if err != nil {
					return vm.Null, false, err
				}
				if !b {
					return v, true, nil
				}
			}
		}), nil
	})
	typ("starmap", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("starmap", args, kw, 2, 2); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, args[1])
		if err != nil {
			return vm.Null, err
		}
		return iter("starmap", func(t *vm.Thread) (vm.Value, bool, error) {
			v, ok, err := next(t)
			if err != nil || !ok {
				return vm.Null, false, err
			}
			a, err := t.ToList(v)
			if err != nil {
				return vm.Null, false, err
			}
			r, err := t.Call(args[0], a, nil)
			return r, err == nil, err
		}), nil
	})
	typ("compress", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var data, sel vm.Value
		if err := vm.UnpackArgs("compress", args, kw, []string{"data", "selectors"}, 2, &data, &sel); err != nil {
			return vm.Null, err
		}
		nd, err := fromIter(t, data)
		if err != nil {
			return vm.Null, err
		}
		ns, err := fromIter(t, sel)
		if err != nil {
			return vm.Null, err
		}
		return iter("compress", func(t *vm.Thread) (vm.Value, bool, error) {
			for {
				v, ok, err := nd(t)
				if err != nil || !ok {
					return vm.Null, false, err
				}
				s, ok, err := ns(t)
				if err != nil || !ok {
					return vm.Null, false, err
				}
				b, err := t.Truth(s)
				if err != nil {
					return vm.Null, false, err
				}
				if b {
					return v, true, nil
				}
			}
		}), nil
	})
	typ("pairwise", func(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("pairwise", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		next, err := fromIter(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		prev := vm.Null
		return iter("pairwise", func(t *vm.Thread) (vm.Value, bool, error) {
			if prev.IsNull() {
				v, ok, err := next(t)
				if err != nil || !ok {
					return vm.Null, false, err
				}
				prev = v
			}
			v, ok, err := next(t)
			if err != nil || !ok {
				return vm.Null, false, err
			}
			p := prev
			prev = v
			return vm.TupleValue(p, v), true, nil
		}), nil
	})
	modutil.Def(m, "tee", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("tee", args, kw, 1, 2); err != nil {
			return vm.Null, err
		}
		n := int64(2)
		if len(args) == 2 {
			var err error
			if n, err = modutil.Int64(t, args[1]); err != nil {
				return vm.Null, err
			}
			if n < 0 {
				return vm.Null, vm.Errorf(vm.ValueErrorType, "n must be >= 0")
			}
		}
		next, err := fromIter(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		var buf []vm.Value
		exhausted := false
		out := make([]vm.Value, n)
		for k := range out {
			pos := 0
			out[k] = iter("_tee", func(t *vm.Thread) (vm.Value, bool, error) {
				if pos < len(buf) {
					pos++
					return buf[pos-1], true, nil
				}
				if exhausted {
					return vm.Null, false, nil
				}
				v, ok, err := next(t)
				if err != nil {
					return vm.Null, false, err
				}
				if !ok {
					exhausted = true
					return vm.Null, false, nil
				}
				buf = append(buf, v)
				pos++
				return v, true, nil
			})
		}
		return vm.TupleValue(out...), nil
	})
	return m, nil
}

func islice(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	if err := vm.CheckArgs("islice", args, kw, 2, 4); err != nil {
		return vm.Null, err
	}
	get := func(v vm.Value, def int64, msg string) (int64, error) {
		if v.IsNone() {
			return def, nil
		}
		if !vm.IsIntLike(v) {
			return 0, vm.Errorf(vm.ValueErrorType, "%s", msg)
		}
		n, err := modutil.Int64(t, v)
		if err != nil || n < 0 {
			return 0, vm.Errorf(vm.ValueErrorType, "%s", msg)
		}
		return n, nil
	}
	const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	var start, stop, step int64 = 0, -1, 1
	var err error
	if len(args) == 2 {
		if stop, err = get(args[1], -1, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."); err != nil {
			return vm.Null, err
		}
	} else {
		if start, err = get(args[1], 0, idxMsg); err != nil {
			return vm.Null, err
		}
		if stop, err = get(args[2], -1, idxMsg); err != nil {
			return vm.Null, err
		}
		if len(args) == 4 {
			if step, err = get(args[3], 1, "Step for islice() must be a positive integer or None."); err != nil {
				return vm.Null, err
			}
			if step == 0 {
				return vm.Null, vm.Errorf(vm.ValueErrorType, "Step for islice() must be a positive integer or None.")
			}
		}
	}
	next, err := fromIter(t, args[0])
	if err != nil {
		return vm.Null, err
	}
	pos := int64(0)
	nextWanted := start
	done := false
	return iter("islice", func(t *vm.Thread) (vm.Value, bool, error) {
		for !done {
			if stop >= 0 && nextWanted >= stop {
				done = true
				// consume up to stop, as CPython does
				for pos < stop {
					_, ok, err := next(t)
					if err != nil || !ok {
						return vm.Null, false, err
					}
					pos++
				}
				break
			}
			v, ok, err := next(t)
			if err != nil {
				return vm.Null, false, err
			}
			if !ok {
				done = true
				break
			}
			pos++
			if pos-1 == nextWanted {
				nextWanted += step
				return v, true, nil
			}
		}
		return vm.Null, false, nil
	}), nil
}

func groupby(t *vm.Thread, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	var itv, keyf vm.Value
	if err := vm.UnpackArgs("groupby", args, kw, []string{"iterable", "key"}, 1, &itv, &keyf); err != nil {
		return vm.Null, err
	}
	next, err := fromIter(t, itv)
	if err != nil {
		return vm.Null, err
	}
	var tgtKey, curKey, curVal vm.Value // NULL: unset
	exhausted := false
	id := 0
	key := func(v vm.Value) (vm.Value, error) {
		if keyf.IsNull() || keyf.IsNone() {
			return v, nil
		}
		return t.Call(keyf, []vm.Value{v}, nil)
	}
	eq := func(a, b vm.Value) (bool, error) {
		if a.IsNull() || b.IsNull() {
			return a.IsNull() && b.IsNull(), nil
		}
		return t.Equal(a, b)
	}
	advance := func() (bool, error) {
		v, ok, err := next(t)
		if err != nil || !ok {
			exhausted = exhausted || (err == nil && !ok)
			return false, err
		}
		k, err := key(v)
		if err != nil {
			return false, err
		}
		curVal, curKey = v, k
		return true, nil
	}
	return iter("groupby", func(t *vm.Thread) (vm.Value, bool, error) {
		id++
		for {
			same, err := eq(curKey, tgtKey)
			if err != nil {
				return vm.Null, false, err
			}
			if !same && !curKey.IsNull() {
				break
			}
			if exhausted {
				return vm.Null, false, nil
			}
			ok, err := advance()
			if err != nil || !ok {
				return vm.Null, false, err
			}
		}
		tgtKey = curKey
		myID, myKey := id, tgtKey
		pending, finished := false, false
		grouper := iter("_grouper", func(t *vm.Thread) (vm.Value, bool, error) {
			if myID != id || finished {
				return vm.Null, false, nil
			}
			if pending {
				pending = false
				ok, err := advance()
				if err != nil || !ok {
					finished = true
					return vm.Null, false, err
				}
			}
			same, err := eq(curKey, myKey)
			if err != nil || !same {
				finished = true
				return vm.Null, false, err
			}
			pending = true
			return curVal, true, nil
		})
		return vm.TupleValue(myKey, grouper), true, nil
	}), nil
}
