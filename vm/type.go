// type.go defines Type (a Python class, built-in or user-defined), the C3
// method resolution order, and attribute lookup along it.

package vm

import "strings"

// Type is a class object. Built-in types are created by the VM at start-up;
// user classes by __build_class__.
type Type struct {
	Name     string
	QualName string
	Module   string
	Bases    []*Type
	MRO      []*Type
	Dict     *Dict
	Doc      string

	// base is the built-in type whose layout instances of this type use
	// (ObjectType, BaseExceptionType, ...); builtin marks VM-defined types.
	base    *Type
	builtin bool
	// payload is the built-in data type (list, dict, int, str, ...) whose
	// value instances of this type carry; nil for plain objects.
	payload *Type
	// slots lists __slots__ names when the class declares them (no __dict__).
	slots   []string
	hasDict bool

	// new creates an instance of a built-in type (and of user subclasses
	// whose base is that type): it implements type.__call__ for them.
	// nil means "object layout": an *Instance.
	new func(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error)

	// attr resolves special attributes of built-in objects that are not in
	// the type's dict (e.g. function.__name__); nil when there are none.
	attr func(t *Thread, o Value, name string) (Value, bool, error)
	// setAttr stores such special attributes; nil when there are none.
	setAttr func(t *Thread, o Value, name string, v Value) (bool, error)

	subclasses []*Type
	version    uint64         // changes whenever the class or a base changes (attrcache.go)
	cache      map[*Str]Value // MRO lookup cache, cleared on any change
	// flags cached from the dict for fast dispatch of user classes
	hasGetattr, hasGetattribute, hasSetattr, hasDescrGet bool
}

// Type implements Object: the class of a class is `type`.
func (t *Type) Type() *Type { return TypeType }

// IsSubtype reports whether t is sub (or a subclass of it).
func (t *Type) IsSubtype(sup *Type) bool {
	if t == sup {
		return true
	}
	for _, m := range t.MRO {
		if m == sup {
			return true
		}
	}
	return false
}

// Lookup finds name along the MRO, returning NULL when absent.
func (t *Type) Lookup(name *Str) Value {
	if t.cache != nil {
		if v, ok := t.cache[name]; ok {
			return v
		}
	}
	var res Value
	for _, m := range t.MRO {
		if v, ok := m.Dict.GetStr(name); ok {
			res = v
			break
		}
	}
	if t.cache == nil {
		t.cache = make(map[*Str]Value)
	}
	if len(t.cache) < 4096 {
		t.cache[name] = res
	}
	return res
}

// LookupString is Lookup by Go string.
func (t *Type) LookupString(name string) Value { return t.Lookup(Intern(name)) }

// invalidate clears the lookup caches of t and every subclass; called when
// a class attribute changes.
func (t *Type) invalidate() {
	t.cache = nil
	t.version = typeVersions.Add(1)
	t.refreshFlags()
	for _, s := range t.subclasses {
		s.invalidate()
	}
}

func (t *Type) refreshFlags() {
	if t.builtin {
		return
	}
	t.hasGetattr = t.userLookup("__getattr__")
	t.hasGetattribute = t.userLookup("__getattribute__")
	t.hasSetattr = t.userLookup("__setattr__")
}

// userLookup reports whether name is defined by a non-builtin class in the MRO.
func (t *Type) userLookup(name string) bool {
	s := Intern(name)
	for _, m := range t.MRO {
		if m.builtin {
			continue
		}
		if _, ok := m.Dict.GetStr(s); ok {
			return true
		}
	}
	return false
}

// SetAttr stores a class attribute.
func (t *Type) SetAttr(name *Str, v Value) {
	t.Dict.SetStr(name, v)
	t.invalidate()
}

// newBuiltinType makes a built-in type with the given base.
func newBuiltinType(name string, base *Type) *Type {
	t := &Type{Name: name, QualName: name, Module: "builtins", Dict: NewDict(), builtin: true, version: typeVersions.Add(1)}
	if base != nil {
		t.Bases = []*Type{base}
		t.MRO = append([]*Type{t}, base.MRO...)
		t.base = base.base
		t.new = base.new
		base.subclasses = append(base.subclasses, t)
	} else {
		t.MRO = []*Type{t}
	}
	return t
}

// computeMRO is the C3 linearisation of cls with its bases.
func computeMRO(cls *Type) ([]*Type, error) {
	var seqs [][]*Type
	for _, b := range cls.Bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), cls.Bases...))
	res := []*Type{cls}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return res, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
					}
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			names := make([]string, len(cls.Bases))
			for i, b := range cls.Bases {
				names[i] = b.Name
			}
			return nil, Errorf(TypeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
		}
		res = append(res, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// Instance is an instance of a user-defined class with object layout.
type Instance struct {
	cls   *Type
	dict  *Dict
	slots []Value
	// base is the built-in value of an instance of a subclass of a
	// built-in data type (the list of a `class L(list)` instance).
	base Value
}

// unwrapSelf returns the built-in value inside an instance of a subclass
// of a built-in type, for that type's methods; other values unchanged.
func unwrapSelf(v Value) Value {
	if in, ok := v.o.(*Instance); ok && in.base.o != nil {
		return in.base
	}
	return v
}

// Type implements Object.
func (o *Instance) Type() *Type { return o.cls }

// Dict returns the instance's __dict__ (nil with __slots__).
func (o *Instance) Dict() *Dict { return o.dict }

func newInstance(cls *Type) *Instance {
	in := &Instance{cls: cls}
	if cls != ObjectType && (cls.hasDict || cls.slots == nil) {
		in.dict = NewDict()
	}
	if cls.slots != nil {
		in.slots = make([]Value, len(cls.slots))
	}
	return in
}

// slotIndex returns the index of a __slots__ name in cls's layout, or -1.
func (t *Type) slotIndex(name string) int {
	for i, s := range t.slots {
		if s == name {
			return i
		}
	}
	return -1
}

// instanceDict returns the attribute dict of an object, or nil.
func instanceDict(o Object) *Dict {
	switch x := o.(type) {
	case *Instance:
		return x.dict
	case *Exception:
		return x.dictOrNew()
	case *Function:
		if x.dict == nil {
			x.dict = NewDict()
		}
		return x.dict
	case *Module:
		return x.dict
	}
	return nil
}

// attrHook returns the special-attribute hook of the nearest class in the
// MRO that has one.
func (t *Type) attrHook() func(t *Thread, o Value, name string) (Value, bool, error) {
	for _, m := range t.MRO {
		if m.attr != nil {
			return m.attr
		}
	}
	return nil
}

// setAttrHook is attrHook for stores.
func (t *Type) setAttrHook() func(t *Thread, o Value, name string, v Value) (bool, error) {
	for _, m := range t.MRO {
		if m.setAttr != nil {
			return m.setAttr
		}
	}
	return nil
}
