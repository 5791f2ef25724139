// deque.go implements collections.deque: a ring buffer held as the Go
// payload of a native class, with CPython's methods, reprs and errors.

package collectionsmod

import (
	"strings"

	"yflow/lang/compiler"
	"yflow/stdlib/modutil"
	"yflow/vm"
)

// payloadType is the (never exposed) type of the Go payloads.
var payloadType = vm.NewBuiltinType("_collections_payload", "collections", nil)

type dequeData struct {
	buf    []vm.Value
	head   int
	n      int
	maxlen int // -1: unbounded
	state  uint64
}

func (*dequeData) Type() *vm.Type { return payloadType }

func (d *dequeData) at(i int) vm.Value { return d.buf[(d.head+i)%len(d.buf)] }

func (d *dequeData) set(i int, v vm.Value) { d.buf[(d.head+i)%len(d.buf)] = v }

func (d *dequeData) grow() {
	if d.n < len(d.buf) {
		return
	}
	nb := make([]vm.Value, max(8, 2*len(d.buf)))
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
}

func (d *dequeData) pushBack(v vm.Value) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if d.n == d.maxlen {
		d.popFront()
	}
	d.grow()
	d.buf[(d.head+d.n)%len(d.buf)] = v
	d.n++
}

func (d *dequeData) pushFront(v vm.Value) {
	d.state++
	if d.maxlen == 0 {
		return
	}
	if d.n == d.maxlen {
		d.popBack()
	}
	d.grow()
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.n++
}

func (d *dequeData) popBack() vm.Value {
	d.state++
	i := (d.head + d.n - 1) % len(d.buf)
	v := d.buf[i]
	d.buf[i] = vm.Null
	d.n--
	return v
}

func (d *dequeData) popFront() vm.Value {
	d.state++
	v := d.buf[d.head]
	d.buf[d.head] = vm.Null
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	return v
}

// removeAt deletes element i, shifting the shorter side: O(1) at either end.
func (d *dequeData) removeAt(i int) {
	if i < d.n-1-i {
		for j := i; j > 0; j-- {
			d.set(j, d.at(j-1))
		}
		d.popFront()
		return
	}
	for j := i; j < d.n-1; j++ {
		d.set(j, d.at(j+1))
	}
	d.popBack()
}

func (d *dequeData) items() []vm.Value {
	out := make([]vm.Value, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

func (d *dequeData) setItems(items []vm.Value) {
	d.state++
	if d.maxlen >= 0 && len(items) > d.maxlen {
		items = items[len(items)-d.maxlen:]
	}
	d.buf = append([]vm.Value(nil), items...)
	d.head, d.n = 0, len(items)
}

var dequeType *vm.Type

func dequeOf(self vm.Value, name string) (*dequeData, error) {
	p, ok := vm.NativePayload(self)
	if ok {
		if p == nil {
			d := &dequeData{maxlen: -1}
			vm.SetNativePayload(self, d)
			return d, nil
		}
		if d, ok := p.(*dequeData); ok {
			return d, nil
		}
	}
	return nil, vm.DescriptorError(name, dequeType, self)
}

// newDeque makes a deque of the given class holding items.
func newDeque(cls *vm.Type, items []vm.Value, maxlen int) vm.Value {
	d := &dequeData{maxlen: maxlen}
	d.setItems(items)
	return vm.NewNativeInstance(cls, d)
}

func makeDeque(t *vm.Thread) (*vm.Type, error) {
	cls, err := vm.NewNativeClass(t, "deque", "collections", nil, nil)
	if err != nil {
		return nil, err
	}
	dequeType = cls
	type fn = func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error)
	method := func(name string, min, max int, f fn) {
		vm.AddMethod(cls, name, func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			d, err := dequeOf(self, name)
			if err != nil {
				return vm.Null, err
			}
			if min >= 0 {
				if err := vm.CheckArgs(name, args, kw, min, max); err != nil {
					return vm.Null, err
				}
			}
			return f(t, d, self, args, kw)
		})
	}
	method("__init__", -1, -1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		var it, ml vm.Value
		if err := vm.UnpackArgs("deque", args, kw, []string{"iterable", "maxlen"}, 0, &it, &ml); err != nil {
			return vm.Null, err
		}
		d.maxlen = -1
		if !ml.IsNull() && !ml.IsNone() {
			n, err := modutil.Int64(t, ml)
			if err != nil {
				return vm.Null, err
			}
			if n < 0 {
				return vm.Null, vm.Errorf(vm.ValueErrorType, "maxlen must be non-negative")
			}
			d.maxlen = int(n)
		}
		d.setItems(nil)
		if !it.IsNull() {
			items, err := t.ToList(it)
			if err != nil {
				return vm.Null, err
			}
			d.setItems(items)
		}
		return vm.None, nil
	})
	vm.SetClassAttr(cls, "maxlen", vm.NewProperty(vm.Obj(vm.NewBuiltin("maxlen", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d, err := dequeOf(args[0], "maxlen")
		if err != nil {
			return vm.Null, err
		}
		if d.maxlen < 0 {
			return vm.None, nil
		}
		return vm.Int(int64(d.maxlen)), nil
	})), vm.Null))
	method("append", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d.pushBack(args[0])
		return vm.None, nil
	})
	method("appendleft", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d.pushFront(args[0])
		return vm.None, nil
	})
	method("pop", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if d.n == 0 {
			return vm.Null, vm.Errorf(vm.IndexErrorType, "pop from an empty deque")
		}
		return d.popBack(), nil
	})
	method("popleft", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if d.n == 0 {
			return vm.Null, vm.Errorf(vm.IndexErrorType, "pop from an empty deque")
		}
		return d.popFront(), nil
	})
	method("extend", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		items, err := t.ToList(args[0])
		if err != nil {
			return vm.Null, err
		}
		for _, v := range items {
			d.pushBack(v)
		}
		return vm.None, nil
	})
	method("extendleft", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		items, err := t.ToList(args[0])
		if err != nil {
			return vm.Null, err
		}
		for _, v := range items {
			d.pushFront(v)
		}
		return vm.None, nil
	})
	method("rotate", 0, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		n := int64(1)
		if len(args) == 1 {
			var err error
			if n, err = modutil.Int64(t, args[0]); err != nil {
				return vm.Null, err
			}
		}
		if d.n <= 1 {
			return vm.None, nil
		}
		k := int(((n % int64(d.n)) + int64(d.n)) % int64(d.n))
		if k == 0 {
			return vm.None, nil
		}
		items := d.items()
		rot := append(append([]vm.Value(nil), items[d.n-k:]...), items[:d.n-k]...)
		d.buf, d.head = rot, 0
		d.state++
		return vm.None, nil
	})
	method("clear", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		d.setItems(nil)
		return vm.None, nil
	})
	copyFn := func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if self.Type() == cls {
			return newDeque(cls, d.items(), d.maxlen), nil
		}
		var kwn []*vm.Str
		cargs := []vm.Value{vm.Obj(vm.NewList(d.items()))}
		if d.maxlen >= 0 {
			cargs = append(cargs, vm.Int(int64(d.maxlen)))
			kwn = []*vm.Str{vm.Intern("maxlen")}
		}
		return t.Call(vm.Obj(self.Type()), cargs, kwn)
	}
	method("copy", 0, 0, copyFn)
	method("__copy__", 0, 0, copyFn)
	method("count", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		c := 0
		st := d.state
		for i := 0; i < d.n; i++ {
			eq, err := t.Equal(d.at(i), args[0])
			if err != nil {
				return vm.Null, err
			}
			if st != d.state {
				return vm.Null, vm.Errorf(vm.RuntimeErrorType, "deque mutated during iteration")
			}
			if eq {
				c++
			}
		}
		return vm.Int(int64(c)), nil
	})
	method("index", 1, 3, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		start, stop := 0, d.n
		norm := func(v vm.Value) (int, error) {
			i, err := modutil.Int64(t, v)
			if err != nil {
				return 0, err
			}
			if i < 0 {
				i += int64(d.n)
				if i < 0 {
					i = 0
				}
			}
			if i > int64(d.n) {
				i = int64(d.n)
			}
			return int(i), nil
		}
		var err error
		if len(args) > 1 {
			if start, err = norm(args[1]); err != nil {
				return vm.Null, err
			}
		}
		if len(args) > 2 {
			if stop, err = norm(args[2]); err != nil {
				return vm.Null, err
			}
		}
		for i := start; i < stop && i < d.n; i++ {
			eq, err := t.Equal(d.at(i), args[0])
			if err != nil {
				return vm.Null, err
			}
			if eq {
				return vm.Int(int64(i)), nil
			}
		}
		r, err := t.Repr(args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.Null, vm.Errorf(vm.ValueErrorType, "%s is not in deque", r)
	})
	method("insert", 2, 2, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		i, err := modutil.Int64(t, args[0])
		if err != nil {
			return vm.Null, err
		}
		if d.maxlen >= 0 && d.n >= d.maxlen {
			return vm.Null, vm.Errorf(vm.IndexErrorType, "deque already at its maximum size")
		}
		n := int64(d.n)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		items := d.items()
		items = append(items[:i], append([]vm.Value{args[1]}, items[i:]...)...)
		d.setItems(items)
		return vm.None, nil
	})
	method("remove", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		for i := 0; i < d.n; i++ {
			eq, err := t.Equal(d.at(i), args[0])
			if err != nil {
				return vm.Null, err
			}
			if eq {
				d.removeAt(i)
				return vm.None, nil
			}
		}
		r, err := t.Repr(args[0])
		if err != nil {
			return vm.Null, err
		}
		return vm.Null, vm.Errorf(vm.ValueErrorType, "%s is not in deque", r)
	})
	method("reverse", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		items := d.items()
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		d.setItems(items)
		return vm.None, nil
	})
	method("__len__", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Int(int64(d.n)), nil
	})
	method("__bool__", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Bool(d.n > 0), nil
	})
	iter := func(reverse bool) fn {
		return func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			i, st, n := 0, d.state, d.n
			name := "_collections._deque_iterator"
			if reverse {
				name = "_collections._deque_reverse_iterator"
			}
			return vm.NewIterator(name, func(t *vm.Thread) (vm.Value, bool, error) {
				if d.state != st || d.n != n {
					return vm.Null, false, vm.Errorf(vm.RuntimeErrorType, "deque mutated during iteration")
				}
				if i >= d.n {
					return vm.Null, false, nil
				}
				j := i
				if reverse {
					j = d.n - 1 - i
				}
				i++
				return d.at(j), true, nil
			}), nil
		}
	}
	method("__iter__", 0, 0, iter(false))
	method("__reversed__", 0, 0, iter(true))
	method("__contains__", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		st := d.state
		for i := 0; i < d.n; i++ {
			eq, err := t.Equal(d.at(i), args[0])
			if err != nil {
				return vm.Null, err
			}
			if st != d.state {
				return vm.Null, vm.Errorf(vm.RuntimeErrorType, "deque mutated during iteration")
			}
			if eq {
				return vm.True, nil
			}
		}
		return vm.False, nil
	})
	index := func(t *vm.Thread, d *dequeData, k vm.Value) (int, error) {
		if _, _, _, _, isSlice, _ := t.SliceIndices(k, d.n); isSlice || !(vm.IsIntLike(k) || !k.Type().LookupString("__index__").IsNull()) {
			return 0, vm.Errorf(vm.TypeErrorType, "sequence index must be integer, not '%s'", k.Type().Name)
		}
		return t.SeqIndex(k, d.n, "deque")
	}
	method("__getitem__", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		i, err := index(t, d, args[0])
		if err != nil {
			return vm.Null, err
		}
		return d.at(i), nil
	})
	method("__setitem__", 2, 2, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		i, err := index(t, d, args[0])
		if err != nil {
			return vm.Null, err
		}
		d.set(i, args[1])
		return vm.None, nil
	})
	method("__delitem__", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		i, err := index(t, d, args[0])
		if err != nil {
			return vm.Null, err
		}
		items := d.items()
		d.setItems(append(items[:i], items[i+1:]...))
		return vm.None, nil
	})
	method("__repr__", 0, 0, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		name := self.Type().Name
		if err := t.ReprEnter(); err != nil {
			return vm.Null, err
		}
		defer t.ReprLeave()
		if reprActive(self) {
			return vm.StrValue("[...]"), nil
		}
		defer reprDone(self)
		var b strings.Builder
		b.WriteString(name + "([")
		for i, v := range d.items() {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := t.Repr(v)
			if err != nil {
				return vm.Null, err
			}
			b.WriteString(r)
		}
		b.WriteString("]")
		if d.maxlen >= 0 {
			b.WriteString(", maxlen=" + itoa(d.maxlen))
		}
		b.WriteString(")")
		return vm.StrValue(b.String()), nil
	})
	for _, op := range []struct {
		name string
		op   compiler.CompareOp
	}{{"__eq__", compiler.CmpEq}, {"__ne__", compiler.CmpNe}, {"__lt__", compiler.CmpLt}, {"__le__", compiler.CmpLe}, {"__gt__", compiler.CmpGt}, {"__ge__", compiler.CmpGe}} {
		op := op
		method(op.name, 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			p, ok := vm.NativePayload(args[0])
			o, ok2 := p.(*dequeData)
			if !ok || !ok2 {
				return vm.NotImplemented, nil
			}
			return t.Compare(op.op, vm.TupleValue(d.items()...), vm.TupleValue(o.items()...))
		})
	}
	vm.SetClassAttr(cls, "__hash__", vm.None)
	method("__add__", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		p, ok := vm.NativePayload(args[0])
		o, ok2 := p.(*dequeData)
		if !ok || !ok2 {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "can only concatenate deque (not \"%s\") to deque", args[0].Type().Name)
		}
		return newDeque(cls, append(d.items(), o.items()...), d.maxlen), nil
	})
	method("__iadd__", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		items, err := t.ToList(args[0])
		if err != nil {
			return vm.Null, err
		}
		for _, v := range items {
			d.pushBack(v)
		}
		return self, nil
	})
	method("__mul__", 1, 1, func(t *vm.Thread, d *dequeData, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		n, err := modutil.Int64(t, args[0])
		if err != nil {
			return vm.NotImplemented, nil
		}
		var out []vm.Value
		for i := int64(0); i < n; i++ {
			out = append(out, d.items()...)
		}
		return newDeque(cls, out, d.maxlen), nil
	})
	return cls, nil
}

// reprActive tracks containers whose repr is being computed, to print
// recursive references as [...] / {...}.
var reprStack []vm.Value

func reprActive(v vm.Value) bool {
	for _, x := range reprStack {
		if x.Is(v) {
			return true
		}
	}
	reprStack = append(reprStack, v)
	return false
}

func reprDone(v vm.Value) {
	for i := len(reprStack) - 1; i >= 0; i-- {
		if reprStack[i].Is(v) {
			reprStack = append(reprStack[:i], reprStack[i+1:]...)
			return
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}
