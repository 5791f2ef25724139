// class.go implements class creation (__build_class__), the methods of
// object and type, super(), and the property / staticmethod / classmethod
// descriptors.

package vm

import (
	"fmt"
	"strings"
)

var buildClassBuiltin *Builtin

func setupBuildClass() {
	buildClassBuiltin = NewBuiltin("__build_class__", buildClass)
}

// buildClass is __build_class__(func, name, *bases, **kw).
func buildClass(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	npos := len(args) - len(kw)
	if npos < 2 {
		return Null, Errorf(TypeErrorType, "__build_class__: not enough arguments")
	}
	body, ok := args[0].o.(*Function)
	if !ok {
		return Null, Errorf(TypeErrorType, "__build_class__: func must be a function")
	}
	name, ok := args[1].o.(*Str)
	if !ok {
		return Null, Errorf(TypeErrorType, "__build_class__: name is not a string")
	}
	var bases []*Type
	var makers []Value // bases asking to build the class themselves
	for _, b := range args[2:npos] {
		if bt, ok := b.o.(*Type); ok {
			bases = append(bases, bt)
			continue
		}
		// PEP 560: a non-class base may stand for classes via __mro_entries__
		me, err := t.GetAttr(b, Intern("__mro_entries__"))
		if err != nil {
			return Null, Errorf(TypeErrorType, "bases must be types")
		}
		r, err := t.Call(me, []Value{Obj(NewTuple(append([]Value(nil), args[2:npos]...)))}, nil)
		if err != nil {
			return Null, err
		}
		entries, err := t.ToList(r)
		if err != nil {
			return Null, err
		}
		for _, e := range entries {
			bt, ok := e.o.(*Type)
			if !ok {
				return Null, Errorf(TypeErrorType, "__mro_entries__ must return a tuple of types")
			}
			bases = append(bases, bt)
		}
		// yflow has no metaclasses; a base may instead provide a factory
		// that turns the class into the real one (typing.NamedTuple)
		if mk, err := t.GetAttr(b, Intern("_yflow_make_class")); err == nil {
			makers = append(makers, mk)
		}
	}
	var meta Value
	var extraKw []*Str
	var extraVals []Value
	for i, k := range kw {
		if k.s == "metaclass" {
			meta = args[npos+i]
			continue
		}
		extraKw = append(extraKw, k)
		extraVals = append(extraVals, args[npos+i])
	}
	if meta.o != nil && !meta.Is(Obj(TypeType)) {
		return Null, Errorf(TypeErrorType, "yflow does not support metaclasses")
	}
	ns := NewDict()
	ns.SetStr(strModule, body.globals.getStrValue(strName))
	ns.SetStr(strQualName, StrValue(body.qualname))
	// run the body with ns as its locals mapping
	f, err := t.setupFunctionFrame(body, nil, nil)
	if err != nil {
		return Null, err
	}
	f.locals = ns
	if _, err := t.runFrame(f); err != nil {
		return Null, err
	}
	cls, err := t.newClass(name.s, bases, ns)
	if err != nil {
		return Null, err
	}
	if cell, ok := ns.GetStr(strClassCell); ok {
		if c, ok := cell.o.(*Cell); ok {
			c.v = Obj(cls)
		}
		ns.Delete(t, Obj(strClassCell))
	}
	// __set_name__ and __init_subclass__
	for _, e := range cls.Dict.entries {
		if e.key.o == nil {
			continue
		}
		if in, ok := e.val.o.(*Instance); ok {
			if m := in.cls.Lookup(strSetName); m.o != nil {
				if _, err := t.callMethodValue(m, e.val, []Value{Obj(cls), e.key}); err != nil {
					return Null, err
				}
			}
		}
	}
	if len(makers) > 0 {
		return t.Call(makers[0], []Value{Obj(cls)}, nil)
	}
	if len(cls.MRO) > 1 {
		parent := cls.MRO[1]
		if m := parent.Lookup(strInitSubclass); m.o != nil {
			if _, builtin := m.o.(*MethodDescr); !builtin {
				fn := m
				if cm, ok := m.o.(*ClassMethod); ok {
					fn = cm.fn
				}
				all := append([]Value{Obj(cls)}, extraVals...)
				if _, err := t.Call(fn, all, extraKw); err != nil {
					return Null, err
				}
			}
		} else if len(extraKw) > 0 {
			return Null, Errorf(TypeErrorType, "%s.__init_subclass__() takes no keyword arguments", cls.Name)
		}
	}
	return Obj(cls), nil
}

// newClass makes a user class.
func (t *Thread) newClass(name string, bases []*Type, ns *Dict) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	cls := &Type{Name: name, QualName: name, Bases: bases, Dict: ns, version: typeVersions.Add(1)}
	if q, ok := ns.GetStr(strQualName); ok {
		if s, ok := q.o.(*Str); ok {
			cls.QualName = s.s
		}
		ns.Delete(t, Obj(strQualName))
	}
	if m, ok := ns.GetStr(strModule); ok {
		if s, ok := m.o.(*Str); ok {
			cls.Module = s.s
		}
	}
	// the layout: the most derived built-in base
	var base *Type
	for _, b := range bases {
		bb := b.base
		if bb == nil {
			bb = ObjectType
		}
		if base == nil || base == ObjectType {
			base = bb
		} else if bb != ObjectType && bb != base && !bb.IsSubtype(base) && !base.IsSubtype(bb) {
			return nil, Errorf(TypeErrorType, "multiple bases have instance lay-out conflict")
		} else if bb.IsSubtype(base) {
			base = bb
		}
		if b.builtin && b != ObjectType && !b.IsSubtype(BaseExceptionType) {
			switch b {
			case BoolType, RangeType, SliceType, FunctionType, NoneType, GeneratorType, MethodType, BuiltinType:
				return nil, Errorf(TypeErrorType, "type '%s' is not an acceptable base type", b.Name)
			}
		}
		if b.payload != nil {
			if cls.payload != nil && cls.payload != b.payload {
				return nil, Errorf(TypeErrorType, "multiple bases have instance lay-out conflict")
			}
			cls.payload = b.payload
		}
	}
	cls.base = base
	for _, b := range bases {
		if b.new != nil {
			cls.new = b.new
		}
	}
	mro, err := computeMRO(cls)
	if err != nil {
		return nil, err
	}
	cls.MRO = mro
	// __new__ is implicitly a staticmethod; __init_subclass__ and
	// __class_getitem__ implicitly classmethods
	if v, ok := ns.GetStr(strDunderNew); ok {
		if _, ok := v.o.(*Function); ok {
			ns.SetStr(strDunderNew, Obj(&StaticMethod{fn: v}))
		}
	}
	for _, n := range []string{"__init_subclass__", "__class_getitem__"} {
		if v, ok := ns.GetStr(Intern(n)); ok {
			if _, ok := v.o.(*Function); ok {
				ns.SetStr(Intern(n), Obj(&ClassMethod{fn: v}))
			}
		}
	}
	// __eq__ without __hash__ makes instances unhashable
	if _, ok := ns.GetStr(strEq); ok {
		if _, ok := ns.GetStr(strHash); !ok {
			ns.SetStr(strHash, None)
		}
	}
	// __slots__
	cls.hasDict = false
	for _, m := range mro[1:] {
		if !m.builtin && m.slots == nil {
			cls.hasDict = true
		}
	}
	if sv, ok := ns.GetStr(strSlots); ok {
		var names []string
		if s, ok := sv.o.(*Str); ok {
			names = []string{s.s}
		} else {
			items, err := t.ToList(sv)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				s, ok := it.o.(*Str)
				if !ok {
					return nil, Errorf(TypeErrorType, "__slots__ items must be strings, not '%s'", it.Type().Name)
				}
				if s.s == "__dict__" {
					cls.hasDict = true
					continue
				}
				names = append(names, s.s)
			}
		}
		var all []string
		for i := len(mro) - 1; i >= 1; i-- {
			all = append(all, mro[i].slots...)
		}
		cls.slots = append(all, names...)
		if cls.slots == nil {
			cls.slots = []string{}
		}
	} else {
		cls.hasDict = true
		for i := len(mro) - 1; i >= 1; i-- {
			cls.slots = append(cls.slots, mro[i].slots...)
		}
	}
	if cls.base != ObjectType {
		cls.hasDict = true
	}
	for _, b := range bases {
		b.subclasses = append(b.subclasses, cls)
	}
	cls.refreshFlags()
	return cls, nil
}

// mutablePayload reports whether a built-in data type is filled by
// __init__ (list, dict, set) rather than fixed by __new__.
func mutablePayload(p *Type) bool {
	return p == ListType || p == DictType || p == SetType || p == ByteArrayType
}

// newPayloadInstance creates an instance of a user subclass of a built-in
// data type.
func (t *Thread) newPayloadInstance(cls *Type, args []Value, kw []*Str) (Value, error) {
	in := newInstance(cls)
	p := cls.payload
	if mutablePayload(p) {
		v, err := p.new(t, p, nil, nil)
		if err != nil {
			return Null, err
		}
		in.base = v
	} else {
		v, err := p.new(t, p, args, kw)
		if err != nil {
			return Null, err
		}
		in.base = v
	}
	return Obj(in), nil
}

// setupPayloadInit gives list, dict and set an __init__ that (re)fills the
// value, so subclasses can call super().__init__(...).
func setupPayloadInit() {
	for _, p := range []*Type{IntType, FloatType, ComplexType, StrType, BytesType, ByteArrayType, ListType, TupleType, DictType, SetType, FrozenSetType} {
		p.payload = p
	}
	addMethod(ListType, "__init__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list", args, kw, 0, 1); err != nil {
			return Null, err
		}
		l := self.o.(*List)
		if len(args) == 1 {
			items, err := t.ToList(args[0])
			if err != nil {
				return Null, err
			}
			l.items = items
		} else {
			l.items = nil
		}
		return None, nil
	})
	addMethod(DictType, "__init__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		v, err := DictType.new(t, DictType, args, kw)
		if err != nil {
			return Null, err
		}
		d := self.o.(*Dict)
		for _, k := range v.o.(*Dict).Keys() {
			val, _, _ := v.o.(*Dict).Get(t, k)
			if err := d.Set(t, k, val); err != nil {
				return Null, err
			}
		}
		return None, nil
	})
	addMethod(SetType, "__init__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		v, err := SetType.new(t, SetType, args, kw)
		if err != nil {
			return Null, err
		}
		st := self.o.(*Set)
		for _, e := range v.o.(*Set).Elems() {
			if err := st.Add(t, e); err != nil {
				return Null, err
			}
		}
		return None, nil
	})
}

func setupObjectMethods() {
	addStaticNew(ObjectType, func(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
		if len(args) == 0 {
			return Null, Errorf(TypeErrorType, "object.__new__(): not enough arguments")
		}
		cls, ok := args[0].o.(*Type)
		if !ok {
			return Null, Errorf(TypeErrorType, "object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
		}
		if cls.payload != nil && !cls.builtin {
			return t.newPayloadInstance(cls, args[1:], kw)
		}
		if cls.new != nil {
			return cls.new(t, cls, args[1:], kw)
		}
		return Obj(newInstance(cls)), nil
	})
	addMethod(ObjectType, "__init__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, nil
	})
	addMethod(ObjectType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		typ := self.Type()
		name := typ.QualName
		if typ.Module != "" && typ.Module != "builtins" {
			name = typ.Module + "." + name
		}
		return StrValue(fmt.Sprintf("<%s object at 0x%x>", name, uintptrOf(self))), nil
	})
	addMethod(ObjectType, "__str__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s, err := t.Repr(self)
		return StrValue(s), err
	})
	addMethod(ObjectType, "__hash__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Int(identityHash(self)), nil
	})
	addMethod(ObjectType, "__eq__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__eq__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		if self.Is(args[0]) {
			return True, nil
		}
		return NotImplemented, nil
	})
	addMethod(ObjectType, "__ne__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__ne__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		r, err := t.Compare(0+2, self, args[0]) // CmpEq
		if err != nil {
			return Null, err
		}
		if r.Is(NotImplemented) {
			return r, nil
		}
		b, err := t.Truth(r)
		return Bool(!b), err
	})
	for _, n := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		addMethod(ObjectType, n, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			return NotImplemented, nil
		})
	}
	addMethod(ObjectType, "__setattr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__setattr__", args, kw, 2, 2); err != nil {
			return Null, err
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[0].Type().Name)
		}
		if in, ok := self.o.(*Instance); ok {
			return None, t.genericSetAttr(in, Intern(name.s), args[1])
		}
		return None, t.SetAttr(self, Intern(name.s), args[1])
	})
	addMethod(ObjectType, "__getattribute__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__getattribute__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "attribute name must be string, not '%s'", args[0].Type().Name)
		}
		return t.getAttr(self, Intern(name.s))
	})
	addMethod(ObjectType, "__delattr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__delattr__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		name, _ := args[0].o.(*Str)
		if name == nil {
			return Null, Errorf(TypeErrorType, "attribute name must be string")
		}
		if in, ok := self.o.(*Instance); ok && in.dict != nil {
			if ok, _ := in.dict.Delete(t, Obj(Intern(name.s))); ok {
				return None, nil
			}
		}
		return Null, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", self.Type().Name, name.s)
	})
	addMethod(ObjectType, "__format__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__format__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		if s, ok := args[0].o.(*Str); ok && s.s != "" {
			return Null, Errorf(TypeErrorType, "unsupported format string passed to %s.__format__", self.Type().Name)
		}
		return t.StrValueOf(self)
	})
	addMethod(ObjectType, "__dir__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		names := NewDict()
		if d := instanceDict(self.o); d != nil {
			for _, k := range d.Keys() {
				names.Set(t, k, None)
			}
		}
		for _, m := range self.Type().MRO {
			for _, k := range m.Dict.Keys() {
				names.Set(t, k, None)
			}
		}
		return Obj(NewList(names.Keys())), nil
	})
	addClassMethod(ObjectType, "__init_subclass__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return None, nil
	})
	addMethod(ObjectType, "__reduce_ex__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Null, Errorf(TypeErrorType, "cannot pickle '%s' object", self.Type().Name)
	})
}

func setupTypeMethods() {
	TypeType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		npos := len(args) - len(kw)
		if npos == 1 {
			return Obj(args[0].Type()), nil
		}
		if npos != 3 {
			return Null, Errorf(TypeErrorType, "type() takes 1 or 3 arguments")
		}
		name, ok := args[0].o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "type.__new__() argument 1 must be str, not %s", args[0].Type().Name)
		}
		bt, ok := args[1].o.(*Tuple)
		if !ok {
			return Null, Errorf(TypeErrorType, "type.__new__() argument 2 must be tuple, not %s", args[1].Type().Name)
		}
		d, ok := args[2].o.(*Dict)
		if !ok {
			return Null, Errorf(TypeErrorType, "type.__new__() argument 3 must be dict, not %s", args[2].Type().Name)
		}
		var bases []*Type
		for _, b := range bt.items {
			bb, ok := b.o.(*Type)
			if !ok {
				return Null, Errorf(TypeErrorType, "bases must be types")
			}
			bases = append(bases, bb)
		}
		ns := d.Copy()
		if _, ok := ns.GetStr(strModule); !ok {
			if t.frame != nil {
				ns.SetStr(strModule, t.frame.globals.getStrValue(strName))
			}
		}
		c, err := t.newClass(name.s, bases, ns)
		if err != nil {
			return Null, err
		}
		return Obj(c), nil
	}
	addMethod(TypeType, "mro", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		c := self.o.(*Type)
		items := make([]Value, len(c.MRO))
		for i, m := range c.MRO {
			items[i] = Obj(m)
		}
		return Obj(NewList(items)), nil
	})
	addMethod(TypeType, "__subclasses__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		c := self.o.(*Type)
		var items []Value
		for _, s := range c.subclasses {
			items = append(items, Obj(s))
		}
		return Obj(NewList(items)), nil
	})
	addMethod(TypeType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		c := self.o.(*Type)
		if c.Module == "builtins" || c.Module == "" {
			return StrValue("<class '" + c.QualName + "'>"), nil
		}
		return StrValue("<class '" + c.Module + "." + c.QualName + "'>"), nil
	})
	addMethod(TypeType, "__instancecheck__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return Bool(args[0].Type().IsSubtype(self.o.(*Type))), nil
	})
	addMethod(TypeType, "__subclasscheck__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		c, ok := args[0].o.(*Type)
		return Bool(ok && c.IsSubtype(self.o.(*Type))), nil
	})
}

// ------------------------------------------------------------------- super

// Super is a super() proxy.
type Super struct {
	typ     *Type // the class whose MRO successor is searched
	obj     Value // the instance (or class)
	objType *Type
}

// Type implements Object.
func (*Super) Type() *Type { return SuperType }

func superNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, Errorf(TypeErrorType, "super() takes no keyword arguments")
	}
	var typ *Type
	var obj Value
	switch len(args) {
	case 0:
		f := t.frame
		if f == nil || f.fn == nil {
			return Null, Errorf(RuntimeErrorType, "super(): no arguments")
		}
		code := f.code
		if code.ArgCount == 0 {
			return Null, Errorf(RuntimeErrorType, "super(): no arguments")
		}
		obj = f.slots[0]
		if code.Cell2Arg != nil {
			for i, a := range code.Cell2Arg {
				if a == 0 && f.cells[i] != nil {
					obj = f.cells[i].v
				}
			}
		}
		if obj.o == nil {
			return Null, Errorf(RuntimeErrorType, "super(): arg[0] deleted")
		}
		for i, n := range code.FreeVars {
			if n == "__class__" {
				c := f.cells[len(code.CellVars)+i]
				if tc, ok := c.v.o.(*Type); ok {
					typ = tc
				}
			}
		}
		if typ == nil {
			return Null, Errorf(RuntimeErrorType, "super(): __class__ cell not found")
		}
	case 1, 2:
		tc, ok := args[0].o.(*Type)
		if !ok {
			return Null, Errorf(TypeErrorType, "super() argument 1 must be a type, not %s", args[0].Type().Name)
		}
		typ = tc
		if len(args) == 2 {
			obj = args[1]
		}
	default:
		return Null, Errorf(TypeErrorType, "super() takes at most 2 arguments")
	}
	s := &Super{typ: typ, obj: obj}
	if obj.o != nil {
		if c, ok := obj.o.(*Type); ok && c.IsSubtype(typ) {
			s.objType = c
		} else if obj.Type().IsSubtype(typ) {
			s.objType = obj.Type()
		} else {
			return Null, Errorf(TypeErrorType, "super(type, obj): obj must be an instance or subtype of type")
		}
	}
	return Obj(s), nil
}

func superAttr(t *Thread, o Value, name string) (Value, bool, error) {
	s := o.o.(*Super)
	if s.objType == nil {
		return Null, false, nil
	}
	mro := s.objType.MRO
	i := 0
	for i < len(mro) && mro[i] != s.typ {
		i++
	}
	key := Intern(name)
	for _, m := range mro[i+1:] {
		if v, ok := m.Dict.GetStr(key); ok {
			self := s.obj
			if _, isCls := s.obj.o.(*Type); isCls {
				self = Null
			}
			if sm, ok := v.o.(*StaticMethod); ok && name == "__new__" {
				return sm.fn, true, nil
			}
			r, err := t.bindAttr(v, self, s.objType)
			return r, true, err
		}
	}
	if name == "__class__" {
		return Obj(SuperType), true, nil
	}
	return Null, true, Errorf(AttributeErrorType, "'super' object has no attribute '%s'", name)
}

func setupMiscTypes() {
	setupIterTypes()
	SuperType.new = superNew
	SuperType.attr = superAttr
	PropertyType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		var fget, fset, fdel, doc Value
		if err := unpackArgs("property", args, kw, []string{"fget", "fset", "fdel", "doc"}, 0, &fget, &fset, &fdel, &doc); err != nil {
			return Null, err
		}
		return Obj(&Property{fget: fget, fset: fset, fdel: fdel, doc: doc}), nil
	}
	propCopy := func(which int) BuiltinFn {
		return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
			if err := checkArgs("property", args, kw, 1, 1); err != nil {
				return Null, err
			}
			p := *self.o.(*Property)
			switch which {
			case 0:
				p.fget = args[0]
			case 1:
				p.fset = args[0]
			case 2:
				p.fdel = args[0]
			}
			return Obj(&p), nil
		}
	}
	addMethod(PropertyType, "getter", propCopy(0))
	addMethod(PropertyType, "setter", propCopy(1))
	addMethod(PropertyType, "deleter", propCopy(2))
	addMethod(PropertyType, "__get__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args) < 1 || args[0].IsNone() {
			return self, nil
		}
		return t.bindAttr(self, args[0], args[0].Type())
	})
	PropertyType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		p := o.o.(*Property)
		switch name {
		case "fget":
			return orNone(p.fget), true, nil
		case "fset":
			return orNone(p.fset), true, nil
		case "fdel":
			return orNone(p.fdel), true, nil
		case "__doc__":
			if p.doc.o != nil {
				return p.doc, true, nil
			}
			if p.fget.o != nil {
				v, err := t.GetAttr(p.fget, strDoc)
				return v, true, err
			}
			return None, true, nil
		}
		return Null, false, nil
	}
	// the descriptor protocol of the built-in descriptors, called directly
	descrArgs := func(name string, args []Value, kw []*Str) (Value, Value, error) {
		if err := checkArgs(name, args, kw, 1, 2); err != nil {
			return Null, Null, err
		}
		obj, typ := args[0], None
		if len(args) == 2 {
			typ = args[1]
		}
		if obj.IsNone() && typ.IsNone() {
			return Null, Null, Errorf(TypeErrorType, "__get__(None, None) is invalid")
		}
		return obj, typ, nil
	}
	addMethod(StaticMethodType, "__get__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if _, _, err := descrArgs("__get__", args, kw); err != nil {
			return Null, err
		}
		return self.o.(*StaticMethod).fn, nil
	})
	addMethod(ClassMethodType, "__get__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		obj, typ, err := descrArgs("__get__", args, kw)
		if err != nil {
			return Null, err
		}
		if typ.IsNone() {
			typ = Obj(obj.Type())
		}
		return Obj(&Method{fn: self.o.(*ClassMethod).fn, self: typ}), nil
	})
	addMethod(PropertyType, "__get__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		obj, _, err := descrArgs("__get__", args, kw)
		if err != nil {
			return Null, err
		}
		p := self.o.(*Property)
		if obj.IsNone() {
			return self, nil
		}
		if p.fget.o == nil || p.fget.IsNone() {
			return Null, Errorf(AttributeErrorType, "property object has no getter")
		}
		return t.Call(p.fget, []Value{obj}, nil)
	})
	MethodType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		// types.MethodType(function, instance)
		if err := checkArgs("method", args, kw, 2, 2); err != nil {
			return Null, err
		}
		if !Callable(args[0]) {
			return Null, Errorf(TypeErrorType, "first argument must be callable")
		}
		if args[1].IsNone() {
			return Null, Errorf(TypeErrorType, "instance must not be None")
		}
		return Obj(&Method{fn: args[0], self: args[1]}), nil
	}
	StaticMethodType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("staticmethod", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return Obj(&StaticMethod{fn: args[0]}), nil
	}
	ClassMethodType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("classmethod", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return Obj(&ClassMethod{fn: args[0]}), nil
	}
	wrappedAttr := func(t *Thread, o Value, name string) (Value, bool, error) {
		var fn Value
		switch x := o.o.(type) {
		case *StaticMethod:
			fn = x.fn
		case *ClassMethod:
			fn = x.fn
		}
		if name == "__func__" || name == "__wrapped__" {
			return fn, true, nil
		}
		if name == "__name__" || name == "__qualname__" || name == "__doc__" {
			v, err := t.GetAttr(fn, Intern(name))
			return v, true, err
		}
		return Null, false, nil
	}
	StaticMethodType.attr = wrappedAttr
	ClassMethodType.attr = wrappedAttr
	addMethod(StaticMethodType, "__get__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return self.o.(*StaticMethod).fn, nil
	})
	StaticMethodType.Dict.SetStr(strCall, Obj(NewBuiltin("__call__", nil)))
	StaticMethodType.Dict.Delete(nil, Obj(strCall))
	FunctionType.attr = functionAttr
	FunctionType.setAttr = functionSetAttr
	addMethod(FunctionType, "__get__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args) < 1 || args[0].IsNone() {
			return self, nil
		}
		return Obj(&Method{fn: self, self: args[0]}), nil
	})
	addMethod(FunctionType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		f := self.o.(*Function)
		return StrValue(fmt.Sprintf("<function %s at 0x%x>", f.qualname, uintptrOf(self))), nil
	})
	MethodType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		m := o.o.(*Method)
		switch name {
		case "__self__":
			return m.self, true, nil
		case "__func__":
			return m.fn, true, nil
		}
		v, err := t.GetAttr(m.fn, Intern(name))
		if err != nil {
			return Null, false, nil
		}
		return v, true, nil
	}
	addMethod(MethodType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		m := self.o.(*Method)
		name := "?"
		if f, ok := m.fn.o.(*Function); ok {
			name = f.qualname
		}
		r, err := t.Repr(m.self)
		if err != nil {
			return Null, err
		}
		return StrValue(fmt.Sprintf("<bound method %s of %s>", name, r)), nil
	})
	addMethod(MethodType, "__eq__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		m := self.o.(*Method)
		o, ok := args[0].o.(*Method)
		if !ok {
			return NotImplemented, nil
		}
		return Bool(m.fn.Is(o.fn) && m.self.Is(o.self)), nil
	})
	addMethod(MethodType, "__hash__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		m := self.o.(*Method)
		return Int(identityHash(m.fn) ^ identityHash(m.self)), nil
	})
	BuiltinType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		b := o.o.(*Builtin)
		switch name {
		case "__name__", "__qualname__":
			return StrValue(b.name), true, nil
		case "__self__":
			return orNone(b.self), true, nil
		case "__doc__":
			return None, true, nil
		}
		return Null, false, nil
	}
	addMethod(BuiltinType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		b := self.o.(*Builtin)
		if b.self.o != nil {
			return StrValue(fmt.Sprintf("<built-in method %s of %s object at 0x%x>", b.name, b.self.Type().Name, uintptrOf(b.self))), nil
		}
		return StrValue("<built-in function " + b.name + ">"), nil
	})
	MethodDescrType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		d := o.o.(*MethodDescr)
		switch name {
		case "__name__":
			return StrValue(d.name), true, nil
		case "__qualname__":
			return StrValue(d.owner.Name + "." + d.name), true, nil
		case "__objclass__":
			return Obj(d.owner), true, nil
		}
		return Null, false, nil
	}
	addMethod(MethodDescrType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		d := self.o.(*MethodDescr)
		return StrValue(fmt.Sprintf("<method '%s' of '%s' objects>", d.name, d.owner.Name)), nil
	})
	ModuleType.attr = nil
	addMethod(ModuleType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		m := self.o.(*Module)
		if f, ok := m.dict.GetStr(strFile); ok {
			fs, _ := t.Str(f)
			return StrValue(fmt.Sprintf("<module '%s' from '%s'>", m.name, fs)), nil
		}
		return StrValue(fmt.Sprintf("<module '%s' (built-in)>", m.name)), nil
	})
	addMethod(CellType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue(fmt.Sprintf("<cell at 0x%x>", uintptrOf(self))), nil
	})
	addMethod(NoneType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue("None"), nil
	})
	NoneType.new = func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) { return None, nil }
	addMethod(NotImplementedType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue("NotImplemented"), nil
	})
	addMethod(EllipsisType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue("Ellipsis"), nil
	})
	addMethod(SuperType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		s := self.o.(*Super)
		return StrValue(fmt.Sprintf("<super: <class '%s'>, <%s object>>", s.typ.Name, s.objType.Name)), nil
	})
	addMethod(TracebackType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		return StrValue(fmt.Sprintf("<traceback object at 0x%x>", uintptrOf(self))), nil
	})
	TracebackType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		tb := o.o.(*Traceback)
		switch name {
		case "tb_lineno":
			return Int(int64(tb.line)), true, nil
		case "tb_next":
			if tb.next == nil {
				return None, true, nil
			}
			return Obj(tb.next), true, nil
		}
		return Null, false, nil
	}
	CodeType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		c := o.o.(*CodeObject).code
		switch name {
		case "co_name":
			return StrValue(c.Name), true, nil
		case "co_qualname":
			return StrValue(c.QualName), true, nil
		case "co_filename":
			return StrValue(c.Filename), true, nil
		case "co_firstlineno":
			return Int(int64(c.FirstLine)), true, nil
		case "co_argcount":
			return Int(int64(c.ArgCount)), true, nil
		case "co_varnames":
			items := make([]Value, len(c.VarNames))
			for i, n := range c.VarNames {
				items[i] = StrValue(n)
			}
			return TupleValue(items...), true, nil
		case "co_flags":
			return Int(cpythonCoFlags(c.Flags)), true, nil
		}
		return Null, false, nil
	}
}

func orNone(v Value) Value {
	if v.o == nil {
		return None
	}
	return v
}

func functionAttr(t *Thread, o Value, name string) (Value, bool, error) {
	f := o.o.(*Function)
	switch name {
	case "__name__":
		return Obj(f.name), true, nil
	case "__qualname__":
		return StrValue(f.qualname), true, nil
	case "__module__":
		return orNone(f.module), true, nil
	case "__doc__":
		return orNone(f.doc), true, nil
	case "__code__":
		return Obj(codeObjectOf(f.code)), true, nil
	case "__globals__":
		return Obj(f.globals), true, nil
	case "__defaults__":
		if f.defaults == nil {
			return None, true, nil
		}
		return Obj(NewTuple(f.defaults)), true, nil
	case "__kwdefaults__":
		if f.kwdefaults == nil {
			return None, true, nil
		}
		return Obj(f.kwdefaults), true, nil
	case "__closure__":
		if f.closure == nil {
			return None, true, nil
		}
		items := make([]Value, len(f.closure))
		for i, c := range f.closure {
			items[i] = Obj(c)
		}
		return TupleValue(items...), true, nil
	case "__annotations__":
		if f.dict != nil {
			if v, ok := f.dict.GetStr(Intern(name)); ok {
				return v, true, nil
			}
		}
		d := NewDict()
		f.dictOrNew().SetStr(Intern(name), Obj(d))
		return Obj(d), true, nil
	case "__dict__":
		return Obj(f.dictOrNew()), true, nil
	}
	return Null, false, nil
}

func (f *Function) dictOrNew() *Dict {
	if f.dict == nil {
		f.dict = NewDict()
	}
	return f.dict
}

func functionSetAttr(t *Thread, o Value, name string, v Value) (bool, error) {
	f := o.o.(*Function)
	switch name {
	case "__name__":
		s, ok := v.o.(*Str)
		if !ok {
			return true, Errorf(TypeErrorType, "__name__ must be set to a string object")
		}
		f.name = s
		return true, nil
	case "__qualname__":
		s, ok := v.o.(*Str)
		if !ok {
			return true, Errorf(TypeErrorType, "__qualname__ must be set to a string object")
		}
		f.qualname = s.s
		return true, nil
	case "__doc__":
		f.doc = v
		return true, nil
	case "__module__":
		f.module = v
		return true, nil
	case "__defaults__":
		if v.IsNone() {
			f.defaults = nil
		} else if tup, ok := v.o.(*Tuple); ok {
			f.defaults = tup.items
		}
		return true, nil
	case "__kwdefaults__":
		if d, ok := v.o.(*Dict); ok {
			f.kwdefaults = d
		} else {
			f.kwdefaults = nil
		}
		return true, nil
	}
	f.dictOrNew().SetStr(Intern(name), v)
	return true, nil
}

// qualifiedName is module.qualname for reprs of user classes.
func qualifiedName(c *Type) string {
	if c.Module == "" || c.Module == "builtins" {
		return c.QualName
	}
	return strings.Join([]string{c.Module, c.QualName}, ".")
}
