// attr.go implements attribute access (get, set, delete, method loading)
// with descriptors, and subscripts (get, set, delete, slicing).

package vm

// bindAttr applies the descriptor protocol to a class attribute a found on
// typ for instance obj (NULL obj: accessed on the class itself).
func (t *Thread) bindAttr(a, obj Value, typ *Type) (Value, error) {
	switch d := a.o.(type) {
	case *Function:
		if obj.o == nil {
			return a, nil
		}
		return Obj(&Method{fn: a, self: obj}), nil
	case *MethodDescr:
		if d.class {
			return Obj(&Builtin{name: d.name, fn: d.fn, self: Obj(typ)}), nil
		}
		if obj.o == nil {
			return a, nil
		}
		return Obj(&Builtin{name: d.name, fn: d.fn, self: unwrapSelf(obj)}), nil
	case *StaticMethod:
		return d.fn, nil
	case *ClassMethod:
		return Obj(&Method{fn: d.fn, self: Obj(typ)}), nil
	case *Property:
		if obj.o == nil {
			return a, nil
		}
		if d.fget.o == nil || d.fget.IsNone() {
			return Null, Errorf(AttributeErrorType, "property object has no getter")
		}
		return t.Call(d.fget, []Value{obj}, nil)
	case *Instance:
		if get := d.cls.Lookup(strGet); get.o != nil {
			o := obj
			if o.o == nil {
				o = None
			}
			return t.callMethodValue(get, a, []Value{o, Obj(typ)})
		}
	}
	return a, nil
}

func isDataDescr(a Value) bool {
	switch d := a.o.(type) {
	case *Property:
		return true
	case *Instance:
		return d.cls.Lookup(strSet).o != nil || d.cls.Lookup(strDelete).o != nil
	}
	return false
}

// GetAttr is Python's getattr(o, name).
func (t *Thread) GetAttr(o Value, name *Str) (Value, error) {
	var v Value
	var err error
	if in, ok := o.o.(*Instance); ok && in.cls.hasGetattribute {
		ga := in.cls.Lookup(Intern("__getattribute__"))
		if d, ok := ga.o.(*MethodDescr); ok && d.owner == ObjectType {
			v, err = t.getAttr(o, name)
		} else {
			v, err = t.callMethodValue(ga, o, []Value{Obj(name)})
		}
	} else {
		v, err = t.getAttr(o, name)
	}
	if err != nil {
		if typ := o.Type(); typ.hasGetattr {
			if e, ok := err.(*Exception); ok && e.cls.IsSubtype(AttributeErrorType) {
				return t.callMethodValue(typ.Lookup(strGetattr), o, []Value{Obj(name)})
			}
		}
	}
	return v, err
}

func (t *Thread) getAttr(o Value, name *Str) (Value, error) {
	switch x := o.o.(type) {
	case *Instance:
		typ := x.cls
		a := typ.Lookup(name)
		if a.o != nil && isDataDescr(a) {
			return t.bindAttr(a, o, typ)
		}
		if x.dict != nil {
			if v, ok := x.dict.GetStr(name); ok {
				return v, nil
			}
		}
		if x.slots != nil {
			if i := typ.slotIndex(name.s); i >= 0 {
				if x.slots[i].o == nil {
					return Null, attrError(o, name, "'%s' object has no attribute '%s'", typ.Name, name.s)
				}
				return x.slots[i], nil
			}
		}
		if a.o != nil {
			return t.bindAttr(a, o, typ)
		}
		if name == strDict && x.dict != nil {
			return Obj(x.dict), nil
		}
		if name == strClass {
			return Obj(typ), nil
		}
		return Null, attrError(o, name, "'%s' object has no attribute '%s'", typ.Name, name.s)
	case *Type:
		return t.typeGetAttr(x, name)
	case *Module:
		if v, ok := x.dict.GetStr(name); ok {
			return v, nil
		}
		if name == strDict {
			return Obj(x.dict), nil
		}
		if g, ok := x.dict.GetStr(strGetattr); ok {
			return t.Call(g, []Value{Obj(name)}, nil)
		}
		return Null, attrError(o, name, "module '%s' has no attribute '%s'", x.name, name.s)
	}
	typ := o.Type()
	if hook := typ.attrHook(); hook != nil {
		v, ok, err := hook(t, o, name.s)
		if ok || err != nil {
			return v, err
		}
	}
	a := typ.Lookup(name)
	if a.o != nil && isDataDescr(a) {
		return t.bindAttr(a, o, typ)
	}
	if d := instanceDict(o.o); d != nil {
		if v, ok := d.GetStr(name); ok {
			return v, nil
		}
		if name == strDict {
			return Obj(d), nil
		}
	}
	if a.o != nil {
		return t.bindAttr(a, o, typ)
	}
	if name == strClass {
		return Obj(typ), nil
	}
	return Null, attrError(o, name, "'%s' object has no attribute '%s'", typ.Name, name.s)
}

// typeGetAttr looks up an attribute of a class.
func (t *Thread) typeGetAttr(cls *Type, name *Str) (Value, error) {
	a := cls.Lookup(name)
	if a.o != nil {
		if d, ok := a.o.(*Instance); ok {
			if get := d.cls.Lookup(strGet); get.o != nil {
				return t.callMethodValue(get, a, []Value{None, Obj(cls)})
			}
		}
		return t.bindAttr(a, Null, cls)
	}
	switch name.s {
	case "__name__":
		return StrValue(cls.Name), nil
	case "__qualname__":
		return StrValue(cls.QualName), nil
	case "__module__":
		return StrValue(cls.Module), nil
	case "__mro__":
		items := make([]Value, len(cls.MRO))
		for i, m := range cls.MRO {
			items[i] = Obj(m)
		}
		return TupleValue(items...), nil
	case "__bases__":
		items := make([]Value, len(cls.Bases))
		for i, m := range cls.Bases {
			items[i] = Obj(m)
		}
		return TupleValue(items...), nil
	case "__base__":
		if len(cls.Bases) == 0 {
			return None, nil
		}
		return Obj(cls.Bases[0]), nil
	case "__dict__":
		return Obj(cls.Dict.Copy()), nil
	case "__doc__":
		return None, nil
	case "__class__":
		return Obj(TypeType), nil
	}
	// methods of `type` itself (mro, __subclasses__)
	if m := TypeType.Lookup(name); m.o != nil {
		return t.bindAttr(m, Obj(cls), TypeType)
	}
	return Null, attrError(Obj(cls), name, "type object '%s' has no attribute '%s'", cls.Name, name.s)
}

// loadMethod implements LOAD_METHOD: (f, self) for a method found on the
// type that can be called unbound, else (attr, NULL).
func (t *Thread) loadMethod(o Value, name *Str) (Value, Value, error) {
	switch x := o.o.(type) {
	case *Instance:
		typ := x.cls
		a := typ.Lookup(name)
		if f, ok := a.o.(*Function); ok {
			if x.dict != nil {
				if v, ok := x.dict.GetStr(name); ok {
					return v, Null, nil
				}
			}
			return Obj(f), o, nil
		}
	case *Type, *Module:
	default:
		typ := o.Type()
		if typ.builtin && typ != SuperType {
			if d, ok := typ.Lookup(name).o.(*MethodDescr); ok && !d.class {
				return Obj(d), o, nil
			}
		}
	}
	v, err := t.GetAttr(o, name)
	return v, Null, err
}

// SetAttr is Python's setattr(o, name, v).
func (t *Thread) SetAttr(o Value, name *Str, v Value) error {
	switch x := o.o.(type) {
	case *Instance:
		typ := x.cls
		if typ.hasSetattr {
			m := typ.Lookup(strSetattr)
			if d, ok := m.o.(*MethodDescr); !ok || d.owner != ObjectType {
				_, err := t.callMethodValue(m, o, []Value{Obj(name), v})
				return err
			}
		}
		return t.genericSetAttr(x, name, v)
	case *Type:
		if x.builtin {
			return Errorf(TypeErrorType, "cannot set '%s' attribute of immutable type '%s'", name.s, x.Name)
		}
		switch name.s {
		case "__name__":
			if s, ok := v.o.(*Str); ok {
				x.Name = s.s
				return nil
			}
		case "__qualname__":
			if s, ok := v.o.(*Str); ok {
				x.QualName = s.s
				return nil
			}
		}
		x.SetAttr(name, v)
		return nil
	case *Module:
		x.dict.SetStr(name, v)
		return nil
	}
	typ := o.Type()
	if hook := typ.setAttrHook(); hook != nil {
		ok, err := hook(t, o, name.s, v)
		if ok || err != nil {
			return err
		}
	}
	if a := typ.Lookup(name); a.o != nil {
		if p, ok := a.o.(*Property); ok {
			return t.setProperty(p, o, name, v)
		}
	}
	if d := instanceDict(o.o); d != nil {
		d.SetStr(name, v)
		return nil
	}
	if typ.Lookup(name).o != nil {
		return Errorf(AttributeErrorType, "'%s' object attribute '%s' is read-only", typ.Name, name.s)
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typ.Name, name.s)
}

func (t *Thread) setProperty(p *Property, o Value, name *Str, v Value) error {
	if p.fset.o == nil || p.fset.IsNone() {
		return Errorf(AttributeErrorType, "property '%s' of '%s' object has no setter", name.s, o.Type().Name)
	}
	_, err := t.Call(p.fset, []Value{o, v}, nil)
	return err
}

// genericSetAttr is object.__setattr__.
func (t *Thread) genericSetAttr(x *Instance, name *Str, v Value) error {
	typ := x.cls
	a := typ.Lookup(name)
	if a.o != nil {
		switch d := a.o.(type) {
		case *Property:
			return t.setProperty(d, Obj(x), name, v)
		case *Instance:
			if set := d.cls.Lookup(strSet); set.o != nil {
				_, err := t.callMethodValue(set, a, []Value{Obj(x), v})
				return err
			}
		}
	}
	if x.slots != nil {
		if i := typ.slotIndex(name.s); i >= 0 {
			x.slots[i] = v
			return nil
		}
	}
	if x.dict == nil {
		return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typ.Name, name.s)
	}
	x.dict.SetStr(name, v)
	return nil
}

// DelAttr is Python's delattr(o, name).
func (t *Thread) DelAttr(o Value, name *Str) error {
	switch x := o.o.(type) {
	case *Instance:
		typ := x.cls
		if m := typ.Lookup(strDelattr); m.o != nil {
			if d, ok := m.o.(*MethodDescr); !ok || d.owner != ObjectType {
				_, err := t.callMethodValue(m, o, []Value{Obj(name)})
				return err
			}
		}
		if a := typ.Lookup(name); a.o != nil {
			if p, ok := a.o.(*Property); ok {
				if p.fdel.o == nil || p.fdel.IsNone() {
					return Errorf(AttributeErrorType, "property '%s' of '%s' object has no deleter", name.s, typ.Name)
				}
				_, err := t.Call(p.fdel, []Value{o}, nil)
				return err
			}
		}
		if x.slots != nil {
			if i := typ.slotIndex(name.s); i >= 0 && x.slots[i].o != nil {
				x.slots[i] = Null
				return nil
			}
		}
		if x.dict != nil {
			if ok, _ := x.dict.Delete(t, Obj(name)); ok {
				return nil
			}
		}
		return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typ.Name, name.s)
	case *Type:
		if ok, _ := x.Dict.Delete(t, Obj(name)); ok {
			x.invalidate()
			return nil
		}
		return Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", x.Name, name.s)
	}
	if d := instanceDict(o.o); d != nil {
		if ok, _ := d.Delete(t, Obj(name)); ok {
			return nil
		}
	}
	if _, isGen := o.o.(*Generator); isGen {
		_, err := generatorSetAttr(t, o, name.s, Null)
		return err
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", o.Type().Name, name.s)
}

// ---------------------------------------------------------------- subscripts

// GetItem is Python's o[k].
func (t *Thread) GetItem(o, k Value) (Value, error) {
	switch x := o.o.(type) {
	case *List:
		if sl, ok := k.o.(*Slice); ok {
			start, stop, step, n, err := t.sliceIndices(sl, len(x.items))
			if err != nil {
				return Null, err
			}
			return Obj(NewList(sliceValues(x.items, start, stop, step, n))), nil
		}
		i, err := t.seqIndex(k, len(x.items), "list")
		if err != nil {
			return Null, err
		}
		return x.items[i], nil
	case *Tuple:
		if sl, ok := k.o.(*Slice); ok {
			start, stop, step, n, err := t.sliceIndices(sl, len(x.items))
			if err != nil {
				return Null, err
			}
			if start == 0 && step == 1 && n == len(x.items) {
				return o, nil
			}
			return Obj(NewTuple(sliceValues(x.items, start, stop, step, n))), nil
		}
		i, err := t.seqIndex(k, len(x.items), "tuple")
		if err != nil {
			return Null, err
		}
		return x.items[i], nil
	case *Dict:
		v, ok, err := x.Get(t, k)
		if err != nil {
			return Null, err
		}
		if !ok {
			return Null, NewException(KeyErrorType, k)
		}
		return v, nil
	case *Str:
		if sl, ok := k.o.(*Slice); ok {
			start, stop, step, n, err := t.sliceIndices(sl, x.Len())
			if err != nil {
				return Null, err
			}
			if step == 1 {
				return StrValue(x.Slice(start, start+n)), nil
			}
			buf := make([]rune, 0, n)
			for i, j := 0, start; i < n; i, j = i+1, j+step {
				buf = append(buf, x.At(j))
			}
			_ = stop
			return StrValue(string(buf)), nil
		}
		i, err := t.seqIndex(k, x.Len(), "string")
		if err != nil {
			return Null, err
		}
		if x.IsASCII() {
			return Obj(asciiChars[x.s[i]]), nil
		}
		return StrValue(string(x.At(i))), nil
	case *Range:
		if sl, ok := k.o.(*Slice); ok {
			start, stop, step, n, err := t.sliceIndices(sl, int(x.Len()))
			if err != nil {
				return Null, err
			}
			_ = n
			// as CPython: the slice's own bounds mapped through the range
			ns := x.start + int64(start)*x.step
			ne := x.start + int64(stop)*x.step
			return Obj(&Range{start: ns, stop: ne, step: x.step * int64(step)}), nil
		}
		i, err := t.seqIndex(k, int(x.Len()), "range object")
		if err != nil {
			return Null, err
		}
		return Int(x.start + int64(i)*x.step), nil
	case *Bytes:
		if sl, ok := k.o.(*Slice); ok {
			b, err := t.sliceBytes(x.b, sl)
			if err != nil {
				return Null, err
			}
			return Obj(NewBytes(b)), nil
		}
		i, err := t.seqIndex(k, len(x.b), "index")
		if err != nil {
			return Null, err
		}
		return Int(int64(x.b[i])), nil
	case *ByteArray:
		if sl, ok := k.o.(*Slice); ok {
			b, err := t.sliceBytes(x.b, sl)
			if err != nil {
				return Null, err
			}
			return Obj(&ByteArray{b: b}), nil
		}
		i, err := t.seqIndex(k, len(x.b), "bytearray")
		if err != nil {
			return Null, err
		}
		return Int(int64(x.b[i])), nil
	case *Type:
		if m := x.Lookup(Intern("__class_getitem__")); m.o != nil {
			f, err := t.bindAttr(m, Null, x)
			if err != nil {
				return Null, err
			}
			if _, isFn := f.o.(*Function); isFn {
				return t.Call(f, []Value{Obj(x), k}, nil)
			}
			return t.Call(f, []Value{k}, nil)
		}
		if x.builtin || x.payload != nil {
			return Obj(&GenericAlias{origin: Obj(x), args: k}), nil
		}
		return Null, Errorf(TypeErrorType, "'type' object is not subscriptable")
	}
	if in, ok := o.o.(*Instance); ok {
		if d, ok := in.base.o.(*Dict); ok {
			if m, isDescr := in.cls.Lookup(strGetitem).o.(*MethodDescr); isDescr && m.owner == DictType {
				v, found, err := d.Get(t, k)
				if err != nil || found {
					return v, err
				}
				if r, ok, err := t.callSpecial(o, strMissing, k); ok {
					return r, err
				}
				return Null, NewException(KeyErrorType, k)
			}
		}
	}
	if r, ok, err := t.callSpecial(o, strGetitem, k); ok {
		return r, err
	}
	return Null, Errorf(TypeErrorType, "'%s' object is not subscriptable", o.Type().Name)
}

func (t *Thread) sliceBytes(b []byte, sl *Slice) ([]byte, error) {
	start, _, step, n, err := t.sliceIndices(sl, len(b))
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = b[j]
	}
	return out, nil
}

func sliceValues(items []Value, start, stop, step, n int) []Value {
	if step == 1 {
		return append([]Value(nil), items[start:start+n]...)
	}
	out := make([]Value, n)
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = items[j]
	}
	_ = stop
	return out
}

// seqIndex converts an index for a sequence of length n, with CPython's
// errors ("list index out of range").
func (t *Thread) seqIndex(k Value, n int, what string) (int, error) {
	i, err := t.Index(k)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls == TypeErrorType {
			switch what {
			case "string":
				return 0, Errorf(TypeErrorType, "string indices must be integers, not '%s'", k.Type().Name)
			case "index":
				return 0, Errorf(TypeErrorType, "byte indices must be integers or slices, not %s", k.Type().Name)
			case "range object":
				return 0, Errorf(TypeErrorType, "range indices must be integers or slices, not %s", k.Type().Name)
			}
			return 0, Errorf(TypeErrorType, "%s indices must be integers or slices, not %s", what, k.Type().Name)
		}
		if e, ok := err.(*Exception); ok && e.cls == OverflowErrorType {
			return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
		}
		return 0, err
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		switch what {
		case "string":
			return 0, Errorf(IndexErrorType, "string index out of range")
		case "index":
			return 0, Errorf(IndexErrorType, "index out of range")
		case "range object":
			return 0, Errorf(IndexErrorType, "range object index out of range")
		}
		return 0, Errorf(IndexErrorType, "%s index out of range", what)
	}
	return int(i), nil
}

// Index is operator.index(v): an int from an int-like value.
func (t *Thread) Index(v Value) (int64, error) {
	switch v.o.(type) {
	case intTag, boolTag:
		return v.AsInt(), nil
	case *BigInt:
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
	case *Instance:
		if r, ok, err := t.callSpecial(v, strIndexM); ok {
			if err != nil {
				return 0, err
			}
			return t.Index(r)
		}
	}
	return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// sliceIndices resolves a slice against a length: start, stop, step and
// the number of selected items.
func (t *Thread) sliceIndices(sl *Slice, length int) (start, stop, step, n int, err error) {
	step = 1
	if !sl.step.IsNone() {
		s, err := t.sliceInt(sl.step)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if s == 0 {
			return 0, 0, 0, 0, Errorf(ValueErrorType, "slice step cannot be zero")
		}
		step = s
	}
	var lower, upper int
	if step < 0 {
		lower, upper = -1, length-1
	} else {
		lower, upper = 0, length
	}
	if sl.start.IsNone() {
		if step < 0 {
			start = upper
		} else {
			start = lower
		}
	} else {
		s, err := t.sliceInt(sl.start)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if s < 0 {
			s += length
			if s < lower {
				s = lower
			}
		} else if s > upper {
			s = upper
		}
		start = s
	}
	if sl.stop.IsNone() {
		if step < 0 {
			stop = lower
		} else {
			stop = upper
		}
	} else {
		s, err := t.sliceInt(sl.stop)
		if err != nil {
			return 0, 0, 0, 0, err
		}
		if s < 0 {
			s += length
			if s < lower {
				s = lower
			}
		} else if s > upper {
			s = upper
		}
		stop = s
	}
	if step < 0 {
		if stop < start {
			n = (start-stop-1)/(-step) + 1
		}
	} else if start < stop {
		n = (stop-start-1)/step + 1
	}
	return start, stop, step, n, nil
}

func (t *Thread) sliceInt(v Value) (int, error) {
	switch v.o.(type) {
	case *BigInt:
		if v.o.(*BigInt).v.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	i, err := t.Index(v)
	if err != nil {
		return 0, Errorf(TypeErrorType, "slice indices must be integers or None or have an __index__ method")
	}
	if i > 1<<62 {
		i = 1 << 62
	} else if i < -1<<62 {
		i = -1 << 62
	}
	return int(i), nil
}

// SetItem is Python's o[k] = v.
func (t *Thread) SetItem(o, k, v Value) error {
	switch x := o.o.(type) {
	case *List:
		if sl, ok := k.o.(*Slice); ok {
			return t.listSetSlice(x, sl, v)
		}
		i, err := t.seqIndex(k, len(x.items), "list")
		if err != nil {
			if e, ok := err.(*Exception); ok && e.cls == IndexErrorType {
				return Errorf(IndexErrorType, "list assignment index out of range")
			}
			return err
		}
		x.items[i] = v
		return nil
	case *Dict:
		return x.Set(t, k, v)
	case *ByteArray:
		if sl, ok := k.o.(*Slice); ok {
			return t.byteArraySetSlice(x, sl, v)
		}
		i, err := t.seqIndex(k, len(x.b), "bytearray")
		if err != nil {
			return err
		}
		b, err := t.Index(v)
		if err != nil {
			return err
		}
		if b < 0 || b > 255 {
			return Errorf(ValueErrorType, "byte must be in range(0, 256)")
		}
		x.b[i] = byte(b)
		return nil
	}
	if _, ok, err := t.callSpecial(o, strSetitem, k, v); ok {
		return err
	}
	return Errorf(TypeErrorType, "'%s' object does not support item assignment", o.Type().Name)
}

func (t *Thread) listSetSlice(x *List, sl *Slice, v Value) error {
	items, err := t.ToList(v)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.cls == TypeErrorType {
			return Errorf(TypeErrorType, "can only assign an iterable")
		}
		return err
	}
	start, stop, step, n, err := t.sliceIndices(sl, len(x.items))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]Value(nil), x.items[stop:]...)
		x.items = append(append(x.items[:start], items...), tail...)
		return nil
	}
	if len(items) != n {
		return Errorf(ValueErrorType, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		x.items[j] = items[i]
	}
	return nil
}

// DelItem is Python's del o[k].
func (t *Thread) DelItem(o, k Value) error {
	switch x := o.o.(type) {
	case *List:
		if sl, ok := k.o.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(sl, len(x.items))
			if err != nil {
				return err
			}
			if n == 0 {
				return nil
			}
			if step < 0 {
				start = start + (n-1)*step
				step = -step
			}
			out := x.items[:0:0]
			out = make([]Value, 0, len(x.items)-n)
			for i, v := range x.items {
				if i >= start && (i-start)%step == 0 && (i-start)/step < n {
					continue
				}
				out = append(out, v)
			}
			x.items = out
			return nil
		}
		i, err := t.seqIndex(k, len(x.items), "list")
		if err != nil {
			if e, ok := err.(*Exception); ok && e.cls == IndexErrorType {
				return Errorf(IndexErrorType, "list assignment index out of range")
			}
			return err
		}
		copy(x.items[i:], x.items[i+1:])
		x.items[len(x.items)-1] = Null
		x.items = x.items[:len(x.items)-1]
		return nil
	case *Dict:
		ok, err := x.Delete(t, k)
		if err != nil {
			return err
		}
		if !ok {
			return NewException(KeyErrorType, k)
		}
		return nil
	}
	if _, ok, err := t.callSpecial(o, strDelitem, k); ok {
		return err
	}
	return Errorf(TypeErrorType, "'%s' object doesn't support item deletion", o.Type().Name)
}

// GenericAlias is list[int] and the like: a subscripted built-in class.
type GenericAlias struct {
	origin, args Value
}

var genericAliasType *Type

// Type implements Object.
func (*GenericAlias) Type() *Type { return genericAliasType }

func setupGenericAlias() {
	genericAliasType = newBuiltinType("types.GenericAlias", ObjectType)
	genericAliasType.Name = "GenericAlias"
	addMethod(genericAliasType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		g := self.o.(*GenericAlias)
		name := g.origin.o.(*Type).Name
		items := []Value{g.args}
		if tup, ok := g.args.o.(*Tuple); ok {
			items = tup.items
		}
		out := name + "["
		for i, it := range items {
			if i > 0 {
				out += ", "
			}
			if c, ok := it.o.(*Type); ok {
				out += qualifiedName(c)
			} else {
				r, err := t.Repr(it)
				if err != nil {
					return Null, err
				}
				out += r
			}
		}
		return StrValue(out + "]"), nil
	})
	addMethod(genericAliasType, "__call__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return t.Call(self.o.(*GenericAlias).origin, args, kw)
	})
	genericAliasType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		g := o.o.(*GenericAlias)
		switch name {
		case "__origin__":
			return g.origin, true, nil
		case "__args__":
			if tup, ok := g.args.o.(*Tuple); ok {
				return Obj(tup), true, nil
			}
			return TupleValue(g.args), true, nil
		}
		return Null, false, nil
	}
}
